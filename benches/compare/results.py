"""Rewrite one tagged section of benches/RESULTS.md, leaving the others as they are."""
import pathlib

RESULTS = pathlib.Path(__file__).resolve().parents[1] / "RESULTS.md"


def write_section(tag, title, intro, report):
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    start, end = f"<!-- {tag} -->", f"<!-- /{tag} -->"
    section = f"{start}\n{report}\n{end}"
    if start in text:
        before, rest = text.split(start, 1)
        text = before + section + rest.split(end, 1)[1]
    else:
        text += f"\n## {title}\n\n{intro}\n\n{section}\n"
    RESULTS.write_text(text)
