import dagsorden
import pytest
from conftest import FIXTURES


def test_hierarchy():
    for cls in (dagsorden.ParseError, dagsorden.PdfError, dagsorden.FileError):
        assert issubclass(cls, dagsorden.Error)
    assert issubclass(dagsorden.Error, Exception)


def test_binary_input_is_a_parse_error():
    with pytest.raises(dagsorden.ParseError, match="binary") as e:
        dagsorden.parse_bytes(b"\x00\x01\x02 not text")
    assert e.value.path is None and e.value.line is None


def test_encrypted_pdf_is_a_pdf_error_naming_the_file():
    path = FIXTURES / "pdf" / "hostile" / "encrypted-user-password.pdf"
    with pytest.raises(dagsorden.PdfError, match="encrypted") as e:
        dagsorden.parse_file(path)
    assert e.value.path == str(path)


def test_scanned_pdf_is_no_empty_success():
    with pytest.raises(dagsorden.PdfError, match="no text"):
        dagsorden.parse_file(FIXTURES / "pdf" / "hostile" / "no-text-scanned.pdf")


def test_missing_file_is_a_file_error(tmp_path):
    with pytest.raises(dagsorden.FileError, match="No such file"):
        dagsorden.parse_file(tmp_path / "missing.txt")


def test_every_hostile_file_raises_a_dagsorden_error_or_parses():
    for path in sorted((FIXTURES / "pdf" / "hostile").glob("*.pdf")):
        if "bomb" in path.name:
            continue  # decompresses 256 MiB before the limit stops it; covered in Rust
        try:
            dagsorden.parse_file(path)
        except dagsorden.Error:
            pass
