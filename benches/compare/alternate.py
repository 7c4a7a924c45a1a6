"""Two (or more) builds of the command side by side: `dagsorden parse FILES --format jsonl`
written to a file, the builds taken in turn N times, and each run's wall time and CPU time
(user + system, from the children's rusage) summed up as best and median.

Usage: python3 benches/compare/alternate.py N LISTFILE BINARY BINARY...
(LISTFILE: one input path a line.) Ratios are against the first binary.
"""

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

OUT = Path("target/compare/alternate-out.jsonl")


def main():
    n, listing, binaries = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    files = Path(listing).read_text().split()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    wall = {b: [] for b in binaries}
    cpu = {b: [] for b in binaries}
    for _ in range(n):
        for binary in binaries:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            with OUT.open("wb") as out:
                subprocess.run([binary, "parse", *files, "--format", "jsonl"], stdout=out,
                               stderr=subprocess.DEVNULL, check=True)
            wall[binary].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[binary].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    med = statistics.median
    first = binaries[0]
    for b in binaries:
        print(f"{b}: wall best {min(wall[b]):.3f} median {med(wall[b]):.3f} | cpu best {min(cpu[b]):.3f} "
              f"median {med(cpu[b]):.3f} | speed vs {first}: wall (medians) {med(wall[first]) / med(wall[b]):.2f}x, "
              f"cpu (medians) {med(cpu[first]) / med(cpu[b]):.2f}x")


if __name__ == "__main__":
    main()
