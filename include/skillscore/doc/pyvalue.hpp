#pragma once
// A loaded YAML value as PyYAML's safe_load would give it to Python, with the
// Python semantics the reference relies on: truthiness and str().
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace skillscore::doc {

// Bytes (!!binary), Set (!!set) and Tuple (the pairs of !!omap and !!pairs,
// inside a List) are what safe_load gives beyond JSON's types. Ref stands
// where a value contains itself (an alias to an ancestor): repr() prints
// "[...]" or "{...}" there, by `ref_type`. Read from where it stands (a key
// looked up in it, str() of it), a Ref is the object it names: `target`,
// that object as Python's repr walks it from itself (its own Refs have no
// target: nothing the reference reads goes two aliases deep).
enum class PyType { None, Bool, Int, Float, Str, Date, DateTime, List, Map, Bytes, Set, Tuple, Ref };

struct PyValue {
  PyType type = PyType::None;
  bool boolean = false;
  double number = 0.0;  // Float
  // Str: the content (a lone surrogate from a "\uD83C" escape is kept,
  // 3-byte encoded). Int: canonical decimal digits ("-12"). Date, DateTime:
  // str(). Bytes: the bytes.
  std::string text;
  PyType ref_type = PyType::None;  // Ref: the type of the value it stands for (List or Map)
  std::string repr_text;  // DateTime: repr() ("datetime.datetime(2024, 1, 1, 10, 0)")
  std::vector<PyValue> items;                          // List, Set (insertion order), Tuple
  std::vector<std::pair<PyValue, PyValue>> entries;    // Map, keys unique, insertion order
  std::shared_ptr<const PyValue> target;               // Ref: the object it names (may be null)
  std::size_t line = 0;    // 1-based, in the YAML text; 0 when unknown
  std::size_t column = 0;  // 1-based

  static PyValue none() { return {}; }
  static PyValue str(std::string s) {
    PyValue v;
    v.type = PyType::Str;
    v.text = std::move(s);
    return v;
  }

  bool is_map() const { return type == PyType::Map || (type == PyType::Ref && ref_type == PyType::Map); }
  // The object itself: a Ref's target where it has one, else this value.
  const PyValue& deref() const { return type == PyType::Ref && target ? *target : *this; }
  // dict.get(key) for a str key; nullptr when absent (or when this is no map).
  const PyValue* get(std::string_view key) const;
  // The entry for `key` (to find the key's own line), nullptr when absent.
  const std::pair<PyValue, PyValue>* entry(std::string_view key) const;
  // Inserts or replaces (Python dict assignment: first position, last value).
  void set(PyValue key, PyValue value);
};

// bool(value) in Python.
bool py_truthy(const PyValue& v);
// str(value) in Python. Very large containers are cut at `max_bytes`.
std::string py_str(const PyValue& v, std::size_t max_bytes = 1 << 20);
// repr(value) in Python.
std::string py_repr(const PyValue& v, std::size_t max_bytes = 1 << 20);
// Python's repr() of a str.
std::string py_repr_string(std::string_view s);
std::string_view py_type_name(PyType t);

}  // namespace skillscore::doc
