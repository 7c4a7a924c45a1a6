"""The README recipe for an archive too big for one machine: dask maps parse_file over
the files on a (here local) cluster of worker processes and writes Parquet via pandas."""

import pathlib

import dagsorden
import pytest
from conftest import text_fixtures

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")
pytest.importorskip("pyarrow")


def recipe(paths, out_dir: pathlib.Path) -> None:
    # --- README recipe starts
    import dask.bag as db
    import pandas as pd

    columns = {"path": str, "organisation": str, "date": "datetime64[ns]", "number": str,
               "title": str, "case_id": str, "open": bool, "recommendation_count": int}

    def items_of(path: str) -> list:
        try:
            agenda = dagsorden.parse_file(path)
        except dagsorden.Error:
            return []  # or collect the failures separately
        frame = dagsorden.items_frame([agenda])
        frame["date"] = pd.to_datetime(frame["date"])
        frame["path"] = path
        return frame[list(columns)].to_dict("records")

    bag = db.from_sequence([str(p) for p in paths], npartitions=4).map(items_of).flatten()
    bag.to_dataframe(meta=columns).to_parquet(out_dir, write_index=False)
    # --- README recipe ends


def test_dask_local_cluster_to_parquet(tmp_path):
    from distributed import Client, LocalCluster
    import pandas as pd

    paths = text_fixtures()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster):
            recipe(paths, tmp_path / "items")
    table = pd.read_parquet(tmp_path / "items")
    expected = sum(len(dagsorden.parse_file(p).walk()) for p in paths)
    assert len(table) == expected
    assert set(table.path) == {str(p) for p in paths if dagsorden.parse_file(p).walk()}
