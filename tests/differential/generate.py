"""One generated SKILL.md as bytes: grammar-built (frontmatter + body, the
'---' split in its odd forms) or a mutated seed, then line endings and a BOM.
Deterministic for a given random.Random state."""
from gen_body import body
from gen_yaml import frontmatter, pick
from mutate import mutate


def opening(rng):
    """What precedes the frontmatter: the reference only asks startswith('---')."""
    return pick(rng, ["---"] * 30 + ["----", "--- ", "---x", "\ufeff---", " ---", "---\t",
                                     "--- # c", "---\r"])


def closing(rng):
    return pick(rng, ["---"] * 30 + ["----", "--- x", "---\t", "...\n---", "- --", "---#"])


def grammar_text(rng):
    r = rng.random()
    if r < 0.06:
        return body(rng)  # no frontmatter at all
    text = opening(rng) + frontmatter(rng) + closing(rng)
    if r < 0.08:
        return text  # nothing after the second '---'
    return text + pick(rng, ["\n", "\n\n", "", " ", "\n\n\n"]) + body(rng)


def line_endings(rng, text):
    r = rng.random()
    if r < 0.05:
        return text.replace("\n", "\r\n")
    if r < 0.07:
        return text.replace("\n", "\r")
    if r < 0.09:
        return "".join(ch + ("\r" if ch == "\n" and rng.random() < 0.3 else "") for ch in text)
    return text


def generate(rng, seeds):
    text = mutate(rng, seeds) if seeds and rng.random() < 0.35 else grammar_text(rng)
    text = line_endings(rng, text)
    if rng.random() < 0.01:
        text = "\ufeff" + text
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.002:
        pos = rng.randrange(len(data) + 1)
        data = data[:pos] + pick(rng, [b"\xff", b"\xc3", b"\xed\xa0\x80"]) + data[pos:]
    return data
