import dagsorden
import pytest
from conftest import text_fixtures


def test_results_in_order_and_failures_do_not_stop_the_rest(tmp_path):
    paths = text_fixtures()[:5]
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01binary")
    ordered = [paths[0], tmp_path / "missing.txt", paths[1], bad, *paths[2:]]
    results = list(dagsorden.parse_files(ordered, workers=2))
    assert len(results) == len(ordered)
    assert isinstance(results[1], dagsorden.ParseFailure) and results[1].error_type == "FileError"
    assert isinstance(results[3], dagsorden.ParseFailure) and results[3].error_type == "ParseError"
    assert not results[1]
    for path, result in zip(ordered, results):
        if isinstance(result, dagsorden.Agenda):
            assert result == dagsorden.parse_file(path)


def test_raise_errors_flag(tmp_path):
    with pytest.raises(dagsorden.FileError):
        list(dagsorden.parse_files([tmp_path / "missing.txt"], raise_errors=True))
    failure = next(dagsorden.parse_files([tmp_path / "missing.txt"]))
    assert isinstance(failure, dagsorden.ParseFailure)
    assert isinstance(failure.exception(), dagsorden.FileError)


def test_one_and_two_workers_agree_and_input_is_consumed_lazily():
    paths = text_fixtures() * 3
    one = [a.to_json() for a in dagsorden.parse_files(iter(paths), workers=1)]
    two = [a.to_json() for a in dagsorden.parse_files(iter(paths), workers=2)]
    assert one == two and len(one) == len(paths)
    consumed = []

    def gen():
        for p in paths:
            consumed.append(p)
            yield p

    it = dagsorden.parse_files(gen(), workers=1)
    next(it)
    assert len(consumed) < len(paths), "the whole input was read before the first result"


def test_workers_must_be_positive():
    with pytest.raises(ValueError):
        list(dagsorden.parse_files([], workers=0))
