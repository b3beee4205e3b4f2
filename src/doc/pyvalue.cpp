#include "skillscore/doc/pyvalue.hpp"

#include <cstdio>
#include <cstdlib>

#include "skillscore/util/float_repr.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::doc {
namespace {

// Python's numeric key equality: True == 1 == 1.0, False == 0 == 0.0.
bool numeric_value(const PyValue& v, double& out) {
  switch (v.type) {
    case PyType::Bool: out = v.boolean ? 1.0 : 0.0; return true;
    case PyType::Int: out = std::strtod(v.text.c_str(), nullptr); return true;
    case PyType::Float: out = v.number; return true;
    default: return false;
  }
}

bool same_key(const PyValue& a, const PyValue& b) {
  double x = 0, y = 0;
  if (a.type != b.type && numeric_value(a, x) && numeric_value(b, y)) return x == y;
  if (a.type != b.type) return false;
  switch (a.type) {
    case PyType::None: return true;
    case PyType::Bool: return a.boolean == b.boolean;
    case PyType::Float: return a.number == b.number;
    case PyType::List:
    case PyType::Map:
    case PyType::Set:
    case PyType::Tuple:
    case PyType::Ref: return false;  // unhashable, or not met as a key
    default: return a.text == b.text;
  }
}

// Python's str.isprintable() for a non-ASCII code point, from the general
// categories Python treats as unprintable (Z* but space, C*). Unassigned code
// points are treated as printable: a documented approximation.
bool printable_non_ascii(char32_t cp) {
  if (cp <= 0xA0 || cp == 0xAD) return false;                  // C1 controls, NBSP, soft hyphen
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;               // lone surrogates (from \u escapes)
  if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F)) return false;
  if (cp >= 0x2028 && cp <= 0x202F) return false;
  if (cp >= 0x205F && cp <= 0x2064) return false;
  if (cp >= 0x2066 && cp <= 0x206F) return false;
  if (cp == 0x3000 || cp == 0xFEFF || (cp >= 0xFFF9 && cp <= 0xFFFB)) return false;
  if ((cp >= 0x600 && cp <= 0x605) || cp == 0x61C || cp == 0x6DD || cp == 0x70F || cp == 0x180E) return false;
  if (cp >= 0xE000 && cp <= 0xF8FF) return false;               // private use
  if (cp >= 0xF0000) return false;                              // private use planes
  if (cp >= 0xE0000 && cp <= 0xE007F) return false;             // tags
  return true;
}

void repr_into(const PyValue& v, std::string& out, std::size_t max_bytes);

void str_into(const PyValue& v, std::string& out, std::size_t max_bytes) {
  switch (v.type) {
    case PyType::None: out += "None"; return;
    case PyType::Bool: out += v.boolean ? "True" : "False"; return;
    case PyType::Float: out += util::py_float_repr(v.number); return;
    case PyType::Int:
    case PyType::Str:
    case PyType::Date:
    case PyType::DateTime: out += v.text; return;
    case PyType::List:
    case PyType::Map:
    case PyType::Bytes:
    case PyType::Set:
    case PyType::Tuple:
    case PyType::Ref: repr_into(v, out, max_bytes); return;
  }
}

