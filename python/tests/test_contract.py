"""to_dict()/to_json() give exactly the JSON contract: the same as the Rust CLI."""

import json
import subprocess

import dagsorden
import pytest
from conftest import pdf_fixtures, text_fixtures

ALL = text_fixtures() + [p for p in pdf_fixtures() if not p.name.startswith("synthetic")]


def test_every_fixture_matches_the_cli(cli):
    out = subprocess.run([str(cli), "parse", "--format", "jsonl", *map(str, ALL)], check=True, capture_output=True)
    lines = out.stdout.decode("utf-8").splitlines()
    assert len(lines) == len(ALL)
    for path, line in zip(ALL, lines):
        assert dagsorden.parse_file(path).to_dict() == json.loads(line), path.name


@pytest.mark.parametrize("path", text_fixtures(), ids=lambda p: p.name)
def test_golden_json(path):
    golden = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert dagsorden.parse_file(path).to_dict() == golden


def test_to_json_and_back(seed_path):
    agenda = dagsorden.parse_file(seed_path)
    assert json.loads(agenda.to_json()) == agenda.to_dict()
    assert agenda.to_json(indent=2).startswith('{\n  "schema_version": 1')
    assert dagsorden.Agenda.from_json(agenda.to_json()) == agenda
    assert dagsorden.Agenda.from_dict(agenda.to_dict()) == agenda
    item = agenda.item("2.1")
    assert item is not None
    assert dagsorden.Item.from_dict(item.to_dict()) == item


def test_from_dict_rejects_what_is_not_the_model():
    with pytest.raises(ValueError):
        dagsorden.Agenda.from_dict({"kind": "dagsorden"})
