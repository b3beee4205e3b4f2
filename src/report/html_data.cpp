#include "html_data.hpp"

#include <set>

#include "html_util.hpp"
#include "report_util.hpp"

namespace skillscore::report::html {

std::uint32_t StringTable::intern(const std::string& s) {
  auto [it, inserted] = index_.try_emplace(s, static_cast<std::uint32_t>(order_.size()));
  if (inserted) order_.push_back(&it->first);
  return it->second;
}

std::uint32_t ListTable::intern(std::vector<std::int64_t> list) {
  auto [it, inserted] = index_.try_emplace(std::move(list), static_cast<std::uint32_t>(order_.size()));
  if (inserted) order_.push_back(&it->first);
  return it->second;
}

void PageData::add(const Assessment& a) {
  Row row;
  row.path = a.path;
  row.score = a.score.score;
  row.rating = a.score.rating;
  row.issue_count = static_cast<std::uint32_t>(a.issues.size());
  std::vector<std::int64_t> strengths;
  strengths.reserve(a.strengths.size());
  for (const auto& s : a.strengths) strengths.push_back(strings_.intern(s));
  row.strengths = strength_lists_.intern(std::move(strengths));
  std::vector<std::int64_t> issues;
  issues.reserve(a.issues.size() * 5);
  std::set<std::uint32_t> seen_rules;
  for (const auto& i : a.issues) {
    const std::uint32_t r = rule_index(i.rule, i.slug);
    if (seen_rules.insert(r).second) ++rules_[r].skills;
    issues.push_back(r);
    issues.push_back(static_cast<std::int64_t>(i.severity));
    issues.push_back(strings_.intern(i.message));
    issues.push_back(static_cast<std::int64_t>(i.line));
    issues.push_back(i.recommendation.empty() ? -1 : static_cast<std::int64_t>(strings_.intern(i.recommendation)));
  }
  row.issues = issue_lists_.intern(std::move(issues));
  rows_.push_back(std::move(row));
}

std::uint32_t PageData::rule_index(const std::string& id, const std::string& slug) {
  auto [it, inserted] = rule_ids_.try_emplace(id, static_cast<std::uint32_t>(rules_.size()));
  if (inserted) rules_.push_back({id, slug, 0});
  return it->second;
}

std::vector<std::uint32_t> PageData::rules_by_id() const {
  std::vector<std::uint32_t> out;
  for (const auto& [id, index] : rule_ids_) out.push_back(index);
  return out;
}

std::optional<std::uint32_t> PageData::find_rule(const std::string& id) const {
  auto it = rule_ids_.find(id);
  if (it == rule_ids_.end()) return std::nullopt;
  return it->second;
}

void PageData::write_block(std::string& out, const std::vector<std::size_t>& order) const {
  out += "<script type=\"application/json\" id=\"data\">{\"v\":1,\"sev\":[";
  const rules::Severity sevs[] = {rules::Severity::Error, rules::Severity::Warning, rules::Severity::Info};
  for (std::size_t i = 0; i < 3; ++i) {
    if (i) out += ',';
    out += script_json_string(detail::severity_name(sevs[i]));
  }
  out += "],\n\"rules\":[";
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    if (i) out += ',';
    out += '[' + script_json_string(rules_[i].id) + ',' + script_json_string(rules_[i].slug) + ']';
  }
  out += "],\n\"str\":[";
  const auto& strs = strings_.strings();
  for (std::size_t i = 0; i < strs.size(); ++i) {
    if (i) out += ",\n";
    out += script_json_string(*strs[i]);
  }
  auto lists = [&](const ListTable& t) {
    const auto& ls = t.lists();
    for (std::size_t i = 0; i < ls.size(); ++i) {
      if (i) out += ",\n";
      out += '[';
      for (std::size_t j = 0; j < ls[i]->size(); ++j) {
        if (j) out += ',';
        out += std::to_string((*ls[i])[j]);
      }
      out += ']';
    }
  };
  out += "],\n\"sl\":[";
  lists(strength_lists_);
  out += "],\n\"il\":[";
  lists(issue_lists_);
  out += "],\n\"sk\":[";
  std::size_t k = 0;
  for (std::size_t i : order) {
    if (k) out += (k % 16) ? "," : ",\n";
    out += std::to_string(rows_[i].strengths) + ',' + std::to_string(rows_[i].issues);
    ++k;
  }
  out += "]}</script>\n";
}

}  // namespace skillscore::report::html
