"""A class name for a minimized divergence: where it is (frontmatter or body),
what the YAML side did, and the first construct of the input that explains it.
Names are stable so findings and the pending list can refer to them."""
import re
import unicodedata

import yaml

FRONTMATTER_FIELDS = {"frontmatter_completeness", "description_quality"}
FRONTMATTER_TEXTS = ("name", "description", "metadata", "Use when", "triggering conditions",
                     "description quality")

# (feature, regex on the frontmatter text), first match wins: the rarer and more
# specific constructs first.
YAML_FEATURES = [
    ("surrogate-escape", r"\\u[dD][89a-fA-F]"),
    ("escape", r"\\[0abtnvfre \"/\\N_LPxuU\t'%]"),
    ("unicode-line-break", "[\x85\u2028\u2029]"),
    ("bom", "\ufeff"),
    ("empty-key", r"(?m)^[ \t]*[:&]"),
    ("directive", r"(?m)^%"),
    ("tag-collection", r"!!(binary|set|omap|pairs)"),
    ("tag", r"!"),
    ("merge", r"<<"),
    ("anchor-alias", r"[&*]"),
    ("complex-key", r"\?"),
    ("block-scalar", r"[|>]"),
    ("flow", r"[\[\]{}]"),
    ("tab", "\t"),
    ("document-end", r"\.\.\."),
    ("quoted", "['\"]"),
    ("timestamp", r"\d{4}-\d"),
    ("number", r"[0-9]"),
    ("unicode-space", "[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x1c-\x1f]"),
    ("control", "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"),
    ("indentation", r"(?m)^ +\S"),
]


def _unassigned_in_python(text):
    return any(unicodedata.category(c) == "Cn" for c in text)


BODY_FEATURES = [
    ("unicode-version", _unassigned_in_python),
    ("unicode-space", lambda t: any(c.isspace() and c not in " \t\n\r\x0b\x0c" for c in t)),
    ("case-fold", lambda t: any(c in t for c in "ſıİ\u212a\u212b")),
    ("non-ascii", lambda t: any(ord(c) > 127 for c in t)),
    ("ascii", lambda t: True),
]


def split_reference(text):
    if text.startswith("---"):
        parts = text.split("---", 2)
        if len(parts) >= 3:
            return parts[1], parts[2].strip()
    return None, text


def pyyaml_outcome(fm):
    try:
        v = yaml.safe_load(fm)
    except yaml.YAMLError:
        return "pyyaml-error"
    except Exception:
        return "pyyaml-crash"
    return "pyyaml-ok" if isinstance(v, dict) or not v else "pyyaml-non-mapping"


def frontmatter_related(sig, ref, got):
    fields = set(sig.split(","))
    if fields & FRONTMATTER_FIELDS:
        return True
    for key in ("deterministic_issues", "deterministic_strengths"):
        if key in fields:
            want = set(ref["deterministic_metrics"][key])
            have = set(got.get("deterministic_metrics", {}).get(key, []))
            if any(w in item for item in want ^ have for w in FRONTMATTER_TEXTS):
                return True
    return False


def skillscore_frontmatter_error(got):
    return any(i.get("rule") == "SS002" for i in (got.get("issues") or []))


def classify(text, sig, ref, got):
    if sig.startswith(("reference-crash", "skillscore", "utf8")):
        kind = sig.replace(":", "-").replace(" ", "-").lower()
        return re.sub(r"[^a-z0-9-]+", "", kind)[:60]
    fm, body = split_reference(text.replace("\r\n", "\n").replace("\r", "\n"))
    if fm is not None and frontmatter_related(sig, ref, got):
        feature = next((name for name, rx in YAML_FEATURES if re.search(rx, fm)), "plain")
        ours = "skillscore-error" if skillscore_frontmatter_error(got) else "skillscore-ok"
        return f"yaml-{feature}-{pyyaml_outcome(fm)}-{ours}"
    first = sig.split(",")[0]
    feature = next(name for name, test in BODY_FEATURES if test(body))
    return f"body-{first.replace('_', '-')}-{feature}"
