#!/usr/bin/env python3
"""Text parsing side by side, in one run on the same inputs:

1. `dagsorden parse FILES... --format jsonl > out` over a synthetic corpus of 2,000 agenda
   text files (make-archive, varied from the text fixtures; rayon on every core);
2. the Python regex baseline (benches/compare/baseline.py: what an analyst would write),
   same files, JSON Lines to a file, with 1 and 2 worker processes;
3. the floor under the command: `dagsorden-floor` reads the same files in the same
   parallel rounds and writes as many bytes as dagsorden's JSON, without parsing;
4. parsing and rendering apart, in process on one core (`dagsorden-time --json`);
5. peak memory of `dagsorden parse --format jsonl` on one big agenda (~50 MB: the seed's
   preamble, a TOC of every item, and the seed's item repeated with new numbers).

Targets (the performance issue): dagsorden parse >= 10x the Python baseline in the same run,
>= 150 MB/s, and peak RSS <= 4x the input on the big agenda.

Usage: benches/compare/run text [--rounds N] [--big-mb MB] [--write]
"""
import argparse
import json
import os
import pathlib
import platform
import shutil
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
WORK = pathlib.Path(os.environ.get("DAGSORDEN_BENCH_DIR", "/tmp/dagsorden-bench"))
DAGSORDEN = ROOT / "target/release/dagsorden"
BASELINE = pathlib.Path(__file__).resolve().parent / "baseline.py"
MAKE_SEED_AGENDA = ROOT / "target/release/make-seed-agenda"
FLOOR = ROOT / "target/release/dagsorden-floor"
TIME = ROOT / "target/release/dagsorden-time"
# Built by scripts/build-pgo; timed beside the plain build when present.
PGO = ROOT / "target/pgo/release/dagsorden"
COUNT = 2000


def corpus():
    folder = WORK / f"corpus-{COUNT}"
    marker = folder / ".complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([str(ROOT / "target/release/make-archive"), str(folder), str(COUNT), "1"], check=True, stdout=subprocess.DEVNULL)
        marker.write_text("ok")
    files = sorted(folder.rglob("*.txt"))
    assert len(files) == COUNT, f"{folder}: {len(files)} files, expected {COUNT}"
    return files, sum(f.stat().st_size for f in files)


def arg_chunks(args):
    """The file list as one command line when it fits (it does: ~110 KB against ARG_MAX,
    usually 2 MiB), split into consecutive runs otherwise."""
    limit = os.sysconf("SC_ARG_MAX") - sum(len(k) + len(v) + 2 for k, v in os.environ.items()) - 64 * 1024
    chunks, chunk, size = [], [], 0
    for a in args:
        n = len(os.fsencode(a)) + 1 + 8  # the string, its NUL and its argv pointer
        if chunk and size + n > limit:
            chunks.append(chunk)
            chunk, size = [], 0
        chunk.append(a)
        size += n
    chunks.append(chunk)
    return chunks


def timed(commands, out_path):
    """Run the commands one after another with stdout into out_path; wall seconds."""
    with open(out_path, "wb") as out:
        start = time.perf_counter()
        for command in commands:
            done = subprocess.run(command, stdout=out, stderr=subprocess.PIPE)
            if done.returncode != 0:
                sys.exit(f"{command[0]} {command[1]} ... failed ({done.returncode}): {done.stderr.decode()[:2000]}")
        return time.perf_counter() - start


def best_of(tools, rounds, slow=60.0):
    """Best wall time per tool over `rounds` rounds, taken round-robin so that every tool sees
    the machine in the same state; a tool whose round took over `slow` seconds stops early."""
    times = {name: [] for name in tools}
    for _ in range(rounds):
        for name, (commands, out_path) in tools.items():
            if times[name] and times[name][-1] > slow:
                continue
            times[name].append(timed(commands, out_path))
    return {name: (min(t), len(t)) for name, t in times.items()}


def all_items(nodes):
    """dagsorden nests sub-items under their items; count every level."""
    return sum(1 + all_items(n.get("children", [])) for n in nodes)


def count(path, items_of):
    """Documents, items and TOC entries in a JSON Lines output."""
    docs = items = toc = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            docs += 1
            items += items_of(doc["items"])
            toc += len(doc["toc"])
    return docs, items, toc


