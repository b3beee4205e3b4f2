"""Markdown body generator, aimed at what the reference's regexes read: section
headings (IGNORECASE, \\s crossing lines), '###' pattern headers with \\w and \\d,
the ``` code-block regex and its placeholders, the guidance phrases, ❌/✅,
subdirectory references, and lengths at the 3000/8000 code-point thresholds.
Letters, digits and spaces come from Python 3.11's Unicode (14.0) and from
beyond it (assigned only in 15.0 and later), where RE2's tables may differ."""
from gen_yaml import UNI_SPACES, pick

SECTIONS = ["Overview", "Introduction", "When to Use", "When Use", "When to Use This Skill",
            "When to use this skill", "Quick Start", "Quick Example", "Quick Examples",
            "Getting Started", "Quick Reference", "Core Patterns", "Core Pattern", "Patterns",
            "Pattern", "Common Mistakes", "Common Mistake", "Red Flags", "Red Flag",
            "Real-World Impact", "Real World Impact", "Impact", "Benefits", "Reference Files",
            "Reference File", "Guides", "Guide", "Templates", "Scripts", "Examples", "Example",
            "Notes", "Usage"]
# Letters that fold to ASCII under Python's IGNORECASE, and look-alikes that do not.
FOLDS = {"s": ["ſ", "S"], "k": ["\u212a", "K"], "i": ["ı", "İ", "I"], "a": ["\u212b"],
         "e": ["E", "é"], "o": ["O", "ο"], "t": ["T", "ţ"]}
# Python 3.11 letters/digits beyond ASCII, and code points unassigned in Unicode
# 14.0 but letters or digits in 15.0/15.1 (Kawi, Nag Mundari, CJK Ext. H/I, ...).
LETTERS = ["é", "Ü", "日", "本", "ǅ", "ª", "º", "Ⅻ", "٣", "²", "½", "〇", "_", "ß", "ﬁ",
           "\U0001D400", "\u0301", "\u0903", "\u00b7", "\u2160", "\u3007", "\U00010107"]
NEW_UNICODE = ["\u0cf3", "\u0ece", "\U0001123f", "\U00011240", "\U00011f02", "\U00011f04",
               "\U00011f10", "\U00011f50", "\U0001342f", "\U00013441", "\U0001b132",
               "\U0001d2c0", "\U0001df25", "\U0001e030", "\U0001e4d0", "\U0001e4eb",
               "\U0001e4f0", "\U0002b739", "\U0002ebf0", "\U00031350", "\U000323af",
               "\U00010d40", "\U000105c0", "\U00016100", "\U0001e5d0", "\U00011bc0",
               "\u1c89", "\ua7cb", "\U0001ccd6", "\U00011f3e", "\u2ffc", "\U0001fadc"]
PHRASES = ["❌", "✅", "❌ Wrong", "✅ Right", "Common mistake", "Common  mistake", "Common\nmistake",
           "Anti-pattern", "Antipattern", "Anti pattern", "Anti–pattern", "Don't", "Dont",
           "Don’t", "DON'T", "Production pattern", "Correct", "CORRECT", "Do this", "Do\nthis",
           "**Key insight:**", "**Key insights**", "**Key insight**", "**Insight:**",
           "**Insight**", "Key takeaway", "**key INSIGHT:**", "**Core principle:**",
           "**Core principle**", "Core principle:", "Core principle.", "core  principle.",
           "NO FIXES WITHOUT", "no x without", "NO  X\nWITHOUT", "NO é WITHOUT", "Iron Law",
           "iron\u00a0law", "**ALWAYS:**", "**ALWAYS**", "**NEVER:**", "**never**", "You MUST",
           "you must", "MANDATORY", "mandatory", "<Good>", "<Bad>", "<good>", "<BAD>",
           "Common mistake ... Production pattern", "See references/x.md", "see the guides/",
           "check `templates/", "refer to examples/", "refer  to the scripts/",
           "more docs in references/", "detailed information in `guides/", "additional "
           "documentation in references/", "[a](references/a.md)", "[b](guides/b.md)",
           "[c]( references/c.md)", "[d](./references/d.md)", "references/", "Guides/",
           "EXAMPLES/", "scripts/", "templates/", "reference/", "No patterns"]
INFO = ["", "", "python", "bash", "py3", "c++", "python title=\"x\"", " python", "é", "日本",
        "\U0001e4d0", "_", "js\t", "sh ", "ß", "1", "-", "\u0301"]
PLACEHOLDERS = ["...", "... x ...", "...x...", "# TODO", "#TODO", "#  TODO fix", "# todo",
                "pass", "    pass", "bypass", "pass  ", "pass\t", "pass\u00a0", "passed",
                "raise NotImplementedError", "raise  NotImplementedError()", "raise\nNotImplementedError",
                "…", ". . ."]


