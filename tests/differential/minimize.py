"""Delta debugging (ddmin) of a divergent file, on lines then on characters.

Every round's candidates are judged in one batch (one skillscore process for
all of them), so a minimization costs a few dozen processes, not thousands."""


def ddmin(units, still_fails):
    """The smallest sublist of units found for which still_fails holds.
    still_fails takes a list of candidate unit lists and returns one bool each."""
    n = 2
    while len(units) >= 2:
        size = -(-len(units) // n)
        starts = range(0, len(units), size)
        subsets = [units[i:i + size] for i in starts]
        complements = [units[:i] + units[i + size:] for i in starts]
        cands = (subsets if n > 2 else []) + complements
        verdicts = still_fails(cands)
        hit = next((i for i, v in enumerate(verdicts) if v), None)
        if hit is not None and n > 2 and hit < len(subsets):
            units, n = cands[hit], 2
        elif hit is not None:
            units, n = cands[hit], max(n - 1, 2)
        elif n < len(units):
            n = min(len(units), 2 * n)
        else:
            break
    return units


def split_lines(text):
    """Lines with their '\\n' (only '\\n': other breaks are characters to keep)."""
    out, start = [], 0
    while True:
        i = text.find("\n", start)
        if i < 0:
            if start < len(text):
                out.append(text[start:])
            return out
        out.append(text[start:i + 1])
        start = i + 1


def minimize(text, judge):
    """judge(list of texts) -> list of bools (True: the divergence is still there)."""
    lines = ddmin(split_lines(text), lambda cands: judge(["".join(c) for c in cands]))
    text = "".join(lines)
    return "".join(ddmin(list(text), lambda cands: judge(["".join(c) for c in cands])))
