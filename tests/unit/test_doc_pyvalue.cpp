// Tests for src/doc/pyvalue.cpp: Python's bool(), str() and repr() of what
// yaml.safe_load returns (expectations computed with python3).
#include <doctest/doctest.h>

#include <string>

#include "skillscore/doc/pyvalue.hpp"

using namespace skillscore::doc;

namespace {
PyValue boolean(bool b) { PyValue v; v.type = PyType::Bool; v.boolean = b; return v; }
PyValue integer(std::string digits) { PyValue v; v.type = PyType::Int; v.text = std::move(digits); return v; }
PyValue real(double d) { PyValue v; v.type = PyType::Float; v.number = d; return v; }
PyValue date(std::string s) { PyValue v; v.type = PyType::Date; v.text = std::move(s); return v; }
PyValue list(std::vector<PyValue> items) { PyValue v; v.type = PyType::List; v.items = std::move(items); return v; }
PyValue map() { PyValue v; v.type = PyType::Map; return v; }
}  // namespace

TEST_SUITE("doc/pyvalue") {
  TEST_CASE("py_truthy is bool()") {
    CHECK_FALSE(py_truthy(PyValue::none()));
    CHECK_FALSE(py_truthy(boolean(false)));
    CHECK(py_truthy(boolean(true)));
    CHECK_FALSE(py_truthy(integer("0")));
    CHECK(py_truthy(integer("-1")));
    CHECK_FALSE(py_truthy(real(0.0)));
    CHECK_FALSE(py_truthy(real(-0.0)));
    CHECK(py_truthy(real(0.5)));
    CHECK_FALSE(py_truthy(PyValue::str("")));
    CHECK(py_truthy(PyValue::str("0")));  // bool("0") is True
    CHECK_FALSE(py_truthy(list({})));
    CHECK(py_truthy(list({PyValue::none()})));
    CHECK_FALSE(py_truthy(map()));
    CHECK(py_truthy(date("2024-01-01")));
  }

  TEST_CASE("py_str of scalars") {
    CHECK(py_str(PyValue::none()) == "None");
    CHECK(py_str(boolean(true)) == "True");
    CHECK(py_str(boolean(false)) == "False");
    CHECK(py_str(integer("-12")) == "-12");
    CHECK(py_str(real(3.1)) == "3.1");    // "3.10" loads as 3.1
    CHECK(py_str(real(1e16)) == "1e+16");
    CHECK(py_str(PyValue::str("it's")) == "it's");  // str() of a str adds no quotes
    CHECK(py_str(date("2024-01-01")) == "2024-01-01");
  }

  TEST_CASE("py_str of containers is their repr") {
    CHECK(py_str(list({PyValue::str("Use when x"), PyValue::str("before y")})) == "['Use when x', 'before y']");
    CHECK(py_str(list({})) == "[]");
    CHECK(py_str(map()) == "{}");
    CHECK(py_str(list({date("2024-01-01")})) == "[datetime.date(2024, 1, 1)]");
    // {'a': {'b': [1, None, True, 2.5, 'x']}}
    PyValue inner = map();
    inner.set(PyValue::str("b"), list({integer("1"), PyValue::none(), boolean(true), real(2.5), PyValue::str("x")}));
    PyValue outer = map();
    outer.set(PyValue::str("a"), inner);
    CHECK(py_str(outer) == "{'a': {'b': [1, None, True, 2.5, 'x']}}");
  }

  TEST_CASE("py_repr_string picks quotes as Python does") {
    CHECK(py_repr_string("plain") == "'plain'");
    CHECK(py_repr_string("it's") == "\"it's\"");
    CHECK(py_repr_string("say \"hi\"") == "'say \"hi\"'");
    CHECK(py_repr_string("both ' and \"") == "'both \\' and \"'");
  }

  TEST_CASE("py_repr_string escapes") {
    // repr("a\tb\nc\\d\x01\x7f\r") == 'a\tb\nc\\d\x01\x7f\r'
    CHECK(py_repr_string("a\tb\nc\\d\x01\x7f\r") == "'a\\tb\\nc\\\\d\\x01\\x7f\\r'");
    // repr("é\xa0\u200b日\xad\u3000\x85") == 'é\xa0\u200b日\xad\u3000\x85'
    CHECK(py_repr_string("\xC3\xA9\xC2\xA0\xE2\x80\x8B\xE6\x97\xA5\xC2\xAD\xE3\x80\x80\xC2\x85") ==
          "'\xC3\xA9\\xa0\\u200b\xE6\x97\xA5\\xad\\u3000\\x85'");
    // repr("\U0001F389\U000F0000") == '🎉\U000f0000' ; repr("\ue000") == '\ue000'
    CHECK(py_repr_string("\xF0\x9F\x8E\x89\xF3\xB0\x80\x80") == "'\xF0\x9F\x8E\x89\\U000f0000'");
    CHECK(py_repr_string("\xEE\x80\x80") == "'\\ue000'");
  }

  TEST_CASE("map set, get and entry follow dict semantics") {
    PyValue m = map();
    m.set(PyValue::str("name"), PyValue::str("first"));
    m.set(PyValue::str("other"), integer("1"));
    m.set(PyValue::str("name"), PyValue::str("last"));  // first position, last value
    REQUIRE(m.entries.size() == 2);
    CHECK(m.entries[0].first.text == "name");
    CHECK(m.get("name")->text == "last");
    CHECK(m.get("missing") == nullptr);
    CHECK(m.entry("other") == &m.entries[1]);
    // True == 1 == 1.0 as dict keys: {1: 'a', True: 'b', 1.0: 'c'} == {1: 'c'}
    PyValue n = map();
    n.set(integer("1"), PyValue::str("a"));
    n.set(boolean(true), PyValue::str("b"));
    n.set(real(1.0), PyValue::str("c"));
    REQUIRE(n.entries.size() == 1);
    CHECK(n.entries[0].first.type == PyType::Int);
    CHECK(py_str(n) == "{1: 'c'}");
    CHECK(PyValue::str("x").get("x") == nullptr);  // not a map
  }

  TEST_CASE("py_type_name") {
    CHECK(py_type_name(PyType::None) == "NoneType");
    CHECK(py_type_name(PyType::List) == "list");
    CHECK(py_type_name(PyType::Map) == "dict");
    CHECK(py_type_name(PyType::Str) == "str");
  }
}
