#!/usr/bin/env python3
"""Archive import at scale, in one run: synthetic archives of 2,000, 5,000 and 10,000
documents imported into a fresh SQLite file with 1 and 2 parser threads. Reports
documents/s, MB/s, the 2-thread speed-up, database size per document, and peak memory
(which must stay flat as the archive grows); and, for each archive, parsing alone (the
same files parsed in process on one thread, no database) against the one-thread import,
to show how much of an import is parsing.

Usage: benches/compare/run import [--sizes 2000,5000,10000] [--write]
"""
import argparse
import json
import os
import pathlib
import shutil
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
WORK = pathlib.Path(os.environ.get("DAGSORDEN_BENCH_DIR", "/tmp/dagsorden-bench"))


def archive(size, pdf_percent):
    folder = WORK / (f"archive-{size}" if pdf_percent == 0 else f"archive-{size}-pdf{pdf_percent}")
    marker = folder / ".complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([str(ROOT / "target/release/make-archive"), str(folder), str(size), "1", str(pdf_percent)], check=True, stdout=subprocess.DEVNULL)
        marker.write_text("ok")
    total = sum(p.stat().st_size for p in folder.rglob("*") if p.suffix in (".txt", ".pdf"))
    return folder, total


def import_run(folder, threads, rounds):
    """Best time of `rounds` fresh imports (runs vary by several percent on this machine),
    the largest peak memory, and the database size."""
    best = None
    for _ in range(rounds):
        seconds, max_kb, size = import_once(folder, threads)
        best = (seconds, max_kb, size) if best is None else (min(best[0], seconds), max(best[1], max_kb), size)
    return best


def parse_alone(folder):
    """Seconds to parse every file of the archive in process on one thread (dagsorden-time,
    best of 2), no database."""
    files = sorted(str(p) for p in folder.rglob("*") if p.suffix in (".txt", ".pdf"))
    best = None
    for _ in range(2):
        out = subprocess.run([str(ROOT / "target/release/dagsorden-time"), "1", *files], check=True, capture_output=True, text=True)
        seconds = json.loads(out.stdout)["seconds_per_round"]
        best = seconds if best is None else min(best, seconds)
    return best


def import_once(folder, threads):
    db = WORK / f"bench-{threads}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        pathlib.Path(str(db) + suffix).unlink(missing_ok=True)
    out = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", str(ROOT / "target/release/dagsorden"), "import", str(folder), "--db", str(db), "--threads", str(threads)],
        check=True, capture_output=True, text=True,
    )
    seconds, max_kb = out.stderr.strip().splitlines()[-1].split()
    # Fold the WAL into the main file before measuring it.
    subprocess.run(["python3", "-c", f"import sqlite3; c=sqlite3.connect('{db}'); c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); c.close()"], check=True)
    return float(seconds), int(max_kb), db.stat().st_size


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="2000,5000,10000")
    parser.add_argument("--pdf-percents", default="0,70", help="share of PDFs in each archive (real archives are mostly PDFs)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    lines = [
        "| documents | PDFs | MB | threads | seconds | documents/s | MB/s | speed-up | DB bytes/document | peak RSS MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    shares = [
        "",
        "How much of an import is parsing: the same files parsed in process on one thread (`dagsorden-time 1 FILES...`, no database), against the one-thread import.",
        "",
        "| documents | PDFs | parsing alone, s | import, 1 thread, s | parsing share |",
        "|---:|---:|---:|---:|---:|",
    ]
    runs = [(int(p), int(s)) for p in args.pdf_percents.split(",") for s in args.sizes.split(",")]
    for pdf_percent, size in runs:
        folder, total = archive(size, pdf_percent)
        one = None
        for threads in (1, 2):
            seconds, max_kb, db_bytes = import_run(folder, threads, args.rounds)
            one = one or seconds
            lines.append(
                f"| {size:,} | {pdf_percent}% | {total / 1e6:.1f} | {threads} | {seconds:.2f} | {size / seconds:,.0f} | "
                f"{total / 1e6 / seconds:.1f} | {one / seconds:.2f}x | {db_bytes / size:,.0f} | {max_kb / 1024:.0f} |"
            )
        parsing = parse_alone(folder)
        shares.append(f"| {size:,} | {pdf_percent}% | {parsing:.2f} | {one:.2f} | {parsing / one:.0%} |")
    report = "\n".join(lines + shares)
    print(report)
    if args.write:
        from results import write_section

        write_section('import', 'Archive import into SQLite', 'Command: `benches/compare/run import --write` (synthetic archives from `make-archive`, varied from the text fixtures, text only and with 70% of the documents as PDFs laid out by `benches/src/pdf_writer.rs`; a fresh database per run, best of 2 runs; peak RSS from GNU time, the larger of the 2)', report)

if __name__ == "__main__":
    main()
