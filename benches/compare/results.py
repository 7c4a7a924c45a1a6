"""Rewrite one tagged section of benches/RESULTS.md, leaving the others as they are."""
import pathlib

RESULTS = pathlib.Path(__file__).resolve().parents[1] / "RESULTS.md"


def write_section(tag, title, intro, report, after=None):
    """Replace the block between `<!-- tag -->` and `<!-- /tag -->`. When it is missing, add
    it under `## title`: right after the section headed `## after` if given and present,
    at the end otherwise."""
    text = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    start, end = f"<!-- {tag} -->", f"<!-- /{tag} -->"
    section = f"{start}\n{report}\n{end}"
    if start in text:
        before, rest = text.split(start, 1)
        text = before + section + rest.split(end, 1)[1]
    else:
        block = f"## {title}\n\n{intro}\n\n{section}\n"
        heading = f"\n## {after}\n" if after else None
        if heading and heading in text:
            head, tail = text.split(heading, 1)
            cut = tail.find("\n## ")
            if cut < 0:
                text = head + heading + tail.rstrip("\n") + "\n\n" + block
            else:
                text = head + heading + tail[: cut + 1] + block + "\n" + tail[cut + 1 :]
        else:
            text += f"\n{block}"
    RESULTS.write_text(text)
