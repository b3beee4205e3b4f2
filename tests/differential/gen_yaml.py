"""Frontmatter generator: YAML 1.1 text of the shapes PyYAML's safe_load reads
(and some it refuses), aimed at what the reference reads from it: the
truthiness of name, description, metadata.{skill_id,version,type,weight},
keywords, license, compatibility, see_also, and str(description).

Every function takes a random.Random and returns text; nothing here knows
skillscore. The text never holds '---' (the reference's split would end the
frontmatter there): that case is the body generator's and the mutator's."""

KEYS = ["name", "description", "metadata", "keywords", "license", "compatibility",
        "see_also", "version", "tags", "author", "allowed-tools", "x"]
META_KEYS = ["skill_id", "version", "type", "weight", "owner", "skill_id"]

WORDS = ["use", "when", "Use when", "implementing", "building", "creating", "debugging",
         "fixing", "writing", "before", "after", "during", "while", "if", "when encountering",
         "tests", "a", "the", "skill", "code", "API", "Über", "日本語", "naïve", "İstanbul",
         "ſkill", "KELVIN", "straße", "ΣΑΣ", "ǅ", "ﬁx", "Ⅻ", "٣", "x"]

BOOLS = ["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False",
         "FALSE", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N", "yES", "tRUE"]
NULLS = ["~", "null", "Null", "NULL", "", "nULL"]
INTS = ["0", "1", "-0", "+12", "007", "0o17", "017", "08", "0b1010", "0b0", "0x1F", "0x_1F",
        "1_000", "190:20:30", "-1:00", "1__0", "_1", "12345678901234567890", "0b", "0x",
        "1:60", "+0", "00", "1_", "0_"]
FLOATS = ["1.5", "1.0", "0.0", "-0.0", ".5", "5.", "1e10", "1.0e+10", "1.0e10", "6.8523015e+5",
          "685.230_15e+03", "685_230.15", "190:20:30.15", ".inf", ".Inf", ".INF", "-.inf",
          "+.inf", ".nan", ".NaN", ".NAN", "1.2.3", "._", "1e+16", "1.5e-7", "0.1", "1_.5",
          "3.", "1.e5", "12e03", "-.5e-3"]
DATES = ["2024-01-01", "2024-1-1", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5",
         "2001-12-15T02:59:43.1Z", "2002-12-14", "2024-13-01", "2024-02-30", "2024-01-01 10:00",
         "2024-01-01T10:00:00", "2024-01-01T10:00:00+01:00", "2024-01-01 1:2:3", "0000-01-01",
         "2024-01-01T25:00:00", "2024-01-01T10:00:00.1234567", "2001-12-14 21:59:43.10 +5:30",
         "1999-9-9", "20240101"]
ESCAPES = ["\\0", "\\a", "\\b", "\\t", "\\\t", "\\n", "\\v", "\\f", "\\r", "\\e", "\\ ",
           "\\\"", "\\/", "\\\\", "\\N", "\\_", "\\L", "\\P", "\\x41", "\\xe9", "\\x7f",
           "\\u00e9", "\\u2028", "\\u0085", "\\U0001F600", "\\ud83c\\udfaf", "\\ud83c",
           "\\udfaf", "\\uD800", "\\q", "\\x4", "\\u12", "\\U0011ffff", "\\'", "\\%",
           "\\\n", "\\u00a0", "\\u3000", "\\x85", "\\u200b"]
UNI_SPACES = ["\u00a0", "\u1680", "\u2000", "\u2007", "\u200a", "\u2028", "\u2029", "\u202f",
              "\u205f", "\u3000", "\u0085", "\x1c", "\x1d", "\x1e", "\x1f", "\x0b", "\x0c",
              "\u200b", "\u180e", "\ufeff"]
TAGS = ["!!str", "!!int", "!!float", "!!bool", "!!null", "!!binary", "!!timestamp", "!!set",
        "!!omap", "!!pairs", "!!seq", "!!map", "!!merge", "!!value", "!!python/str", "!local",
        "!", "!<tag:yaml.org,2002:str>", "!<tag:yaml.org,2002:int>", "!!foo", "!e!x",
        "!<!>", "!!str!"]
DIRECTIVES = ["%YAML 1.1", "%YAML 1.2", "%YAML 2.0", "%TAG ! tag:example.com,2000:",
              "%TAG !e! tag:e.com:", "%FOO bar", "%YAML 1.1\n%YAML 1.1"]


def pick(rng, xs):
    return xs[rng.randrange(len(xs))]


def words(rng, n):
    sep = [" "] * 12 + UNI_SPACES + ["  ", "\t"]
    out = []
    for i in range(n):
        out.append(pick(rng, WORDS))
        if i + 1 < n:
            out.append(pick(rng, sep) if rng.random() < 0.15 else " ")
    return "".join(out)


def description_text(rng):
    """A description near the reference's thresholds: 'use when' prefix,
    trigger and action words, 7/8/30/31 words."""
    n = pick(rng, [1, 3, 7, 8, 9, 29, 30, 31, 32, rng.randrange(1, 40)])
    head = pick(rng, ["Use when", "use when", "USE WHEN", "Use When", "Use whenever", "Usewhen",
                      "Use  when", "Use\u00a0when", "use\twhen", "ＵＳＥ when", "Uſe when",
                      "", " Use when", "A skill for"])
    body = words(rng, max(0, n - 2))
    return (head + " " + body).strip(" ") if head else body


def plain_scalar(rng):
    r = rng.random()
    if r < 0.3:
        return description_text(rng)
    if r < 0.45:
        return pick(rng, BOOLS)
    if r < 0.55:
        return pick(rng, NULLS)
    if r < 0.65:
        return pick(rng, INTS)
    if r < 0.75:
        return pick(rng, FLOATS)
    if r < 0.82:
        return pick(rng, DATES)
    odd = ["a: b", "a:b", "a #b", "a# b", "-a", "- a", "?a", "? a", ":a", "a:", "@a", "`a",
           "%a", "&a", "*a", "!a", "|a", ">a", "'a", "\"a", "a'b", "a\"b", "[a", "a]", "{a",
           "a}", "a,b", "<<", "=", "a\tb", "a \t", "# c", "a  # c", "...", "..", "a...",
           "–", "❌ ✅", "\u0085a", "a\u2028b", "a\u2029b", "a\ufeffb", "\x7f", "\x01"]
    return pick(rng, odd)


def double_quoted(rng):
    parts = []
    for _ in range(rng.randrange(1, 5)):
        parts.append(pick(rng, ESCAPES) if rng.random() < 0.5 else words(rng, rng.randrange(1, 4)))
    text = "".join(parts)
    if rng.random() < 0.15:
        text = text.replace(" ", "\n  ", 1)  # a multi-line (folded) quoted scalar
    if rng.random() < 0.05:
        return '"' + text  # unclosed
    return '"' + text + '"'


def single_quoted(rng):
    text = words(rng, rng.randrange(1, 4))
    if rng.random() < 0.4:
        text = text.replace(" ", "''", 1)
    if rng.random() < 0.2:
        text = text.replace(" ", "\n\n  ", 1)
    if rng.random() < 0.05:
        text += "\\'"
    return "'" + text + "'" if rng.random() > 0.04 else "'" + text


def block_scalar(rng, indent):
    ind = " " * (indent + pick(rng, [2, 2, 1, 3, 4]))
    header = pick(rng, ["|", ">"])
    chomp = pick(rng, ["", "", "-", "+"])
    digit = pick(rng, ["", "", "", "1", "2", "4", "9", "0"])
    header += chomp + digit if rng.random() < 0.5 else digit + chomp
    header += pick(rng, ["", "", " # comment", "#c", "  ", " \t", " x"])
    lines = []
    for _ in range(rng.randrange(0, 5)):
        kind = rng.random()
        if kind < 0.15:
            lines.append("")
        elif kind < 0.25:
            lines.append(ind + "  " + words(rng, 2))  # more indented
        elif kind < 0.3:
            lines.append(ind[:-1] + words(rng, 1))  # less indented: ends the scalar
        elif kind < 0.35:
            lines.append(ind + "\t" + words(rng, 1))
        else:
            lines.append(ind + words(rng, rng.randrange(1, 6)))
    if rng.random() < 0.3:
        lines.append("")
    return header + ("\n" + "\n".join(lines) if lines else "")


def flow(rng, depth=0):
    if rng.random() < 0.5:
        items = [flow_item(rng, depth) for _ in range(rng.randrange(0, 4))]
        sep = pick(rng, [", ", ",", " , ", ",\n  ", ", , "])
        tail = pick(rng, ["", "", ",", " ", ", ,"])
        return "[" + sep.join(items) + tail + "]"
    items = []
    for _ in range(rng.randrange(0, 4)):
        k = flow_item(rng, depth)
        if rng.random() < 0.15:
            items.append(k)  # a key without value
        else:
            items.append(k + pick(rng, [": ", ":", " : ", ":\n  "]) + flow_item(rng, depth))
    sep = pick(rng, [", ", ",", ",\n  "])
    return "{" + sep.join(items) + pick(rng, ["", "", ","]) + "}"


def flow_item(rng, depth):
    r = rng.random()
    if r < 0.15 and depth < 3:
        return flow(rng, depth + 1)
    if r < 0.25:
        return double_quoted(rng)
    if r < 0.32:
        return single_quoted(rng)
    if r < 0.38:
        return pick(rng, TAGS) + " " + pick(rng, ["a", "1", "", "[a]"])
    if r < 0.42:
        return "&a" + pick(rng, ["", "1", ":", "]"]) + " " + pick(rng, ["b", "[]"])
    if r < 0.46:
        return pick(rng, ["*a", "*a1", "*a:", "*b", "*a]"])
    if r < 0.5:
        return pick(rng, ["? a", "?", "? a: b", "a: b", "-", "- a", ":", "", "a:[]"])
    return plain_scalar(rng).replace(",", " ").replace("]", " ").replace("}", " ").strip() or "a"


def value(rng, indent, depth):
    """A value after 'key:' at indentation 'indent' (the text starts after the colon)."""
    r = rng.random()
    prefix = ""
    if rng.random() < 0.08:
        prefix += " " + pick(rng, ["&a", "&meta", "&a1", "&b", "&a:"])
    if rng.random() < 0.08:
        prefix += " " + pick(rng, TAGS)
    if r < 0.35:
        return prefix + " " + plain_scalar(rng)
    if r < 0.45:
        return prefix + " " + double_quoted(rng)
    if r < 0.5:
        return prefix + " " + single_quoted(rng)
    if r < 0.58:
        return prefix + " " + block_scalar(rng, indent)
    if r < 0.68:
        return prefix + " " + flow(rng)
    if r < 0.73:
        return prefix + " " + pick(rng, ["*a", "*meta", "*b", "*a1"])
    if depth >= 4:
        return prefix + " x"
    if r < 0.87:
        return prefix + "\n" + mapping(rng, indent + pick(rng, [2, 2, 4, 1, 3]), depth + 1, META_KEYS)
    return prefix + "\n" + sequence(rng, indent + pick(rng, [2, 2, 0, 4]), depth + 1)


def sequence(rng, indent, depth):
    lines = []
    for _ in range(rng.randrange(1, 4)):
        sp = " " * indent
        r = rng.random()
        if r < 0.6:
            lines.append(sp + "-" + value(rng, indent + 2, depth + 1) if rng.random() < 0.2
                         else sp + "- " + plain_scalar(rng))
        elif r < 0.7:
            lines.append(sp + "-")
        elif r < 0.8:
            lines.append(sp + "- " + mapping(rng, indent + 2, depth + 1, META_KEYS).lstrip(" "))
        else:
            lines.append(sp + "- " + flow(rng))
    return "\n".join(lines)


def key_text(rng, keys):
    r = rng.random()
    if r < 0.8:
        k = pick(rng, keys)
    elif r < 0.9:
        k = pick(rng, ["1", "true", "null", "~", "1.5", "2024-01-01", "[a, b]", "{a: b}",
                       "? name", "<<", "'name'", '"name"', '"descr\\x69ption"', "Name", "name ",
                       "", "a b", "-", "*a", "&k name", "!!str name", "!!int 1", "? [a]"])
    else:
        k = pick(rng, keys) + pick(rng, ["", " ", "\t"])
    return k


def mapping(rng, indent, depth, keys):
    lines = []
    for _ in range(rng.randrange(1, 6)):
        sp = " " * indent
        r = rng.random()
        if r < 0.05:
            lines.append(sp + "<<: " + pick(rng, ["*a", "*meta", "[*a, *b]", "{x: 1}", "[]", "1"]))
        elif r < 0.08:
            lines.append(sp + pick(rng, ["# comment", "#", "", "  ", "\t", ":", "&a", "? a",
                                         "?", "key without colon", "...", ". . ."]))
        else:
            k = key_text(rng, keys)
            sep = pick(rng, [":"] * 10 + [" :", ":\t"])
            lines.append(sp + k + sep + value(rng, indent, depth))
        if rng.random() < 0.05:
            lines[-1] += pick(rng, [" # c", "\t# c", "  #c", " \t"])
    return "\n".join(lines)


def frontmatter(rng):
    """The text between the two '---' of a SKILL.md, with its own leading
    and trailing line breaks."""
    out = []
    if rng.random() < 0.04:
        out.append(pick(rng, DIRECTIVES))
    r = rng.random()
    if r < 0.85:
        required = []
        if rng.random() < 0.9:
            required.append("name: " + pick(rng, ["my-skill", "x", "Ünï", "no", "0", "''", "~",
                                                 "my skill", '"my-skill"', "[a]"]))
        if rng.random() < 0.9:
            d = rng.random()
            if d < 0.6:
                dv = " " + description_text(rng)
            elif d < 0.7:
                dv = ' "' + description_text(rng) + '"'
            elif d < 0.75:
                dv = " '" + description_text(rng).replace("'", "''") + "'"
            else:
                dv = value(rng, 0, 0)
            required.append("description:" + dv)
        rest = mapping(rng, 0, 0, KEYS) if rng.random() < 0.8 else ""
        body = required + ([rest] if rest else [])
        rng.shuffle(body)
        out.append("\n".join(body))
    elif r < 0.9:
        out.append(sequence(rng, 0, 0))
    elif r < 0.95:
        out.append(plain_scalar(rng))
    else:
        out.append(flow(rng))
    if rng.random() < 0.04:
        out.append(pick(rng, ["...", "... # end", "...\nx: 1", "..."]))
    text = "\n".join(out)
    lead = pick(rng, ["\n"] * 20 + [" \n", "\n\n", "", "\ufeff\n", "\t\n", " x\n", "\u0085"])
    trail = pick(rng, ["\n"] * 20 + ["\n\n", "", " \n", "\n# c\n", "\t\n"])
    return (lead + text + trail).replace("---", "- --")
