"""`skillscore` (the console script) and `python -m skillscore`: the command
line itself, the static binary shipped inside this package."""
import os
import sys
from pathlib import Path


def binary() -> str:
    return str(Path(__file__).with_name("bin") / "skillscore")


def main() -> None:
    exe = binary()
    try:
        os.execv(exe, [exe, *sys.argv[1:]])
    except OSError as e:
        sys.stderr.write(f"skillscore: error: cannot run {exe}: {e.strerror}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
