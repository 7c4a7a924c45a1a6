import json
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"


def text_fixtures():
    return sorted((FIXTURES / "text").glob("*.txt"))


def pdf_fixtures():
    return sorted((FIXTURES / "pdf").glob("*.pdf"))


@pytest.fixture(scope="session")
def cli():
    """The Rust command-line tool, built from this checkout (wherever CARGO_TARGET_DIR
    puts it)."""
    subprocess.run(["cargo", "build", "-q", "-p", "dagsorden-cli"], cwd=ROOT, check=True)
    meta = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps"], cwd=ROOT, check=True, capture_output=True
    )
    return pathlib.Path(json.loads(meta.stdout)["target_directory"]) / "debug" / "dagsorden"


@pytest.fixture(scope="session")
def seed_path():
    return FIXTURES / "text" / "kkr-nordjylland-2021-01-15.txt"