def big_agenda(target_bytes):
    """One agenda of ~target_bytes shaped like the seed, repeated (`make-seed-agenda`, the
    generator of the criterion benches' seed-shaped agenda): its preamble, a TOC of every
    item, then groups "k. <group>" each holding nine items "k.j. <title>" made of the seed's
    item 2.1, each naming its own subject and number."""
    path = WORK / "big-agenda.txt"
    out = subprocess.run([str(MAKE_SEED_AGENDA), str(target_bytes), str(path)],
                         capture_output=True, text=True, check=True)
    made = json.loads(out.stdout)
    return path, made["groups"], made["items"]


def peak_memory(path):
    out = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", str(DAGSORDEN), "parse", str(path), "--format", "jsonl"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    if out.returncode != 0:
        sys.exit(f"dagsorden parse {path} failed ({out.returncode}): {out.stderr[:2000]}")
    seconds, max_kb = out.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(max_kb) * 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3, help="best of N rounds per tool (default 3)")
    parser.add_argument("--big-mb", type=float, default=50, help="size of the single big agenda in MB (default 50)")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)

    files, total = corpus()
    names = [str(f) for f in files]
    mb = total / 1e6
    rust_cmds = [[str(DAGSORDEN), "parse", *chunk, "--format", "jsonl"] for chunk in arg_chunks(names)]
    listing = WORK / "text-files.txt"
    listing.write_text("".join(n + "\n" for n in names))
    py = lambda w: [[sys.executable, str(BASELINE), "--workers", str(w), "--files-from", str(listing)]]

    outs = {k: WORK / f"text-out-{k}.jsonl" for k in ("dagsorden", "py1", "py2", "floor", "pgo")}
    # One run first: the floor writes as many bytes as dagsorden's JSON takes.
    timed(rust_cmds, outs["dagsorden"])
    scale = outs["dagsorden"].stat().st_size / total
    floor_cmds = [[str(FLOOR), f"{scale:.4f}", *chunk] for chunk in arg_chunks(names)]
    tools = {"dagsorden": (rust_cmds, outs["dagsorden"]), "py1": (py(1), outs["py1"]),
             "py2": (py(2), outs["py2"]), "floor": (floor_cmds, outs["floor"])}
    if PGO.exists():
        tools["pgo"] = ([[str(PGO), *cmd[1:]] for cmd in rust_cmds], outs["pgo"])
    best = best_of(tools, args.rounds)
    (rust, rust_rounds), (py1, py1_rounds), (py2, py2_rounds) = best["dagsorden"], best["py1"], best["py2"]
    floor, floor_rounds = best["floor"]
    # Parsing and rendering apart, on one core, in process (best of the rounds).
    one_core = min(
        (json.loads(subprocess.run([str(TIME), "--json", "1", *names], capture_output=True, text=True, check=True).stdout)
         for _ in range(args.rounds)),
        key=lambda r: r["seconds_per_round"] + r["json_seconds_per_round"],
    )
    parse_cpu, json_cpu = one_core["seconds_per_round"], one_core["json_seconds_per_round"]

    rows = [
        ("`dagsorden parse --format jsonl` (rayon, 2 cores)", rust, rust_rounds),
        ("Python regex baseline, `--workers 1`", py1, py1_rounds),
        ("Python regex baseline, `--workers 2`", py2, py2_rounds),
    ]
    lines = [
        f"{COUNT:,} agenda text files ({mb:.1f} MB; MB = 10^6 bytes) from `make-archive {COUNT} 1`; "
        f"{len(rust_cmds)} command line(s); wall time of the whole command (process start, reading, "
        "parsing, JSON Lines written to a file), best of the rounds shown.",
        "",
        "| tool | rounds | seconds | MB/s | files/s | dagsorden speed vs this |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, seconds, rounds in rows:
        lines.append(f"| {name} | {rounds} | {seconds:.3f} | {mb / seconds:.1f} | {COUNT / seconds:,.0f} | {seconds / rust:.2f}x |")
    if "pgo" in best:
        if outs["pgo"].read_bytes() != outs["dagsorden"].read_bytes():
            sys.exit("the PGO build's output differs from the release build's")
        pgo, pgo_rounds = best["pgo"]
        lines.append(
            f"| the same command built by `scripts/build-pgo` (profile-guided; same output, compared) | "
            f"{pgo_rounds} | {pgo:.3f} | {mb / pgo:.1f} | {COUNT / pgo:,.0f} | {pgo / rust:.2f}x |"
        )
    lines.append(
        f"| the floor: `dagsorden-floor` reads the files as the command does and writes as many bytes "
        f"({scale:.2f}x the input), no parsing, no JSON | {floor_rounds} | {floor:.3f} | {mb / floor:.1f} | "
        f"{COUNT / floor:,.0f} | {floor / rust:.2f}x |"
    )
    # What the targets leave for parsing and rendering, on two cores, over the floor.
    budget_10x = py2 / 10 - floor
    budget_150 = mb / 150 - floor
    lines += [
        "",
        f"dagsorden parse vs the baseline on 2 workers (both on both cores): **{py2 / rust:.1f}x**; "
        f"vs 1 worker: {py1 / rust:.1f}x (target >= 10x).",
        f"dagsorden parse throughput: **{mb / rust:.1f} MB/s** (target >= 150 MB/s)."
        + (f" The PGO build: {py2 / best['pgo'][0]:.1f}x the baseline on 2 workers, "
           f"{mb / best['pgo'][0]:.1f} MB/s." if "pgo" in best else ""),
        f"On one core, in process (`dagsorden-time --json 1 FILES...`, best of {args.rounds}): parsing "
        f"{parse_cpu:.3f} s ({mb / parse_cpu:.1f} MB/s), rendering the JSON {json_cpu:.3f} s; "
        f"{parse_cpu + json_cpu:.3f} CPU seconds, {(parse_cpu + json_cpu) / 2:.3f} s on two cores at best.",
        f"What the targets leave over the floor ({floor:.3f} s) for parsing and JSON on two cores: "
        f"10x the baseline {py2 / 10:.3f} s, so {budget_10x:.3f} s"
        + (f", {(parse_cpu + json_cpu) / 2 / budget_10x:.1f}x less than they take now" if budget_10x > 0 else ", nothing")
        + f"; 150 MB/s {mb / 150:.3f} s, so {budget_150:.3f} s"
        + (f", {(parse_cpu + json_cpu) / 2 / budget_150:.1f}x less" if budget_150 > 0 else ", nothing")
        + ".",
    ]

    d_docs, d_items, d_toc = count(outs["dagsorden"], all_items)
    b_docs, b_items, b_toc = count(outs["py2"], len)  # the baseline lists items flat
    out_mb = outs["dagsorden"].stat().st_size / 1e6
    lines.append(
        f"Same work? documents / items (all levels) / TOC entries: dagsorden {d_docs:,} / {d_items:,} / {d_toc:,}, "
        f"baseline {b_docs:,} / {b_items:,} / {b_toc:,}. Output: dagsorden {out_mb:.0f} MB of JSON "
        f"(spans, blocks, recommendations, diagnostics), baseline {outs['py2'].stat().st_size / 1e6:.0f} MB."
    )

    big, n_groups, n_items = big_agenda(int(args.big_mb * 1e6))
    big_bytes = big.stat().st_size
    big_seconds, rss = peak_memory(big)
    lines += [
        "",
        f"Peak memory, one agenda of {n_groups:,} items holding {n_items:,} sub-items ({big_bytes / 1e6:.1f} MB: "
        f"the seed's preamble, a TOC of every item, the seed's 2 / 2.1 shape repeated with new numbers and subjects): `dagsorden parse BIG --format jsonl > /dev/null` "
        f"peak RSS **{rss / 1e6:.0f} MB = {rss / big_bytes:.2f}x the input** (target <= 4x); "
        f"{big_seconds:.2f} s ({big_bytes / 1e6 / big_seconds:.1f} MB/s, one document). GNU time %M.",
        f"Python {platform.python_version()}.",
    ]
    report = "\n".join(lines)
    print(report)
    if args.write:
        from results import write_section

        write_section(
            "text-compare",
            "Text: dagsorden parse vs a Python regex baseline",
            "Command: `benches/compare/run text --write` (the baseline, `benches/compare/baseline.py`, is a "
            "straightforward regex parser of the seed format: title, fields, TOC, items, case numbers, "
            "sections; benchmark only)",
            report,
            after="Text parsing throughput (criterion)",
        )


if __name__ == "__main__":
    main()
