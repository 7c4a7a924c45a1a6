import pathlib
import subprocess
import sys

import pytest

pytest.importorskip("mypy")
HERE = pathlib.Path(__file__).resolve().parent


def test_example_passes_mypy_strict():
    example = HERE.parent / "examples" / "analysis.py"
    out = subprocess.run([sys.executable, "-m", "mypy", "--strict", str(example)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_mypy_catches_a_misuse(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import dagsorden\nx: int = dagsorden.parse('x').title\n")
    out = subprocess.run([sys.executable, "-m", "mypy", "--strict", str(bad)], capture_output=True, text=True)
    assert out.returncode != 0 and "incompatible" in out.stdout.lower()
