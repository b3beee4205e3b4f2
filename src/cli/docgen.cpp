#include "docgen.hpp"

#include <iostream>
#include <span>
#include <sstream>
#include <vector>

#include "skillscore/report/reporter.hpp"
#include "skillscore/rules/embedded.hpp"
#include "skillscore/rules/kinds.hpp"

namespace skillscore::cli {
namespace {

enum class ValueKind { None, File, Directory, Choice, Other };

// What an option takes, read from its CLI11 declaration; the names of the
// values and which ones complete as files are the only knowledge added here.
struct OptionDoc {
  std::vector<std::string> shorts, longs;  // without dashes
  std::string positional;
  std::string description;
  std::string value_name;  // "FILE"; empty for a flag
  ValueKind kind = ValueKind::None;
  std::vector<std::string> choices;
  std::string default_value;
  bool repeatable = false;
  bool required = false;
};

struct CommandDoc {
  std::string name, description;
  std::vector<OptionDoc> options;  // positionals last
};

struct ValueHint {
  std::string_view option, value_name;
  ValueKind kind;
};
constexpr ValueHint k_value_hints[] = {
    {"format", "FMT", ValueKind::Choice},       {"output", "FORMAT:PATH", ValueKind::File},
    {"profile", "NAME", ValueKind::Choice},     {"rules", "FILE", ValueKind::File},
    {"weights", "FILE", ValueKind::File},       {"config", "FILE", ValueKind::File},
    {"include", "GLOB", ValueKind::Other},      {"exclude", "GLOB", ValueKind::Other},
    {"jobs", "N", ValueKind::Other},            {"max-file-size", "BYTES", ValueKind::Other},
    {"min-score", "X", ValueKind::Other},       {"min-mean", "X", ValueKind::Other},
    {"fail-on", "SEV", ValueKind::Choice},      {"baseline", "FILE", ValueKind::File},
    {"tolerance", "X", ValueKind::Other},       {"summary", "FILE", ValueKind::File},
    {"output-dir", "DIR", ValueKind::Directory}, {"paths", "PATH", ValueKind::File},
    {"rule", "RULE", ValueKind::Other},
};

std::vector<std::string> split_choices(const std::string& type_name) {
  // IsMember shows as "TEXT:{a,b,c}".
  std::vector<std::string> out;
  const auto open = type_name.find('{'), close = type_name.rfind('}');
  if (open == std::string::npos || close == std::string::npos || close < open) return out;
  std::stringstream in(type_name.substr(open + 1, close - open - 1));
  for (std::string item; std::getline(in, item, ',');) out.push_back(item);
  return out;
}

OptionDoc describe(const CLI::Option& o) {
  OptionDoc d;
  d.shorts = o.get_snames();
  d.longs = o.get_lnames();
  if (!o.nonpositional()) d.positional = o.get_name(true);
  d.description = o.get_description();
  d.default_value = o.get_default_str();
  d.repeatable = o.get_expected_max() > 1;
  d.required = o.get_required();
  if (o.get_expected_max() == 0) return d;  // a flag
  const std::string key = d.longs.empty() ? d.positional : d.longs.front();
  d.kind = ValueKind::Other;
  d.value_name = "VALUE";
  for (const auto& h : k_value_hints) {
    if (h.option == key) {
      d.value_name = std::string(h.value_name);
      d.kind = h.kind;
    }
  }
  d.choices = split_choices(o.get_type_name());
  if (!d.choices.empty()) {
  } else if (key == "format") {
    for (const auto& f : report::formats()) d.choices.emplace_back(f.name);
  } else if (key == "profile") {
    for (const auto& f : rules::embedded_rule_files()) d.choices.emplace_back(f.profile);
  }
  if (!d.choices.empty()) d.kind = ValueKind::Choice;
  return d;
}

bool visible(const CLI::Option* o) { return !o->get_group().empty(); }

std::vector<OptionDoc> describe_options(const CLI::App& app) {
  std::vector<OptionDoc> named, positionals;
  for (const CLI::Option* o : app.get_options()) {
    if (!visible(o)) continue;
    (o->nonpositional() ? named : positionals).push_back(describe(*o));
  }
  named.insert(named.end(), positionals.begin(), positionals.end());
  return named;
}

std::vector<CommandDoc> commands(const CLI::App& app) {
  std::vector<CommandDoc> out;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
    out.push_back({sub->get_name(), sub->get_description(), describe_options(*sub)});
  }
  return out;
}

std::string program_summary(const CLI::App& app) {
  std::string d = app.get_description();
  const std::string prefix = "skillscore: ";
  return d.rfind(prefix, 0) == 0 ? d.substr(prefix.size()) : d;
}

// --- man ---------------------------------------------------------------------

std::string roff(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

std::string man_option(const OptionDoc& o) {
  std::string head;
  if (!o.positional.empty()) return ".TP\n.I " + o.value_name + (o.repeatable ? "..." : "") + "\n" + roff(o.description) + "\n";
  for (const auto& s : o.shorts) head += (head.empty() ? "" : ", ") + std::string("\\fB\\-") + s + "\\fR";
  for (const auto& l : o.longs) head += (head.empty() ? "" : ", ") + std::string("\\fB\\-\\-") + roff(l) + "\\fR";
  if (!o.value_name.empty()) head += " \\fI" + roff(o.value_name) + "\\fR";
  std::string body = roff(o.description);
  if (o.kind == ValueKind::Choice) {
    std::string list;
    for (const auto& c : o.choices) list += (list.empty() ? "" : ", ") + roff(c);
    if (body.find(list) == std::string::npos) body += " (one of: " + list + ")";
  }
  if (!o.default_value.empty() && o.default_value != "[]") body += " (default: " + roff(o.default_value) + ")";
  if (o.repeatable && body.find("repeatable") == std::string::npos) body += " (repeatable)";
  return ".TP\n" + head + "\n" + body + "\n";
}

// --- completions -------------------------------------------------------------

std::string joined(const std::vector<std::string>& v, const std::string& sep = " ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::vector<std::string> flag_words(const OptionDoc& o) {
  std::vector<std::string> w;
  for (const auto& s : o.shorts) w.push_back("-" + s);
  for (const auto& l : o.longs) w.push_back("--" + l);
  return w;
}

std::string single_quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string man_page(const CLI::App& app, const std::string& version) {
  std::ostringstream m;
  const auto cmds = commands(app);
  m << ".\\\" Generated by `skillscore generate man` from the command-line definition.\n"
    << ".TH SKILLSCORE 1 \"\" \"skillscore " << version << "\" \"User Commands\"\n"
    << ".SH NAME\nskillscore \\- " << roff(program_summary(app)) << "\n"
    << ".SH SYNOPSIS\n";
  for (const auto& c : cmds) {
    m << ".B skillscore " << c.name << "\n[\\fIOPTIONS\\fR]";
    for (const auto& o : c.options) {
      if (!o.positional.empty()) m << " \\fI" << o.value_name << "\\fR" << (o.repeatable ? "..." : "");
    }
    m << "\n.br\n";
  }
  m << ".B skillscore \\-\\-version\n"
    << ".SH DESCRIPTION\n"
    << "skillscore scores agent skill documents: Markdown files with YAML frontmatter named\n"
    << ".I SKILL.md\n(or\n.IR skill.md ).\n"
    << "A PATH is a file or a directory searched at any depth. Each skill is scored by the rules of a\n"
    << "profile (default \\fBskill\\-fleet\\-v2\\fR); reports go to standard output, log messages to\n"
    << "standard error.\n"
    << ".SH COMMANDS\n";
  for (const auto& c : cmds) {
    m << ".SS " << c.name << "\n" << roff(c.description) << "\n";
    for (const auto& o : c.options) m << man_option(o);
  }
  m << ".SH GLOBAL OPTIONS\n";
  for (const auto& o : describe_options(app)) m << man_option(o);
  m << ".SH EXIT STATUS\n"
    << ".TP\n.B 0\nEvery file was scored (and written), and no gate failed.\n"
    << ".TP\n.B 1\nA gate failed: \\-\\-min\\-score, \\-\\-min\\-mean, \\-\\-fail\\-on or \\-\\-fail\\-on\\-regression.\n"
    << ".TP\n.B 2\nA usage error, a bad rule, weights or configuration file, or a file that could not be read,\n"
    << "decoded or written (the other files are still scored).\n"
    << ".SH FILES\n.TP\n.I .skillscore.yaml\n"
    << "The configuration file, found by walking up from the current directory; command-line options win.\n"
    << ".TP\n.I quality_assessment.json\nWritten beside each skill by \\fBscore\\fR (or under \\-\\-output\\-dir).\n"
    << ".SH SEE ALSO\n\\fBskillscore rules\\fR and \\fBskillscore explain\\fR \\fIRULE\\fR document every rule.\n";
  return m.str();
}

std::string bash_completion(const CLI::App& app) {
  std::ostringstream b;
  const auto cmds = commands(app);
  std::vector<std::string> names, globals;
  for (const auto& c : cmds) names.push_back(c.name);
  for (const auto& o : describe_options(app)) {
    for (const auto& w : flag_words(o)) globals.push_back(w);
  }
  b << "# bash completion for skillscore. Generated by `skillscore generate bash`.\n"
    << "_skillscore() {\n"
    << "  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" cmd=\"\" i\n"
    << "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
    << "    case \"${COMP_WORDS[i]}\" in " << joined(names, "|") << ") cmd=\"${COMP_WORDS[i]}\"; break ;; esac\n"
    << "  done\n"
    << "  if [[ -z $cmd ]]; then\n"
    << "    COMPREPLY=($(compgen -W \"" << joined(names) << " " << joined(globals) << "\" -- \"$cur\"))\n"
    << "    return\n  fi\n"
    << "  local opts=\"\"\n"
    << "  case \"$cmd\" in\n";
  for (const auto& c : cmds) {
    std::vector<std::string> words;
    for (const auto& o : c.options) {
      for (const auto& w : flag_words(o)) words.push_back(w);
    }
    b << "    " << c.name << ")\n"
      << "      opts=\"" << joined(words) << "\"\n"
      << "      case \"$prev\" in\n";
    for (const auto& o : c.options) {
      if (o.value_name.empty() || !o.positional.empty()) continue;
      b << "        " << joined(flag_words(o), "|") << ") ";
      switch (o.kind) {
        case ValueKind::Choice: b << "COMPREPLY=($(compgen -W \"" << joined(o.choices) << "\" -- \"$cur\"))"; break;
        case ValueKind::File: b << "COMPREPLY=($(compgen -f -- \"$cur\"))"; break;
        case ValueKind::Directory: b << "COMPREPLY=($(compgen -d -- \"$cur\"))"; break;
        default: b << "COMPREPLY=()"; break;
      }
      b << "; return ;;\n";
    }
    b << "      esac ;;\n";
  }
  b << "  esac\n"
    << "  if [[ $cur == -* ]]; then\n"
    << "    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
    << "  else\n"
    << "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
    << "  fi\n"
    << "}\n"
    << "complete -o filenames -F _skillscore skillscore\n";
  return b.str();
}

namespace {

std::string zsh_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
    if (c == '\'') {
      out += "'\\''";
      continue;
    }
    out += c;
  }
  return out;
}

std::string zsh_action(const OptionDoc& o) {
  switch (o.kind) {
    case ValueKind::Choice: return "(" + joined(o.choices) + ")";
    case ValueKind::File: return "_files";
    case ValueKind::Directory: return "_files -/";
    default: return " ";
  }
}

std::string zsh_spec(const OptionDoc& o) {
  const std::string desc = "[" + zsh_escape(o.description) + "]";
  const std::string value = o.value_name.empty() ? "" : ":" + zsh_escape(o.value_name) + ":" + zsh_action(o);
  if (!o.positional.empty()) return "'" + std::string(o.repeatable ? "*" : "") + ":" + zsh_escape(o.value_name) + ":" + zsh_action(o) + "'";
  const auto words = flag_words(o);
  if (words.size() == 1) return "'" + std::string(o.repeatable ? "*" : "") + words[0] + desc + value + "'";
  const std::string exclusion = o.repeatable ? "*" : "(" + joined(words) + ")";
  return "'" + exclusion + "'{" + joined(words, ",") + "}'" + desc + value + "'";
}

}  // namespace

