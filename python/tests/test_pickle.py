"""Every exported class pickles, so multiprocessing, concurrent.futures and Dask can
carry the objects."""

import concurrent.futures
import inspect
import pickle

import dagsorden

ROOT_DOC = """DAGSORDEN 2021

KKR NORDJYLLAND

Dato: 15-01-2021 08:00

Mission

KL bidrager til et stærkt lokalt demokrati og samler kommunernes fælles interesser.

1. Godkendelse af dagsorden ..... 2

1. Godkendelse af dagsorden

SAG-2021-00100 abc

Indstilling

Det indstilles, at dagsordenen godkendes.

- ./.
- Bilaget er vedlagt.
"""


def instances():
    agenda = dagsorden.parse(ROOT_DOC)
    item = agenda.items[0]
    section = item.sections[0]
    assert item.case is not None
    return {
        "Agenda": agenda,
        "Meeting": agenda.meeting,
        "MeetingField": agenda.meeting.fields[0],
        "PreambleSection": agenda.preamble[0],
        "TocEntry": agenda.toc[0],
        "Item": item,
        "CaseRef": item.case,
        "Section": section,
        "Block": section.blocks[0],
        "Diagnostic": dagsorden.parse("1. a").diagnostics[0],
        "Span": item.span,
        "ParseFailure": dagsorden.ParseFailure("x.pdf", "PdfError", "no text"),
    }


def test_every_exported_class_pickles():
    exported = {
        name
        for name, obj in vars(dagsorden).items()
        if inspect.isclass(obj)
        and obj.__module__.startswith("dagsorden")
        and not issubclass(obj, BaseException)
        and not name.startswith("_")
    }
    made = instances()
    assert exported == set(made), "a class without a pickle test"
    for name, obj in made.items():
        back = pickle.loads(pickle.dumps(obj))
        assert type(back) is type(obj), name
        if name == "ParseFailure":
            assert (back.path, back.error_type, back.message) == ("x.pdf", "PdfError", "no text")
        else:
            assert back == obj, name
            assert back.to_dict() == obj.to_dict(), name


def _titles(agenda: dagsorden.Agenda) -> list:
    return [i.title for i in agenda.walk()]


def test_objects_cross_process_boundaries(seed_path):
    agenda = dagsorden.parse_file(seed_path)
    with concurrent.futures.ProcessPoolExecutor(max_workers=2) as pool:
        assert list(pool.map(_titles, [agenda, agenda])) == [_titles(agenda)] * 2
