#pragma once
// A rule file's tree as the loader reads it. Files on disk come from YAML
// (yaml-cpp); the built-in profiles come from a compact form made from the
// same YAML by yaml-cpp at build time (tools/compile_rules.cpp), so that
// loading one costs no YAML parse (the parse was most of a one-file run's
// rule loading). Both give the same tree, with the same positions.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace YAML {
class Node;
}

namespace skillscore::rules {

class RuleNode {
 public:
  enum class Kind : std::uint8_t { Undefined, Null, Scalar, Sequence, Map };

  bool IsDefined() const { return kind_ != Kind::Undefined; }
  bool IsNull() const { return kind_ == Kind::Null; }
  bool IsScalar() const { return kind_ == Kind::Scalar; }
  bool IsSequence() const { return kind_ == Kind::Sequence; }
  bool IsMap() const { return kind_ == Kind::Map; }
  const std::string& Scalar() const { return scalar_; }
  // A scalar written in quotes ('0.1' is text to YAML, not a number).
  bool Quoted() const { return quoted_; }
  // Items of a sequence, entries of a mapping.
  std::size_t size() const { return kind_ == Kind::Map ? children_.size() / 2 : children_.size(); }
  // A mapping's value for `key`; an undefined node when there is none.
  const RuleNode& operator[](std::string_view key) const;
  const std::vector<RuleNode>& items() const { return children_; }  // a sequence's
  const RuleNode& key(std::size_t i) const { return children_[2 * i]; }
  const RuleNode& value(std::size_t i) const { return children_[2 * i + 1]; }
  // 0-based, -1 when unknown (as yaml-cpp's Mark).
  int line() const { return line_; }
  int column() const { return column_; }
  // A mapping without the entry for `key` (positions kept): a key the loader
  // reads itself before handing the rest to a reader that allows fixed keys.
  RuleNode without(std::string_view key) const;

  static RuleNode from_yaml(const YAML::Node& node);
  // YAML text read into a tree (yaml-cpp): the one reader of rule files,
  // .skillscore.yaml and --weights files. nullopt with `error`
  // "SOURCE:LINE: not valid WHAT: cause" when it is not YAML.
  static std::optional<RuleNode> load(std::string_view text, std::string_view source, std::string_view what,
                                      std::string& error);
  // The compact form: serialize(from_yaml(n)) at build time, parse() at run
  // time. parse() throws std::runtime_error on bytes serialize() did not write.
  std::string serialize() const;
  static RuleNode parse(std::string_view bytes);

 private:
  void write(std::string& out) const;
  static RuleNode read(std::string_view bytes, std::size_t& pos, int depth);

  Kind kind_ = Kind::Undefined;
  int line_ = -1;
  int column_ = -1;
  bool quoted_ = false;
  std::string scalar_;
  std::vector<RuleNode> children_;  // a mapping's keys and values alternate
};

}  // namespace skillscore::rules