std::string zsh_completion(const CLI::App& app) {
  std::ostringstream z;
  const auto cmds = commands(app);
  z << "#compdef skillscore\n# zsh completion for skillscore. Generated by `skillscore generate zsh`.\n"
    << "_skillscore() {\n"
    << "  local -a commands\n"
    << "  commands=(\n";
  for (const auto& c : cmds) z << "    '" << c.name << ":" << zsh_escape(c.description) << "'\n";
  z << "  )\n"
    << "  local state line\n"
    << "  _arguments -C \\\n";
  for (const auto& o : describe_options(app)) z << "    " << zsh_spec(o) << " \\\n";
  z << "    '1:command:->command' '*::arguments:->arguments'\n"
    << "  case $state in\n"
    << "    command) _describe -t commands 'skillscore command' commands ;;\n"
    << "    arguments)\n"
    << "      case $line[1] in\n";
  for (const auto& c : cmds) {
    z << "        " << c.name << ")\n          _arguments";
    for (const auto& o : c.options) z << " \\\n            " << zsh_spec(o);
    z << " ;;\n";
  }
  z << "      esac ;;\n"
    << "  esac\n"
    << "}\n"
    << "_skillscore \"$@\"\n";
  return z.str();
}

std::string fish_completion(const CLI::App& app) {
  std::ostringstream f;
  const auto cmds = commands(app);
  std::vector<std::string> names;
  for (const auto& c : cmds) names.push_back(c.name);
  f << "# fish completion for skillscore. Generated by `skillscore generate fish`.\n"
    << "complete -c skillscore -f\n";
  for (const auto& o : describe_options(app)) {
    f << "complete -c skillscore -n '__fish_use_subcommand'";
    for (const auto& s : o.shorts) f << " -s " << s;
    for (const auto& l : o.longs) f << " -l " << l;
    f << " -d " << single_quoted(o.description) << "\n";
  }
  for (const auto& c : cmds) {
    f << "complete -c skillscore -n '__fish_use_subcommand' -a " << c.name << " -d " << single_quoted(c.description)
      << "\n";
    const std::string when = " -n '__fish_seen_subcommand_from " + c.name + "'";
    for (const auto& o : c.options) {
      if (!o.positional.empty()) {
        if (o.kind == ValueKind::File) f << "complete -c skillscore" << when << " -F\n";
        continue;
      }
      f << "complete -c skillscore" << when;
      for (const auto& s : o.shorts) f << " -s " << s;
      for (const auto& l : o.longs) f << " -l " << l;
      switch (o.kind) {
        case ValueKind::Choice: f << " -x -a " << single_quoted(joined(o.choices)); break;
        case ValueKind::File: f << " -r -F"; break;
        case ValueKind::Directory: f << " -x -a '(__fish_complete_directories)'"; break;
        case ValueKind::Other: f << " -x"; break;
        case ValueKind::None: break;
      }
      f << " -d " << single_quoted(o.description) << "\n";
    }
  }
  return f.str();
}

