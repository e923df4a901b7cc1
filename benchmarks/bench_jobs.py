"""Benchmark ``-j``: check 2,000 generated drafts with ``-j 1`` and ``-j 2``.

    python benchmarks/bench_jobs.py [--drafts 2000] [--repeat 3] [--jobs 1 2] [--format json]

Drafts are made from the seed drafts: each is a title and a random run of the
seeds' paragraphs (so every rule family has work, jieba included), with a few
defects and look-alikes mixed in. They are written once to a temporary
directory outside the repository (inside it, ``.gitignore`` would rightly skip
them) and reused. Each setting is run ``--repeat`` times as a
real ``doclint --format json`` process; the best wall time is reported.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(tempfile.gettempdir()) / "doclint-bench-drafts"

EXTRA = [
    "截至XX月底，共整改问题12个，完成率达％。",
    "全年PM2.5平均浓度为35微克/立方米，同比下降5.4%。",
    "根据文件要求,强化尾矿库的的管理。",
    "开展X线机、CT设备辐射安全检查8次，TOP10企业全部覆盖。",
    "天天学习，层层压实责任，5G基站建设提速。",
]


def generate(n: int, seed: int = 2023) -> Path:
    marker = OUT / f".made-{n}-{seed}"
    if marker.exists():
        return OUT
    rng = random.Random(seed)
    paragraphs: list[str] = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        paragraphs += [p for p in text.splitlines() if p.strip()]
    if OUT.exists():
        for old in OUT.rglob("*.txt"):
            old.unlink()
        for old in OUT.glob(".made-*"):
            old.unlink()
    for i in range(n):
        body = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(6, 16)))
        body += rng.sample(EXTRA, k=2)
        rng.shuffle(body)
        text = f"某县第{i}单位2023年工作总结\n" + "\n".join(body) + "\n"
        target = OUT / f"batch{i // 100:02}" / f"draft{i:05}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    marker.write_text("")
    return OUT


def timed(jobs: int, directory: Path, fmt: str = "json") -> tuple[float, int]:
    env = {**os.environ, "DOCLINT_NO_PROGRESS": "1"}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "doclint", "--format", fmt, "-j", str(jobs), str(directory)],
                          capture_output=True, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"doclint failed ({proc.returncode}): {proc.stderr.decode(errors='replace')[-500:]}")
    return elapsed, len(proc.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--drafts", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--format", default="json", help="output format (json is the contract; its writing is serial work)")
    args = ap.parse_args()
    directory = generate(args.drafts)
    size = sum(p.stat().st_size for p in directory.rglob("*.txt"))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{args.drafts} drafts, {size / 1e6:.1f} MB, {os.cpu_count()} cores, load average {load:.1f}, --format {args.format}")
    outputs = {}
    best = {}
    for jobs in args.jobs:
        times = []
        for _ in range(args.repeat):
            elapsed, out_len = timed(jobs, directory, args.format)
            times.append(elapsed)
            outputs.setdefault(jobs, out_len)
        best[jobs] = min(times)
        print(f"-j {jobs}: best {best[jobs]:.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times)})")
    if len(set(outputs.values())) > 1:
        print("WARNING: outputs differ between job counts:", outputs)
    if 1 in best:
        for jobs, t in best.items():
            if jobs != 1:
                print(f"speed-up -j {jobs} vs -j 1: {best[1] / t:.2f}x")


if __name__ == "__main__":
    main()
