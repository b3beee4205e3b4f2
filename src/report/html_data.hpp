#pragma once
// What the HTML report keeps of each skill: a row of the table, and the
// details (issues, recommendations, strengths) as one JSON data block in which
// every string is stored once (a string table) and identical issue and
// strength lists are shared, so 10,000 skills stay at a few MB.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "skillscore/report/assessment.hpp"

namespace skillscore::report::html {

struct Row {
  std::string path;
  double score = 0.0;
  score::Rating rating = score::Rating::Poor;
  std::uint32_t issue_count = 0;
  std::uint32_t strengths = 0;  // index into the strength lists
  std::uint32_t issues = 0;     // index into the issue lists
};

struct RuleEntry {
  std::string id;
  std::string slug;
  std::size_t skills = 0;  // skills with at least one issue of the rule
};

// Strings stored once, numbered in order of first use.
class StringTable {
 public:
  std::uint32_t intern(const std::string& s);
  const std::vector<const std::string*>& strings() const { return order_; }

 private:
  std::unordered_map<std::string, std::uint32_t> index_;
  std::vector<const std::string*> order_;
};

// Integer lists stored once (identical strength or issue lists are shared).
class ListTable {
 public:
  std::uint32_t intern(std::vector<std::int64_t> list);
  const std::vector<const std::vector<std::int64_t>*>& lists() const { return order_; }

 private:
  std::map<std::vector<std::int64_t>, std::uint32_t> index_;
  std::vector<const std::vector<std::int64_t>*> order_;
};

class PageData {
 public:
  void add(const Assessment& a);
  const std::vector<Row>& rows() const { return rows_; }
  const std::vector<RuleEntry>& rules() const { return rules_; }
  // Rule indices in id order (the rule filter's options).
  std::vector<std::uint32_t> rules_by_id() const;
  std::optional<std::uint32_t> find_rule(const std::string& id) const;
  // The <script type="application/json" id="data"> block, skills in `order`:
  // {"sev":[...],"rules":[[id,slug],...],"str":[...],"sl":[[str...]...],
  //  "il":[[rule,sev,message,line,recommendation(-1: none),...]...],
  //  "sk":[strength list, issue list, ...] in table order}
  void write_block(std::string& out, const std::vector<std::size_t>& order) const;

 private:
  std::uint32_t rule_index(const std::string& id, const std::string& slug);

  std::vector<Row> rows_;
  StringTable strings_;
  ListTable strength_lists_, issue_lists_;
  std::vector<RuleEntry> rules_;
  std::map<std::string, std::uint32_t> rule_ids_;
};

}  // namespace skillscore::report::html
