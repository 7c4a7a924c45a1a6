import datetime

import dagsorden
from conftest import text_fixtures

pd = __import__("pytest").importorskip("pandas")


def test_one_row_per_item():
    agendas = list(dagsorden.parse_files(text_fixtures()))
    frame = dagsorden.items_frame(agendas)
    assert len(frame) == sum(len(a.walk()) for a in agendas)
    seed = frame[(frame.organisation == "KKR NORDJYLLAND") & (frame.date == datetime.date(2021, 1, 15))]
    row = seed[seed.number == "2.1"].iloc[0]
    assert row.case_id == "SAG-2021-00200" and row.initials == "hlth"
    assert row.parent == "2" and row.depth == 2
    assert row.recommendation_count == 1
    assert row.indstilling.startswith("Det indstilles, at")
    assert set(frame.columns) >= {"organisation", "date", "number", "title", "case_id", "indstilling", "recommendation_count"}


def test_failures_are_skipped(tmp_path):
    results = list(dagsorden.parse_files([tmp_path / "missing.txt", text_fixtures()[0]]))
    frame = dagsorden.items_frame(results)
    assert len(frame) == len(results[1].walk())
