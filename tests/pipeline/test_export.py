"""svpol.export: the output record of a document built from its chunks, exactly as the schema writes it."""

import json

import pytest
from spacy.tokens import Span

from svpol.export import DocumentBuilder, doc_to_dict
from svpol.intake import Record
from svpol.text import normalize

RAW = "Karin  Lindqvist (S) talar.\n\nSäpo får 3,5 mnkr.\n\nKarin  Lindqvist (S) svarar."


def _chunk(nlp, clean, start, end):
    """The Doc of clean[start:end] with entities, their attributes, cats and paragraph topics set by hand."""
    doc = nlp.make_doc(clean[start:end])
    ents = []
    for text, label in (("Karin Lindqvist", "PERSON"), ("S", "PARTY"), ("Säpo", "AUTHORITY"), ("3,5 mnkr", "MONEY")):
        at = doc.text.find(text if label != "PARTY" else "(S)")
        if at < 0:
            continue
        at += 1 if label == "PARTY" else 0
        span = doc.char_span(at, at + len(text), label=label)
        span._.score = 0.5 + len(ents) / 10
        if label == "PERSON":
            span._.party, span._.role = "S", None
        if label == "PARTY":
            span._.members = ("S",)  # a tuple on the span: a list in the record
        if label == "MONEY":
            span._.amount_sek = 3_500_000.0
        ents.append(span)
    doc.ents = ents
    doc.cats = {"budget": 0.25, "safety": 0.75}
    doc._.paragraphs = [{"start": 0, "end": len(doc.text), "topics": {"budget": 0.125, "safety": 0.875}}]
    return doc


def test_a_record_built_from_chunks_is_the_schema_byte_for_byte(blank_nlp):
    clean, offset_map = normalize(RAW)
    cuts = [(0, clean.index("\n\n")), (clean.index("Säpo"), clean.rindex("\n\n")), (clean.rindex("Karin"), len(clean))]
    record = Record("doc-1", "in/doc-1.txt", RAW, extras={"date": "2020-01-01"})
    builder = DocumentBuilder(offset_map, record)
    for start, end in cuts:
        builder.add(start, _chunk(blank_nlp, clean, start, end))
    out = builder.build()

    def person(start):
        return {"start": start, "end": start + 16, "label": "PERSON", "text": "Karin  Lindqvist", "score": 0.5,
                "party": "S", "role": None, "kb_id": None}

    def party(start):
        return {"start": start, "end": start + 1, "label": "PARTY", "text": "S", "score": 0.6,
                "party_id": None, "party_name": None, "members": ["S"]}

    second, third = RAW.index("Säpo"), RAW.rindex("Karin")
    expected = {
        "id": "doc-1",
        "source": "in/doc-1.txt",
        "entities": [
            person(0), party(18),
            {"start": second, "end": second + 4, "label": "AUTHORITY", "text": "Säpo", "score": 0.5,
             "canonical": None, "kind": None, "authority_id": None},
            {"start": second + 9, "end": second + 17, "label": "MONEY", "text": "3,5 mnkr", "score": 0.6,
             "amount_sek": 3500000.0, "currency": None, "unit": None},
            person(third), party(third + 18),
        ],
        "topics": {"budget": 0.25, "safety": 0.75},
        "paragraphs": [
            {"start": s, "end": e, "topics": {"budget": 0.125, "safety": 0.875}}
            for s, e in ((0, 27), (second, second + 18), (third, len(RAW)))
        ],
        "structure": None,
        "date": "2020-01-01",
    }
    # the JSON line, key order included, is what the schema says
    assert json.dumps(out, ensure_ascii=False) == json.dumps(expected, ensure_ascii=False)
    assert all(RAW[e["start"] : e["end"]] == e["text"] for e in out["entities"])
    # equal strings are one object, and the builder keeps nothing of the document
    assert out["entities"][0]["text"] is out["entities"][4]["text"]
    assert builder.offset_map is None
    with pytest.raises(ValueError, match="doc-1: a chunk added after the record was built"):
        builder.add(0, _chunk(blank_nlp, clean, *cuts[0]))


def test_one_doc_is_one_chunk(blank_nlp):
    clean, offset_map = normalize(RAW)
    record = Record("doc-2", "in/doc-2.txt", RAW)
    out = doc_to_dict(_chunk(blank_nlp, clean, 0, len(clean)), offset_map, record)
    assert [e["label"] for e in out["entities"]] == ["PERSON", "PARTY", "AUTHORITY", "MONEY"]
    assert out["paragraphs"] == [{"start": 0, "end": len(RAW), "topics": {"budget": 0.125, "safety": 0.875}}]
    assert Span.has_extension("score")
