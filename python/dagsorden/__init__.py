"""Danish meeting agendas and minutes (dagsorden/referat) as typed data.

    >>> import dagsorden
    >>> a = dagsorden.parse("DAGSORDEN 2021\\n\\nKKR NORDJYLLAND\\n\\nDato: 15-01-2021 08:00\\n\\n1. Godkendelse af dagsorden\\n")
    >>> a.organisation, a.meeting.date.isoformat(), [i.title for i in a.walk()]
    ('KKR NORDJYLLAND', '2021-01-15', ['Godkendelse af dagsorden'])

Parsing runs in Rust; these are frozen, picklable views of its model. Every exception
this package raises derives from :class:`dagsorden.Error`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Iterable, Iterator, List, Optional, Union

from ._dagsorden import (
    SCHEMA_VERSION,
    Agenda,
    Block,
    CaseRef,
    Diagnostic,
    Error,
    FileError,
    Item,
    Meeting,
    MeetingField,
    ParseError,
    ParseFailure,
    PdfError,
    PreambleSection,
    Section,
    Span,
    TocEntry,
    _parse_chunk,
    parse,
    parse_bytes,
    parse_file,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "SCHEMA_VERSION",
    "Agenda",
    "Block",
    "CaseRef",
    "Diagnostic",
    "Error",
    "FileError",
    "Item",
    "Meeting",
    "MeetingField",
    "ParseError",
    "ParseFailure",
    "PdfError",
    "PreambleSection",
    "Section",
    "Span",
    "TocEntry",
    "items_frame",
    "parse",
    "parse_bytes",
    "parse_file",
    "parse_files",
]

PathLike = Union[str, "os.PathLike[str]"]

# Files handed to the Rust threads at a time: enough to keep the workers busy (each
# chunk ends with one worker waiting for the last file; with 16 per worker that wait
# cost two workers a tenth of their speed-up once parsing got faster), few enough that
# a huge archive is never held in memory at once.
_CHUNK_PER_WORKER = 64


def parse_files(
    paths: Iterable[PathLike],
    workers: Optional[int] = None,
    raise_errors: bool = False,
) -> Iterator[Union[Agenda, ParseFailure]]:
    """Parse many files in parallel on Rust threads (the GIL is released), yielding the
    results in the order of ``paths``.

    A file that cannot be parsed yields a :class:`ParseFailure` (falsy, with ``path``,
    ``error_type``, ``message`` and ``exception()``) and the others go on; with
    ``raise_errors=True`` its exception is raised instead. ``workers`` defaults to the
    number of CPUs. ``paths`` may be any iterable, consumed lazily.
    """
    if workers is not None and workers < 1:
        raise ValueError("workers must be at least 1")
    chunk_size = _CHUNK_PER_WORKER * (workers or os.cpu_count() or 1)
    chunk: List[str] = []

    def run(batch: List[str]) -> Iterator[Union[Agenda, ParseFailure]]:
        for result in _parse_chunk(batch, workers):
            if raise_errors and isinstance(result, ParseFailure):
                raise result.exception()
            yield result

    for path in paths:
        chunk.append(os.fspath(path))
        if len(chunk) >= chunk_size:
            yield from run(chunk)
            chunk = []
    if chunk:
        yield from run(chunk)


def items_frame(agendas: Iterable[Union[Agenda, ParseFailure]]) -> "pandas.DataFrame":
    """One row per item (depth-first) of every agenda: organisation, date, kind, number,
    title, parent, depth, case id and initials, open, section kinds, the Indstilling
    text, the recommendations and their count, attachments, and the agenda's title.

    ``ParseFailure`` entries are skipped. Needs pandas (``pip install dagsorden[pandas]``).
    """
    try:
        import pandas as pd
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError("items_frame needs pandas: pip install 'dagsorden[pandas]'") from e

    rows: List[dict[str, Any]] = []
    for agenda in agendas:
        if not isinstance(agenda, Agenda):
            continue
        meeting = agenda.meeting
        for item in agenda.walk():
            indstilling = item.section("indstilling")
            parent, _, _ = item.number.rpartition(".")
            rows.append(
                {
                    "organisation": agenda.organisation,
                    "date": meeting.date,
                    "kind": agenda.kind,
                    "agenda_title": agenda.title,
                    "number": item.number,
                    "parent": parent or None,
                    "depth": item.depth,
                    "title": item.title,
                    "case_id": item.case.id if item.case else None,
                    "initials": item.case.initials if item.case else None,
                    "open": item.open,
                    "sections": [s.kind for s in item.sections],
                    "indstilling": indstilling.text if indstilling else None,
                    "recommendations": item.recommendations,
                    "recommendation_count": len(item.recommendations),
                    "attachments": item.attachments,
                }
            )
    columns = [
        "organisation", "date", "kind", "agenda_title", "number", "parent", "depth", "title",
        "case_id", "initials", "open", "sections", "indstilling", "recommendations",
        "recommendation_count", "attachments",
    ]
    return pd.DataFrame(rows, columns=columns)
