#!/usr/bin/env python3
"""Time doclint beside autocorrect (Rust, via autocorrect-py) on the same files.

    python -m pip install -e '.[bench]'
    python benchmarks/bench.py [--runs 5]

Cases: one seed draft (about 8 KB), and generated 1 MB and 5 MB drafts made by
repeating the seeds. Both tools run as fresh processes, alternately, so that a
drift in machine speed hits both; the medians and their ratio are printed, as
well as doclint's peak memory and how its time grows from 1 MB to 5 MB.
This is a benchmark, not a test: nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "out"
SEED = ROOT / "seeds" / "002_7f588c0acecf4ba0.txt"

DOCLINT = [sys.executable, "-m", "doclint", "--format", "json"]
AUTOCORRECT = [sys.executable, "-c", "import sys, autocorrect_py as a; a.lint_for(open(sys.argv[1], encoding='utf-8').read(), sys.argv[1])"]


def generated(size: int) -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"draft_{size // 1_000_000}mb.txt"
    if not path.exists() or path.stat().st_size < size:
        seeds = "".join(p.read_text(encoding="utf-8").rstrip("\n") + "\n" for p in sorted((ROOT / "seeds").glob("*.txt")))
        data = seeds.encode("utf-8")
        path.write_bytes(data * (size // len(data) + 1))
    return path


def timed(cmd: list[str], path: Path) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one run in a fresh process."""
    probe = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter(); subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL);"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *cmd, str(path)], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), int(out[1])


def compare(label: str, path: Path, runs: int) -> float:
    ours, theirs, peak = [], [], 0
    timed(DOCLINT, path), timed(AUTOCORRECT, path)  # warm the file cache and jieba's
    for _ in range(runs):
        t, mem = timed(DOCLINT, path)
        ours.append(t)
        peak = max(peak, mem)
        theirs.append(timed(AUTOCORRECT, path)[0])
    a, b = statistics.median(ours), statistics.median(theirs)
    size = path.stat().st_size
    print(f"{label:<14} {size / 1e6:7.2f} MB  doclint {a:7.3f} s  autocorrect {b:7.3f} s  ratio {a / b:5.2f}x  doclint peak {peak / 1024:6.1f} MiB")
    return a


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    try:
        import autocorrect_py  # noqa: F401
    except ImportError:
        sys.exit("autocorrect-py is not installed: python -m pip install -e '.[bench]'")
    print(f"python {sys.version.split()[0]}, {args.runs} runs each, medians")
    compare("seed draft", SEED, args.runs)
    one = compare("generated", generated(1_000_000), args.runs)
    five = compare("generated", generated(5_000_000), max(3, args.runs // 2))
    print(f"growth 1 MB -> 5 MB: {five / one:.2f}x (linear is 5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
