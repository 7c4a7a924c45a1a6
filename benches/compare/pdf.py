#!/usr/bin/env python3
"""Side by side, in one run, on the same PDFs: dagsorden (PDF -> full model), PyMuPDF's
page.get_text() (timed inside its process) and pdftotext -layout (one process per file,
as it is used). Prints a table with pages/s and ratios; --write updates benches/RESULTS.md.

Usage: benches/compare/pdf.py [--rounds N] [--write]
"""
import argparse
import json
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def pdf_files():
    return sorted(p for p in (ROOT / "fixtures/pdf").glob("*.pdf"))


def dagsorden_in_process(files, rounds):
    tool = ROOT / "target/release/dagsorden-time"
    out = subprocess.run([str(tool), str(rounds), *map(str, files)], check=True, capture_output=True, text=True)
    result = json.loads(out.stdout)
    return result["seconds_per_round"], result["pages_per_round"]


def dagsorden_cli(files, rounds):
    tool = ROOT / "target/release/dagsorden"
    start = time.perf_counter()
    for _ in range(rounds):
        for f in files:
            subprocess.run([str(tool), "parse", str(f)], check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) / rounds


def pymupdf_in_process(files, rounds):
    import pymupdf

    pages = 0
    start = time.perf_counter()
    for _ in range(rounds):
        for f in files:
            with pymupdf.open(f) as doc:
                for page in doc:
                    page.get_text()
                    pages += 1
    return (time.perf_counter() - start) / rounds, pages // rounds


def pdftotext_processes(files, rounds):
    start = time.perf_counter()
    for _ in range(rounds):
        for f in files:
            subprocess.run(["pdftotext", "-layout", str(f), "-"], check=True, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - start) / rounds


def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True)
        return (out.stdout + out.stderr).strip().splitlines()[0]
    except OSError:
        return "not installed"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    files = pdf_files()
    if not files:
        sys.exit("no PDFs under fixtures/pdf")
    rounds = args.rounds
    d_secs, pages = dagsorden_in_process(files, rounds)
    m_secs, m_pages = pymupdf_in_process(files, rounds)
    cli_rounds = max(1, rounds // 5)
    c_secs = dagsorden_cli(files, cli_rounds)
    p_secs = pdftotext_processes(files, cli_rounds)
    import pymupdf

    rows = [
        ("dagsorden, in process (PDF -> full model)", d_secs),
        ("PyMuPDF page.get_text(), in process (text only)", m_secs),
        ("dagsorden parse, one process per file", c_secs),
        ("pdftotext -layout, one process per file (text only)", p_secs),
    ]
    lines = [
        f"{len(files)} PDFs, {pages} pages per round (PyMuPDF counted {m_pages}); "
        f"{rounds} rounds in process, {cli_rounds} with processes.",
        "",
        "| tool | seconds per round | pages/s | dagsorden (in process) speed vs this |",
        "|---|---:|---:|---:|",
    ]
    for name, secs in rows:
        lines.append(f"| {name} | {secs:.4f} | {pages / secs:,.0f} | {secs / d_secs:.2f}x |")
    lines += [
        "",
        f"dagsorden in process vs PyMuPDF in process: **{m_secs / d_secs:.2f}x** "
        f"(>1 means dagsorden is faster; target >= 1.0).",
        f"dagsorden parse vs pdftotext -layout, both one process per file: **{p_secs / c_secs:.2f}x**.",
        f"Versions: PyMuPDF {pymupdf.VersionBind}, {version(['pdftotext', '-v'])}.",
    ]
    report = "\n".join(lines)
    print(report)
    if args.write:
        from results import write_section

        write_section('pdf-compare', 'PDF: dagsorden vs PyMuPDF vs pdftotext', 'Command: `benches/compare/run pdf --write`', report)

if __name__ == "__main__":
    main()
