#include "skillscore/report/collection.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "skillscore/report/json_writer.hpp"
#include "skillscore/util/bpe.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::report {
namespace {

// docs/budgets.md cites these; a host whose limit is configurable gets its default.
constexpr HostInfo k_hosts[] = {
    {Host::ClaudeCode, "claude-code", 8000, 1536,
     "Claude Code skills docs (code.claude.com/docs/en/skills): the listing of skill names and descriptions gets "
     "1% of the context window, 8,000 characters when the window is unknown (SLASH_COMMAND_TOOL_CHAR_BUDGET "
     "changes it); each skill's description and when_to_use are cut at 1,536 characters"},
    {Host::AgentSkills, "agentskills", 0, 1024,
     "Agent Skills specification (agentskills.io/specification): description at most 1,024 characters; "
     "about 100 tokens of metadata per skill loaded at start-up, no limit on the sum"},
};

std::uint64_t fnv(std::string_view s, std::uint64_t seed = 1469598103934665603ull) {
  std::uint64_t h = seed;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}
std::uint64_t mix(std::uint64_t x) {  // splitmix64's finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// Lower-cased ASCII words of letters and digits (other code points kept as they are).
std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || u >= 0x80) w += c;
    else if (u >= 'A' && u <= 'Z') w += static_cast<char>(u + 32);
    else if (!w.empty()) out.push_back(std::move(w)), w.clear();
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

std::vector<std::uint64_t> shingles(const std::vector<std::string>& w) {
  std::vector<std::uint64_t> out;
  if (w.size() < 3) {
    std::string all;
    for (const auto& x : w) all += x + " ";
    if (!all.empty()) out.push_back(fnv(all));
  }
  for (std::size_t i = 0; i + 2 < w.size(); ++i) out.push_back(fnv(w[i] + " " + w[i + 1] + " " + w[i + 2]));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::size_t i = 0, j = 0, both = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) ++both, ++i, ++j;
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  const std::size_t either = a.size() + b.size() - both;
  return either ? static_cast<double>(both) / static_cast<double>(either) : 1.0;
}

std::string preview(std::string_view s) {
  std::size_t pos = 0, n = 0;
  while (pos < s.size() && n < 60) util::decode_utf8(s, pos), ++n;
  return std::string(s.substr(0, pos)) + (pos < s.size() ? "..." : "");
}

// Groups of indices whose keys are equal (keys already normalised); only groups of 2+.
std::vector<std::vector<std::size_t>> equal_groups(const std::vector<std::string>& keys) {
  std::map<std::string_view, std::vector<std::size_t>> by;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (!keys[i].empty()) by[keys[i]].push_back(i);
  }
  std::vector<std::vector<std::size_t>> out;
  for (auto& [k, v] : by) {
    if (v.size() > 1) out.push_back(std::move(v));
  }
  return out;
}

bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  std::size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
  return a.substr(i) == b.substr(i + 1);
}

}  // namespace

std::span<const HostInfo> hosts() { return k_hosts; }

std::optional<Host> host_from_name(std::string_view name) {
  for (const auto& h : k_hosts) {
    if (h.name == name) return h.value;
  }
  return std::nullopt;
}