def word(rng):
    r = rng.random()
    if r < 0.7:
        return pick(rng, ["the", "code", "test", "a", "run", "fix", "skill", "data", "x", "when"])
    if r < 0.85:
        return "".join(pick(rng, LETTERS) for _ in range(rng.randrange(1, 4)))
    return "".join(pick(rng, NEW_UNICODE + LETTERS) for _ in range(rng.randrange(1, 3)))


def space(rng):
    return pick(rng, [" "] * 8 + ["  ", "\t", "\n"] + UNI_SPACES)


def vary(rng, text):
    """Case changes, IGNORECASE folds and odd spaces in a phrase."""
    out = []
    for ch in text:
        r = rng.random()
        if ch == " " and r < 0.2:
            out.append(space(rng))
        elif ch.lower() in FOLDS and r < 0.05:
            out.append(pick(rng, FOLDS[ch.lower()]))
        elif r < 0.04:
            out.append(ch.swapcase())
        else:
            out.append(ch)
    return "".join(out)


def heading(rng):
    level = pick(rng, ["#", "##", "##", "##", "###", "###", "####", "#####", "##", " ##", "\t##"])
    gap = pick(rng, [" ", " ", " ", "", "  ", "\t", "\n", "\u00a0", "\u3000", "\u2028", "\x1c",
                     "\u200b", "\u0085", "\r"])
    r = rng.random()
    if r < 0.55:
        title = vary(rng, pick(rng, SECTIONS))
    elif r < 0.8:
        title = pick(rng, ["Pattern ", "Pattern", "", "PATTERN ", "pattern "]) + \
            pick(rng, ["1", "12", "", "٣", "²", "1.", "."]) + \
            pick(rng, ["", ".", ". ", " "]) + word(rng)
    else:
        title = " ".join(word(rng) for _ in range(rng.randrange(0, 3)))
    tail = pick(rng, ["", "", "", " ", "  ", "\t", " #", ":", " \u00a0", "s"])
    return level + gap + title + tail


def code_block(rng):
    fence = pick(rng, ["```"] * 8 + ["````", "~~~", "`` `", " ```", "```\t"])
    info = pick(rng, INFO)
    lines = []
    for _ in range(pick(rng, [0, 1, 2, 2, 3, 3, 4, 6])):
        if rng.random() < 0.2:
            lines.append(pick(rng, PLACEHOLDERS))
        elif rng.random() < 0.1:
            lines.append(pick(rng, UNI_SPACES + ["", " ", "\t"]))
        else:
            lines.append(" ".join(word(rng) for _ in range(rng.randrange(1, 5))))
    close = pick(rng, ["```"] * 8 + ["", "````", "~~~", "x```", "``` x"])
    nl = pick(rng, ["\n"] * 10 + ["", " \n", "\t\n"])
    return fence + info + nl + "\n".join(lines) + ("\n" if rng.random() < 0.9 else "") + close


def paragraph(rng):
    bits = []
    for _ in range(rng.randrange(1, 8)):
        r = rng.random()
        if r < 0.25:
            bits.append(vary(rng, pick(rng, PHRASES)))
        else:
            bits.append(word(rng))
    return " ".join(bits)


def filler(rng, n):
    """n code points of neutral prose that no pattern reads (lowercase words
    the reference's regexes cannot complete)."""
    unit = "lorem ipsum dolor amet "
    if rng.random() < 0.3:
        unit = "é日 ipsum " if rng.random() < 0.5 else "\U0001e4d0 ab "
    text = (unit * (n // len(unit) + 1))[:n]
    return text[:-1] + "z" if text.endswith(" ") else text


def body(rng):
    blocks = []
    for _ in range(rng.randrange(0, 14)):
        r = rng.random()
        if r < 0.35:
            blocks.append(heading(rng))
        elif r < 0.55:
            blocks.append(code_block(rng))
        elif r < 0.92:
            blocks.append(paragraph(rng))
        elif r < 0.96:
            blocks.append(pick(rng, ["---", "----", "a---b", "--- x", "***", "- - -"]))
        else:
            blocks.append("- " + paragraph(rng) + "\n- " + paragraph(rng))
    sep = pick(rng, ["\n\n", "\n", "\n\n\n", "\r\n\r\n", "\n \n"])
    text = sep.join(blocks)
    if rng.random() < 0.25:
        # Pad the stripped body to a style threshold, give or take one.
        target = pick(rng, [2999, 3000, 3001, 7999, 8000, 8001]) + pick(rng, [0, 0, -1, 1])
        need = target - len(text.strip())
        if need > 1:
            text = text + "\n\n" + filler(rng, need - 2)
    edge = ["", "", "\n", " ", "\u00a0", "\u2028", "\u2029", "\u0085", "\x1c", "\u3000",
            "\ufeff", "\u200b", "\t\n", "\x0b", "\x0c"]
    return pick(rng, edge) + text + pick(rng, edge)
