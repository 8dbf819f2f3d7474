"""A record's date reaches ``doc._.date`` (read by svpol_politicians) through annotate_records."""

import logging

from spacy.language import Language

import svpol  # noqa: F401  (registers doc._.date)
from svpol.annotate import annotate_records
from svpol.intake import Record
from svpol.tokenizer import blank


@Language.component("test_date_to_cats")
def _date_to_cats(doc):
    # Expose what the pipeline saw as the doc's date through the exported topics.
    doc.cats = {"has_date": 1.0 if doc._.date else 0.0}
    if doc._.date:
        doc.cats[doc._.date] = 1.0
    return doc


def _run(extras, caplog=None):
    nlp = blank()
    nlp.add_pipe("test_date_to_cats")
    record = Record(id="r1", source="x.jsonl", raw="Anna Ek (S) talade.", extras=extras)
    return list(annotate_records([record], nlp))[0]


def test_record_date_is_set_on_the_doc():
    out = _run({"date": "2019-05-02"})
    assert out["topics"] == {"has_date": 1.0, "2019-05-02": 1.0}
    assert out["date"] == "2019-05-02"  # passed through unchanged as well


def test_year_only_date_is_normalized():
    assert "2019-07-01" in _run({"date": "2019"})["topics"]


def test_no_date_leaves_doc_date_empty():
    assert _run({})["topics"] == {"has_date": 0.0}


def test_malformed_date_is_reported_and_ignored(caplog):
    with caplog.at_level(logging.WARNING, logger="svpol.annotate"):
        out = _run({"date": "igår"})
    assert out["topics"] == {"has_date": 0.0}
    assert "r1: date ignored" in caplog.text