CollectionReport check_collection(std::vector<CollectionSkill> skills, Host host, double threshold) {
  std::sort(skills.begin(), skills.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  CollectionReport r;
  r.host = k_hosts[static_cast<std::size_t>(host)];
  r.skills = skills.size();
  for (const auto& s : skills) {
    const std::size_t d = util::count_code_points(s.description);
    if (d > r.host.per_skill_chars) {
      if (r.over_per_skill++ == 0) r.first_over_per_skill = s.path;
    }
    r.listing_chars += util::count_code_points(s.name) + std::min(d, r.host.per_skill_chars);
    r.description_tokens += util::count_tokens(util::Encoding::O200kBase, s.description);
  }
  r.over_total = r.host.total_chars && r.listing_chars > r.host.total_chars;

  auto group = [&](const std::vector<std::size_t>& idx, std::string key, double sim) {
    DuplicateGroup g{std::move(key), {}, sim};
    for (auto i : idx) g.paths.push_back(skills[i].path);
    std::sort(g.paths.begin(), g.paths.end());
    return g;
  };

  // Names: equal, then equal once case and separators are ignored or one edit apart.
  std::vector<std::string> names, loose;
  for (const auto& s : skills) {
    names.push_back(s.name);
    std::string l;
    for (const auto& w : words(s.name)) l += w;
    loose.push_back(l);
  }
  for (const auto& g : equal_groups(names)) r.duplicate_names.push_back(group(g, names[g[0]], 1.0));
  {
    // Deletion neighbourhoods: two names one edit apart share a key (the name or
    // the name less one character); only distinct loose forms are compared.
    std::map<std::string, std::vector<std::size_t>> first_of;  // loose form -> skills
    for (std::size_t i = 0; i < skills.size(); ++i) {
      if (loose[i].size() >= 5) first_of[loose[i]].push_back(i);
    }
    std::vector<std::string> forms;
    for (const auto& [f, v] : first_of) forms.push_back(f);
    std::unordered_map<std::string, std::vector<std::size_t>> keys;
    for (std::size_t f = 0; f < forms.size(); ++f) {
      keys[forms[f]].push_back(f);
      for (std::size_t k = 0; k < forms[f].size(); ++k) keys[forms[f].substr(0, k) + forms[f].substr(k + 1)].push_back(f);
    }
    std::set<std::pair<std::size_t, std::size_t>> pairs;
    for (auto& [k, v] : keys) {
      std::sort(v.begin(), v.end());
      v.erase(std::unique(v.begin(), v.end()), v.end());
      if (v.size() > 64) continue;  // a key shared that widely is no evidence of copying
      for (std::size_t a = 0; a < v.size(); ++a)
        for (std::size_t b = a + 1; b < v.size(); ++b)
          if (within_one_edit(forms[v[a]], forms[v[b]])) pairs.insert({v[a], v[b]});
    }
    // Skills whose names differ only in case or separators are near duplicates too.
    for (const auto& [f, v] : first_of) {
      std::set<std::string> distinct;
      for (auto i : v) distinct.insert(names[i]);
      if (distinct.size() > 1) r.near_duplicate_names.push_back(group(v, *distinct.begin(), 1.0));
    }
    for (const auto& [a, b] : pairs) {
      std::vector<std::size_t> idx = first_of[forms[a]];
      idx.insert(idx.end(), first_of[forms[b]].begin(), first_of[forms[b]].end());
      r.near_duplicate_names.push_back(group(idx, names[idx[0]] + " ~ " + names[idx.back()], 0.0));
    }
  }

  // Descriptions: equal after normalisation, then MinHash buckets verified by Jaccard.
  std::vector<std::string> norm;
  std::vector<std::vector<std::string>> w;
  for (const auto& s : skills) {
    w.push_back(words(s.description));
    std::string n;
    for (const auto& x : w.back()) n += x + " ";
    norm.push_back(n);
  }
  for (const auto& g : equal_groups(norm)) r.duplicate_descriptions.push_back(group(g, preview(skills[g[0]].description), 1.0));
  {
    std::map<std::string_view, std::size_t> rep;  // one skill per distinct normalised text
    std::map<std::string_view, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < skills.size(); ++i) {
      if (w[i].size() >= 5) rep.emplace(norm[i], i), members[norm[i]].push_back(i);
    }
    std::vector<std::size_t> reps;
    for (const auto& [t, i] : rep) reps.push_back(i);
    constexpr int k_bands = 16, k_rows = 4;
    std::vector<std::vector<std::uint64_t>> sh(reps.size());
    std::vector<std::pair<std::uint64_t, std::size_t>> buckets;
    for (std::size_t k = 0; k < reps.size(); ++k) {
      sh[k] = shingles(w[reps[k]]);
      for (int b = 0; b < k_bands; ++b) {
        std::uint64_t band = 0x9e3779b97f4a7c15ull * static_cast<std::uint64_t>(b + 1);
        for (int row = 0; row < k_rows; ++row) {
          std::uint64_t m = ~0ull;
          const std::uint64_t seed = mix(static_cast<std::uint64_t>(b * k_rows + row + 1));
          for (auto x : sh[k]) m = std::min(m, mix(x ^ seed));
          band = mix(band ^ m);
        }
        buckets.emplace_back(band, k);
      }
    }
    std::sort(buckets.begin(), buckets.end());
    std::set<std::pair<std::size_t, std::size_t>> seen;
    for (std::size_t i = 0; i < buckets.size();) {
      std::size_t j = i;
      while (j < buckets.size() && buckets[j].first == buckets[i].first) ++j;
      if (j - i <= 64) {
        for (std::size_t a = i; a < j; ++a)
          for (std::size_t b = a + 1; b < j; ++b) {
            const auto p = std::minmax(buckets[a].second, buckets[b].second);
            if (!seen.insert(p).second) continue;
            const double sim = jaccard(sh[p.first], sh[p.second]);
            if (sim >= threshold) {
              std::vector<std::size_t> idx = members[norm[reps[p.first]]];
              const auto& more = members[norm[reps[p.second]]];
              idx.insert(idx.end(), more.begin(), more.end());
              r.near_duplicate_descriptions.push_back(group(idx, preview(skills[reps[p.first]].description), sim));
            }
          }
      }
      i = j;
    }
  }
  auto order = [](std::vector<DuplicateGroup>& v) {
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.paths < b.paths; });
  };
  order(r.duplicate_names);
  order(r.near_duplicate_names);
  order(r.duplicate_descriptions);
  order(r.near_duplicate_descriptions);
  return r;
}

