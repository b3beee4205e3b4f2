"""PyYAML's safe_load as the yaml probe (tests/yaml_probe.cpp) reports a
reading: "OK <repr>", ERROR (a YAMLError) or CRASH (any other exception, where
the reference itself fails). Importing it exits 77 when PyYAML is missing."""
import sys

try:
    import yaml
except ImportError:
    print("SKIPPED: PyYAML is not installed (Debian: python3-yaml)")
    sys.exit(77)


def pyyaml(text):
    try:
        return "OK " + repr(yaml.safe_load(text)).replace("\n", " ")
    except yaml.YAMLError:
        return "ERROR"
    except Exception:  # RecursionError, ValueError...: the reference crashes
        return "CRASH"


def kind(out):
    """The probe's line as pyyaml() says it: the value, or ERROR/CRASH without the message."""
    return out if out.startswith("OK") else out.split(" ")[0]


def same(text, got, want):
    """Equal results; a set's order follows str hashes, randomised per Python
    process (the reference's too), so with !!set the characters are compared."""
    if kind(got) == want:
        return True
    return "!!set" in text and sorted(kind(got)) == sorted(want)
