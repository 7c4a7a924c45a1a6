"""A typed example of the API: mypy --strict checks it against the stubs."""

from __future__ import annotations

import datetime
import sys
from collections import Counter
from typing import Dict, List, Optional

import dagsorden


def recommendations_by_organisation(paths: List[str]) -> Dict[str, int]:
    counts: Counter[str] = Counter()
    for result in dagsorden.parse_files(paths, workers=2):
        if isinstance(result, dagsorden.ParseFailure):
            print(f"skipped {result.path}: {result.message}", file=sys.stderr)
            continue
        organisation: str = result.organisation or "(unknown)"
        for item in result.walk():
            counts[organisation] += len(item.recommendations)
    return dict(counts)


def meeting_date(path: str) -> Optional[datetime.date]:
    try:
        agenda: dagsorden.Agenda = dagsorden.parse_file(path)
    except dagsorden.PdfError as e:
        print(f"{e.path}: {e}", file=sys.stderr)
        return None
    return agenda.meeting.date


def decisions(agenda: dagsorden.Agenda) -> List[str]:
    out: List[str] = []
    for item in agenda.walk():
        section: Optional[dagsorden.Section] = item.section("beslutning")
        if section is not None:
            out.append(f"{item.number} {item.title}: {section.text}")
    return out


if __name__ == "__main__":
    print(recommendations_by_organisation(sys.argv[1:]))
