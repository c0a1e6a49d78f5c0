"""`make bench`: speed and memory measurements, printed as a report.

Each bench/bench_*.py module has a ``run() -> None`` that prints its own section; this
script runs them all in name order. These are measurements, not tests: targets are
printed beside the numbers.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def main() -> int:
    names = sorted(p.stem for p in HERE.glob("bench_*.py"))
    only = sys.argv[1:]
    for name in names:
        if only and not any(o in name for o in only):
            continue
        print(f"== {name.removeprefix('bench_')}")
        importlib.import_module(name).run()
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