namespace {

// What `skillscore generate` prints.
enum class Generated { Man, Bash, Zsh, Fish };
constexpr rules::KindInfo<Generated> k_generated[] = {
    {Generated::Man, "man", "the man page (roff)"},
    {Generated::Bash, "bash", "the bash completion script"},
    {Generated::Zsh, "zsh", "the zsh completion script"},
    {Generated::Fish, "fish", "the fish completion script"},
};

}  // namespace

void add_generate_command(CLI::App& app) {
  auto* gen = app.add_subcommand("generate", "Print the man page or a shell completion script");
  gen->group("");  // hidden: packaging runs it
  auto what = std::make_shared<std::string>();
  const std::span<const rules::KindInfo<Generated>> table(k_generated);
  std::vector<std::string> names;
  for (const auto& g : table) names.emplace_back(g.name);
  gen->add_option("what", *what, rules::kind_choices(table))->required()->check(CLI::IsMember(names));
  gen->callback([&app, what, table] {
    switch (*rules::kind_from_name(table, *what)) {
      case Generated::Man: std::cout << man_page(app, SKILLSCORE_VERSION); break;
      case Generated::Bash: std::cout << bash_completion(app); break;
      case Generated::Zsh: std::cout << zsh_completion(app); break;
      case Generated::Fish: std::cout << fish_completion(app); break;
    }
    std::cout.flush();
    throw CLI::Success();  // main's parse handler turns it into exit 0
  });
}

}  // namespace skillscore::cli
