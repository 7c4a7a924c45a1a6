#!/usr/bin/env python3
"""Python overhead and parallel scaling, in one run on the same documents:

1. dagsorden.parse_bytes from Python vs the Rust parser in process (dagsorden-time),
   on every text fixture (typical agendas): the overhead ratio (target <= 1.3x);
2. dagsorden.parse_files on 1 vs 2 workers over text and PDF fixtures (target >= 1.7x).

Usage: benches/compare/run python [--rounds N] [--write]  (builds the release extension)
"""
import argparse
import json
import pathlib
import subprocess
import time

import dagsorden

ROOT = pathlib.Path(__file__).resolve().parents[2]


def rust_seconds(files, rounds):
    tool = ROOT / "target/release/dagsorden-time"
    out = subprocess.run([str(tool), str(rounds), *map(str, files)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)["seconds_per_round"]


def python_seconds(files, rounds):
    blobs = [f.read_bytes() for f in files]
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(rounds):
            for blob in blobs:
                dagsorden.parse_bytes(blob)
        best = min(best, (time.perf_counter() - start) / rounds)
    return best


def parse_files_seconds(files, workers):
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in dagsorden.parse_files(files, workers=workers):
            pass
        best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    text = sorted((ROOT / "fixtures/text").glob("*.txt"))
    pdfs = sorted((ROOT / "fixtures/pdf").glob("*.pdf"))
    # The Rust figure is the best of three runs too, taken between the Python ones.
    rust = min(rust_seconds(text, args.rounds) for _ in range(3))
    py = python_seconds(text, args.rounds)
    corpus = (text + pdfs) * 8
    one = parse_files_seconds(corpus, 1)
    two = parse_files_seconds(corpus, 2)
    size = sum(f.stat().st_size for f in text)
    lines = [
        f"Overhead: {len(text)} text fixtures ({size / 1024:.0f} KiB), {args.rounds} rounds, best of 3.",
        "",
        "| | seconds per round | ratio |",
        "|---|---:|---:|",
        f"| Rust `dagsorden::parse_bytes` (dagsorden-time) | {rust:.5f} | 1.00x |",
        f"| Python `dagsorden.parse_bytes` | {py:.5f} | **{py / rust:.2f}x** |",
        "",
        f"Scaling: `parse_files` over {len(corpus)} files ({len(text)} text + {len(pdfs)} PDF fixtures, x8), best of 3.",
        "",
        "| workers | seconds | speed-up |",
        "|---:|---:|---:|",
        f"| 1 | {one:.3f} | 1.00x |",
        f"| 2 | {two:.3f} | **{one / two:.2f}x** |",
    ]
    report = "\n".join(lines)
    print(report)
    if args.write:
        from results import write_section

        write_section('python', 'Python: overhead over Rust, and parse_files scaling', 'Command: `benches/compare/run python --write`', report)

if __name__ == "__main__":
    main()
