import datetime

import dagsorden
import pytest


def test_parse_text_gives_typed_objects(seed_path):
    agenda = dagsorden.parse(seed_path.read_text(encoding="utf-8"))
    assert isinstance(agenda, dagsorden.Agenda)
    assert agenda.kind == "dagsorden"
    assert agenda.title == "DAGSORDEN 2021"
    assert agenda.organisation == "KKR NORDJYLLAND"
    assert agenda.meeting.date == datetime.date(2021, 1, 15)
    assert agenda.meeting.time == datetime.time(8, 0)
    assert agenda.meeting.end_time is None
    assert agenda.meeting.place == "Teams"
    assert agenda.meeting.field("dato") == "15-01-2021 08:00"
    assert [f.key for f in agenda.meeting.fields] == ["Dato", "Sted"]
    assert [p.heading for p in agenda.preamble] == ["Mission", "Vision"]
    assert [(e.number, e.page) for e in agenda.toc] == [("1", 3), ("2", 4), ("2.1", 4)]


def test_walk_sections_blocks_and_cases(seed_path):
    agenda = dagsorden.parse_file(seed_path)
    assert [i.number for i in agenda.walk()] == ["1", "2", "2.1"]
    item = agenda.item("2.1")
    assert item is not None and item.depth == 2
    assert item.case is not None
    assert (item.case.id, item.case.initials) == ("SAG-2021-00200", "hlth")
    indstilling = item.section("indstilling")
    assert indstilling is not None and indstilling.kind == "indstilling"
    assert indstilling.recommendations == item.recommendations
    assert item.section("beslutning") is None
    sagsfremstilling = item.section("Sagsfremstilling")
    assert sagsfremstilling is not None
    types = [b.type for b in sagsfremstilling.blocks]
    assert "enclosure" in types and "list" in types
    listing = next(b for b in sagsfremstilling.blocks if b.type == "list")
    assert listing.text is None and listing.items is not None and len(listing.items) == 4
    assert item.span.start < item.span.end and item.span.line == 29
    assert agenda.items[1].children[0].number == "2.1"


def test_a_signature_page_is_closing_matter_not_the_last_item():
    agenda = dagsorden.parse(
        "Referat\n\n1. Godkendelse af dagsorden\n\nBeslutning\nGodkendt.\n\n"
        "Underskriftsside\n\nAnne Holm (A), formand\n\nPeter Lund (V)\n"
    )
    assert [s.heading for s in agenda.items[0].sections] == ["Beslutning"]
    assert [c.heading for c in agenda.closing] == ["Underskriftsside"]
    assert "Peter Lund (V)" in agenda.closing[0].text
    assert agenda.to_dict()["closing"][0]["heading"] == "Underskriftsside"
    assert dagsorden.parse("Referat\n\n1. Eventuelt\n").closing == []


def test_reprs_say_what_they_are(seed_path):
    agenda = dagsorden.parse_file(seed_path)
    assert "KKR NORDJYLLAND" in repr(agenda) and "3 items" in repr(agenda)
    assert repr(agenda.item("2.1")).startswith("<Item 2.1 ")
    assert "Teams" in repr(agenda.meeting)


def test_parse_bytes_decodes_legacy_text():
    agenda = dagsorden.parse_bytes("REFERAT\n\nDato: 28. januar 2010\n\n1. Økonomi\n".encode("cp1252"))
    assert agenda.kind == "referat"
    assert agenda.items[0].title == "Økonomi"
    assert agenda.source["encoding"] == "windows-1252"
    assert any(d.code == "legacy-encoding" for d in agenda.diagnostics)


def test_diagnostics_have_codes_and_spans():
    agenda = dagsorden.parse("DAGSORDEN\n\n1. Godkendelse ..... 2\n2. Eventuelt ..... 3\n\n1. Godkendelse\n")
    codes = [d.code for d in agenda.diagnostics]
    assert codes == ["toc-entry-without-item"]
    d = agenda.diagnostics[0]
    assert d.severity == "warning" and d.span.line == 4 and "Eventuelt" in d.message


def test_pdf_files_parse_too():
    from conftest import pdf_fixtures

    pdf = next(p for p in pdf_fixtures() if p.name.startswith("kkr-nordjylland-2021-01-15.reportlab"))
    agenda = dagsorden.parse_file(pdf)
    assert agenda.source["format"] == "pdf"
    assert agenda.item("2.1") is not None
    assert all(i.span.page is not None for i in agenda.walk())
    assert dagsorden.parse_bytes(pdf.read_bytes()) == agenda


def test_path_objects_and_strings(seed_path):
    assert dagsorden.parse_file(seed_path) == dagsorden.parse_file(str(seed_path))


def test_objects_are_frozen(seed_path):
    agenda = dagsorden.parse_file(seed_path)
    with pytest.raises(AttributeError):
        agenda.title = "x"  # type: ignore[misc]
