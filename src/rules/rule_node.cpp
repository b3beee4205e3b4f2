#include "skillscore/rules/rule_node.hpp"

#include <yaml-cpp/yaml.h>

#include <stdexcept>

namespace skillscore::rules {
namespace {

// In a node's kind byte: the scalar was written in quotes.
constexpr unsigned k_quoted_bit = 0x80;

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

std::uint64_t get_varint(std::string_view in, std::size_t& pos) {
  std::uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos >= in.size()) throw std::runtime_error("compiled rule file: truncated");
    const auto byte = static_cast<unsigned char>(in[pos++]);
    v |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
    if (byte < 0x80) return v;
  }
  throw std::runtime_error("compiled rule file: bad number");
}

}  // namespace

const RuleNode& RuleNode::operator[](std::string_view key) const {
  static const RuleNode undefined;
  if (kind_ != Kind::Map) return undefined;
  for (std::size_t i = 0; i + 1 < children_.size(); i += 2) {
    if (children_[i].kind_ == Kind::Scalar && children_[i].scalar_ == key) return children_[i + 1];
  }
  return undefined;
}

RuleNode RuleNode::without(std::string_view key) const {
  RuleNode out = *this;
  if (kind_ != Kind::Map) return out;
  out.children_.clear();
  for (std::size_t i = 0; i + 1 < children_.size(); i += 2) {
    if (children_[i].kind_ == Kind::Scalar && children_[i].scalar_ == key) continue;
    out.children_.push_back(children_[i]);
    out.children_.push_back(children_[i + 1]);
  }
  return out;
}

RuleNode RuleNode::from_yaml(const YAML::Node& node) {
  RuleNode n;
  if (!node.IsDefined()) return n;
  n.line_ = node.Mark().line;
  n.column_ = node.Mark().column;
  switch (node.Type()) {
    case YAML::NodeType::Undefined: n.kind_ = Kind::Undefined; break;
    case YAML::NodeType::Null: n.kind_ = Kind::Null; break;
    case YAML::NodeType::Scalar:
      n.kind_ = Kind::Scalar;
      n.quoted_ = node.Tag() == "!";
      n.scalar_ = node.Scalar();
      break;
    case YAML::NodeType::Sequence:
      n.kind_ = Kind::Sequence;
      for (const auto& child : node) n.children_.push_back(from_yaml(child));
      break;
    case YAML::NodeType::Map:
      n.kind_ = Kind::Map;
      for (const auto& kv : node) {
        n.children_.push_back(from_yaml(kv.first));
        n.children_.push_back(from_yaml(kv.second));
      }
      break;
  }
  return n;
}

std::optional<RuleNode> RuleNode::load(std::string_view text, std::string_view source, std::string_view what,
                                       std::string& error) {
  try {
    return from_yaml(YAML::Load(std::string(text)));
  } catch (const YAML::Exception& e) {
    error = std::string(source) + ":" + std::to_string(e.mark.line + 1) + ": not valid " + std::string(what) + ": " + e.msg;
    return std::nullopt;
  }
}

std::string RuleNode::serialize() const {
  std::string out;
  write(out);
  return out;
}

void RuleNode::write(std::string& out) const {
  out += static_cast<char>(static_cast<unsigned>(kind_) | (quoted_ ? k_quoted_bit : 0u));
  put_varint(out, static_cast<std::uint64_t>(line_ + 1));
  put_varint(out, static_cast<std::uint64_t>(column_ + 1));
  switch (kind_) {
    case Kind::Scalar:
      put_varint(out, scalar_.size());
      out += scalar_;
      break;
    case Kind::Sequence:
    case Kind::Map:
      put_varint(out, children_.size());
      for (const auto& c : children_) c.write(out);
      break;
    default: break;
  }
}

RuleNode RuleNode::parse(std::string_view bytes) {
  std::size_t pos = 0;
  RuleNode n = read(bytes, pos, 0);
  if (pos != bytes.size()) throw std::runtime_error("compiled rule file: trailing bytes");
  return n;
}

RuleNode RuleNode::read(std::string_view in, std::size_t& pos, int depth) {
  if (depth > 256) throw std::runtime_error("compiled rule file: too deep");
  if (pos >= in.size()) throw std::runtime_error("compiled rule file: truncated");
  RuleNode n;
  const auto byte = static_cast<unsigned char>(in[pos++]);
  const auto kind = static_cast<unsigned char>(byte & ~k_quoted_bit);
  n.quoted_ = (byte & k_quoted_bit) != 0;
  if (kind > static_cast<unsigned char>(Kind::Map)) throw std::runtime_error("compiled rule file: bad node");
  n.kind_ = static_cast<Kind>(kind);
  n.line_ = static_cast<int>(get_varint(in, pos)) - 1;
  n.column_ = static_cast<int>(get_varint(in, pos)) - 1;
  if (n.kind_ == Kind::Scalar) {
    const auto len = get_varint(in, pos);
    if (len > in.size() - pos) throw std::runtime_error("compiled rule file: truncated");
    n.scalar_.assign(in.substr(pos, len));
    pos += len;
  } else if (n.kind_ == Kind::Sequence || n.kind_ == Kind::Map) {
    const auto count = get_varint(in, pos);
    if (count > in.size() - pos || (n.kind_ == Kind::Map && count % 2 != 0)) {
      throw std::runtime_error("compiled rule file: bad length");
    }
    n.children_.reserve(count);
    for (std::uint64_t i = 0; i < count; ++i) n.children_.push_back(read(in, pos, depth + 1));
  }
  return n;
}

}  // namespace skillscore::rules