std::string collection_text(const CollectionReport& r) {
  std::string out = "collection: " + std::to_string(r.skills) + " skills; names and descriptions: " +
                    std::to_string(r.listing_chars) + " characters, descriptions " + std::to_string(r.description_tokens) +
                    " tokens (o200k_base)\n";
  out += "  " + std::string(r.host.name) + ": ";
  if (r.host.total_chars) {
    out += std::to_string(r.listing_chars) + " of " + std::to_string(r.host.total_chars) + " characters at start-up" +
           (r.over_total ? " (OVER: descriptions will be cut or dropped)" : " (fits)") + "\n";
  } else {
    out += "no documented limit on the sum\n";
  }
  if (r.over_per_skill) {
    out += "  " + std::to_string(r.over_per_skill) + " description(s) over " + std::to_string(r.host.per_skill_chars) +
           " characters (first: " + r.first_over_per_skill + ")\n";
  }
  auto list = [&](const char* what, const std::vector<DuplicateGroup>& groups) {
    if (groups.empty()) return;
    out += std::string(what) + ": " + std::to_string(groups.size()) + " group(s)\n";
    for (const auto& g : groups) {
      out += "  '" + g.key + "'";
      if (g.similarity < 1.0 && g.similarity > 0.0) out += " (similarity " + std::to_string(g.similarity).substr(0, 4) + ")";
      out += ":";
      for (const auto& p : g.paths) out += " " + p;
      out += "\n";
    }
  };
  list("duplicate names", r.duplicate_names);
  list("near-duplicate names", r.near_duplicate_names);
  list("duplicate descriptions", r.duplicate_descriptions);
  list("near-duplicate descriptions", r.near_duplicate_descriptions);
  out += "  limits: " + std::string(r.host.source) + "\n";
  return out;
}

std::string collection_json(const CollectionReport& r) {
  JsonWriter w(2);
  w.begin_object().key("skills").value(r.skills).key("host").value(r.host.name);
  w.key("listing_chars").value(r.listing_chars).key("description_tokens_o200k").value(r.description_tokens);
  w.key("total_limit").value(r.host.total_chars).key("over_total").value(r.over_total);
  w.key("per_skill_limit").value(r.host.per_skill_chars).key("over_per_skill").value(r.over_per_skill);
  auto groups = [&](const char* k, const std::vector<DuplicateGroup>& v) {
    w.key(k).begin_array();
    for (const auto& g : v) {
      w.begin_object().key("key").value(g.key).key("similarity").value(g.similarity).key("paths").begin_array();
      for (const auto& p : g.paths) w.value(p);
      w.end_array().end_object();
    }
    w.end_array();
  };
  groups("duplicate_names", r.duplicate_names);
  groups("near_duplicate_names", r.near_duplicate_names);
  groups("duplicate_descriptions", r.duplicate_descriptions);
  groups("near_duplicate_descriptions", r.near_duplicate_descriptions);
  w.end_object();
  return w.take() + "\n";
}

}  // namespace skillscore::report
