"""The contract every bundled table keeps, and the figures' link back to their letters."""

from __future__ import annotations

import hashlib
import json

import pandas as pd
import pandera.pandas as pa
import pytest

import futian_indicators as fi
from futian_indicators import _resources
from futian_indicators.build import schema
from futian_indicators.build.store import csv_bytes
from futian_indicators.language.normalise import normalise

from .conftest import ROOT

LOADERS = {name: getattr(fi, f"load_{name}") for name in schema.SCHEMAS}
MAY_BE_EMPTY = {"errata"}  # no correction has been needed yet


def test_every_bundled_table_has_a_loader() -> None:
    assert set(_resources.table_names()) == set(LOADERS)


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_table_contract(name: str) -> None:
    frame = LOADERS[name]()
    entry = _resources.manifest()["tables"][name]
    schema.SCHEMAS[name].validate(frame, lazy=True)  # columns, order, dtypes, allowed values
    assert list(frame.columns) == list(schema.SCHEMAS[name].columns) == entry["columns"]
    assert len(frame) == entry["rows"]
    assert len(frame) > 0 or name in MAY_BE_EMPTY
    key = list(schema.SCHEMAS[name].unique)
    assert not frame.duplicated(key).any()
    assert frame.equals(frame.sort_values(key, ignore_index=True))
    assert hashlib.sha256(csv_bytes(frame)).hexdigest() == entry["content_sha256"]


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_csv_copy_equals_the_bundled_table(name: str) -> None:
    frame = LOADERS[name]()
    assert (ROOT / "data" / "processed" / f"{name}.csv").read_bytes() == csv_bytes(frame)


def test_foreign_keys_hold() -> None:
    tables = {name: loader() for name, loader in LOADERS.items()}
    assert schema.foreign_key_problems(tables) == []  # each table's own schema: the contract


def test_sources_record_the_letters_hashes() -> None:
    for source in fi.load_sources().itertuples():
        data = (ROOT / source.raw_path).read_bytes()
        assert hashlib.sha256(data).hexdigest() == source.sha256
        assert len(data.decode("utf-8")) == source.n_chars


def test_every_quote_round_trips_to_its_letter() -> None:
    sources = fi.load_sources().set_index("source_id")
    for figure in fi.load_figures(status=["actual", "target", "plan", "policy"]).itertuples():
        raw = (ROOT / sources.loc[figure.source_id, "raw_path"]).read_text(encoding="utf-8")
        passage = raw[figure.char_start : figure.char_end]
        assert normalise(passage).text == figure.quote, figure.figure_id
        assert passage[0] == figure.quote[0] and passage[-1] == figure.quote[-1]


def test_every_value_is_inside_its_intervals() -> None:
    f = fi.load_figures()
    stated_inside = (f["lower"] <= f["value"]) & (f["value"] <= f["upper"])
    # a number the words exclude (超1100: the value 1100 is the open lower end) is the exception
    open_end = f["qualifier"].isin(["over", "nearly", "under"])
    assert (stated_inside | open_end).all()
    assert ((f["lower_lenient"] <= f["value"]) & (f["value"] <= f["upper_lenient"])).all()


def test_figures_snapshot(dataframe_regression) -> None:  # type: ignore[no-untyped-def]
    columns = [
        "figure_id",
        "indicator_id",
        "geo",
        "period",
        "status",
        "period_basis",
        "geo_basis",
        "status_basis",
        "value",
        "unit",
        "unit_as_reported",
        "qualifier",
        "lower",
        "upper",
        "lower_closed",
        "upper_closed",
        "lower_lenient",
        "upper_lenient",
        "char_start",
        "char_end",
        "quote",
        "doubtful",
    ]
    frame = fi.load_figures()[columns]
    frame = frame.astype({c: object for c in columns if frame[c].dtype == "string"})
    dataframe_regression.check(frame, default_tolerance={"atol": 0, "rtol": 0})


def test_datapackage_describes_the_csv_files() -> None:
    package = json.loads((ROOT / "data" / "processed" / "datapackage.json").read_text())
    assert package["version"] == fi.DATA_VERSION
    for resource in package["resources"]:
        data = (ROOT / "data" / "processed" / resource["path"]).read_bytes()
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        fields = [f["name"] for f in resource["schema"]["fields"]]
        assert fields == list(pd.read_csv(ROOT / "data" / "processed" / resource["path"]).columns)


def test_schema_rejects_an_inverted_interval() -> None:
    frame = fi.load_figures()
    frame.loc[0, "lower"] = frame.loc[0, "upper"] + 1
    with pytest.raises(pa.errors.SchemaErrors, match="lower > upper"):
        schema.FIGURES.validate(frame, lazy=True)


def test_every_number_in_the_letters_is_accounted_for() -> None:
    mentions = fi.load_mentions()
    assert mentions["figure_id"].notna().sum() + mentions["reason"].notna().sum() == len(mentions)
    measures = mentions[mentions["kind"].isin(["quantity", "rank"])]
    assert measures["figure_id"].notna().sum() > 100


def test_mentions_point_at_their_text_in_the_raw_letter() -> None:
    sources = fi.load_sources().set_index("source_id")
    letters = {
        sid: (ROOT / path).read_text(encoding="utf-8") for sid, path in sources["raw_path"].items()
    }
    for m in fi.load_mentions().itertuples():
        assert normalise(letters[m.source_id][m.char_start : m.char_end]).text == m.text


def test_evidence_points_at_its_text_in_the_raw_letter() -> None:
    sources = fi.load_sources().set_index("source_id")
    figures = fi.load_figures().set_index("figure_id")
    evidence = fi.load_evidence()
    assert len(evidence) > 0
    for e in evidence.itertuples():
        path = sources.loc[figures.loc[e.figure_id, "source_id"], "raw_path"]
        raw = (ROOT / path).read_text(encoding="utf-8")
        assert normalise(raw[e.char_start : e.char_end]).text == e.text
        assert figures.loc[e.figure_id, f"{e.label}_basis"] == "context"


def test_every_context_label_has_evidence_and_no_other_has() -> None:
    figures = fi.load_figures(status=["actual", "target", "plan", "policy"])  # curated ones
    evidence = fi.load_evidence()
    for label in ("period", "geo", "status"):
        context = set(figures.loc[figures[f"{label}_basis"] == "context", "figure_id"])
        assert context == set(evidence.loc[evidence["label"] == label, "figure_id"])


def test_the_page_numbers_are_mentions() -> None:
    pages = fi.load_mentions(kind="page_number")
    assert ("cppcc-20210091", "4") in set(zip(pages["source_id"], pages["text"], strict=True))


def test_every_figure_quantity_is_a_mention() -> None:
    """The extractor finds the number of every curated figure (its recall on figures is 1)."""
    accounted = set(
        fi.load_mentions()["figure_id"].dropna().str.split(schema.LIST_SEPARATOR).explode()
    )
    curated = fi.load_figures(status=["actual", "target", "plan", "policy"])
    assert accounted == set(curated["figure_id"])


def test_mentions_snapshot(dataframe_regression) -> None:  # type: ignore[no-untyped-def]
    columns = ["source_id", "char_start", "char_end", "text", "kind", "figure_id", "reason"]
    frame = fi.load_mentions()[columns]
    frame = frame.astype({c: object for c in columns if frame[c].dtype == "string"}).fillna("")
    dataframe_regression.check(frame, default_tolerance={"atol": 0, "rtol": 0})