// repr(bytes): b'...', with Python's choice of quote and escapes.
void bytes_repr_into(std::string_view b, std::string& out) {
  const bool has_single = b.find('\'') != std::string_view::npos;
  const bool has_double = b.find('"') != std::string_view::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  out += 'b';
  out += quote;
  for (char ch : b) {
    const auto c = static_cast<unsigned char>(ch);
    char buf[8];
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  out += quote;
}

void repr_into(const PyValue& v, std::string& out, std::size_t max_bytes) {
  if (out.size() > max_bytes) return;
  switch (v.type) {
    case PyType::Str: out += py_repr_string(v.text); return;
    case PyType::Date: {
      // datetime.date(2024, 1, 1)
      int y = 0, m = 0, d = 0;
      std::sscanf(v.text.c_str(), "%d-%d-%d", &y, &m, &d);
      out += "datetime.date(" + std::to_string(y) + ", " + std::to_string(m) + ", " + std::to_string(d) + ")";
      return;
    }
    case PyType::DateTime: out += v.repr_text; return;
    case PyType::Bytes: bytes_repr_into(v.text, out); return;
    case PyType::Ref: out += v.ref_type == PyType::Map ? "{...}" : "[...]"; return;
    case PyType::Set:
    case PyType::Tuple: {
      if (v.type == PyType::Set && v.items.empty()) {
        out += "set()";
        return;
      }
      out += v.type == PyType::Set ? '{' : '(';
      for (std::size_t i = 0; i < v.items.size() && out.size() <= max_bytes; ++i) {
        if (i) out += ", ";
        repr_into(v.items[i], out, max_bytes);
      }
      if (v.type == PyType::Tuple && v.items.size() == 1) out += ',';
      out += v.type == PyType::Set ? '}' : ')';
      return;
    }
    case PyType::List: {
      out += '[';
      for (std::size_t i = 0; i < v.items.size() && out.size() <= max_bytes; ++i) {
        if (i) out += ", ";
        repr_into(v.items[i], out, max_bytes);
      }
      out += ']';
      return;
    }
    case PyType::Map: {
      out += '{';
      for (std::size_t i = 0; i < v.entries.size() && out.size() <= max_bytes; ++i) {
        if (i) out += ", ";
        repr_into(v.entries[i].first, out, max_bytes);
        out += ": ";
        repr_into(v.entries[i].second, out, max_bytes);
      }
      out += '}';
      return;
    }
    default: str_into(v, out, max_bytes); return;
  }
}

}  // namespace

const std::pair<PyValue, PyValue>* PyValue::entry(std::string_view key) const {
  const PyValue& self = deref();
  if (self.type != PyType::Map) return nullptr;
  for (const auto& e : self.entries) {
    if (e.first.type == PyType::Str && e.first.text == key) return &e;
  }
  return nullptr;
}

const PyValue* PyValue::get(std::string_view key) const {
  const auto* e = entry(key);
  return e ? &e->second : nullptr;
}

void PyValue::set(PyValue key, PyValue value) {
  for (auto& e : entries) {
    if (same_key(e.first, key)) {
      e.second = std::move(value);
      return;
    }
  }
  entries.emplace_back(std::move(key), std::move(value));
}

bool py_truthy(const PyValue& v) {
  switch (v.type) {
    case PyType::None: return false;
    case PyType::Bool: return v.boolean;
    case PyType::Int: return v.text != "0";
    case PyType::Float: return v.number != 0.0;
    case PyType::Str: return !v.text.empty();
    case PyType::Date:
    case PyType::DateTime: return true;
    case PyType::List:
    case PyType::Set:
    case PyType::Tuple: return !v.items.empty();
    case PyType::Map: return !v.entries.empty();
    case PyType::Bytes: return !v.text.empty();
    case PyType::Ref: return true;  // it holds the path to itself: never empty
  }
  return false;
}

// str() and repr() of a Ref are those of the object it names; only inside
// that object's own walk does it print as "[...]" or "{...}".
std::string py_str(const PyValue& v, std::size_t max_bytes) {
  std::string out;
  str_into(v.deref(), out, max_bytes);
  return out;
}

std::string py_repr(const PyValue& v, std::size_t max_bytes) {
  std::string out;
  repr_into(v.deref(), out, max_bytes);
  return out;
}

std::string py_repr_string(std::string_view s) {
  const bool has_single = s.find('\'') != std::string_view::npos;
  const bool has_double = s.find('"') != std::string_view::npos;
  const char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out(1, quote);
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t start = pos;
    const char32_t cp = util::decode_utf8(s, pos);
    char buf[16];
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
      out += buf;
    } else if (cp < 0x80 || printable_non_ascii(cp)) {
      out.append(s.substr(start, pos - start));
    } else if (cp <= 0xFF) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
      out += buf;
    } else if (cp <= 0xFFFF) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      out += buf;
    } else {
      std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
      out += buf;
    }
  }
  out += quote;
  return out;
}

std::string_view py_type_name(PyType t) {
  switch (t) {
    case PyType::None: return "NoneType";
    case PyType::Bool: return "bool";
    case PyType::Int: return "int";
    case PyType::Float: return "float";
    case PyType::Str: return "str";
    case PyType::Date: return "date";
    case PyType::DateTime: return "datetime";
    case PyType::List: return "list";
    case PyType::Map: return "dict";
    case PyType::Bytes: return "bytes";
    case PyType::Set: return "set";
    case PyType::Tuple: return "tuple";
    case PyType::Ref: return t == PyType::Ref ? "list or dict" : "?";
  }
  return "?";
}

}  // namespace skillscore::doc
