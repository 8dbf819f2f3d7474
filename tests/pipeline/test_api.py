"""The library API (svpol.annotate) and the export schema; svpol.load is tested in test_loading.py."""

import pytest
from spacy.tokens import Span

import svpol
from svpol.annotate import AnnotateStats, annotate_records
from svpol.intake import Record
from svpol.labels import ENTITY_ATTRIBUTES

RAW = (
    "Ordföranden Karin Lindqvist (S) föreslår att\n"
    "0,6 mnkr avsätts. Enligt Försvars-\n\nhögskolan (FHS)och SÄPO:s\n"
    "bedömning krävs mer.\n\n"
    "Ny paragraf om 1 200 kr."
)


@pytest.fixture
def ruler_nlp():
    """A small rule pipeline over the svpol tokenizer: entities without a trained model."""
    from svpol.tokenizer import blank

    nlp = blank()
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Karin Lindqvist"},
            {"label": "PARTY", "pattern": [{"ORTH": "S"}]},
            {"label": "AUTHORITY", "pattern": "Försvarshögskolan"},
            {"label": "AUTHORITY", "pattern": "FHS"},
            {"label": "AUTHORITY", "pattern": "SÄPO:s"},
            {"label": "MONEY", "pattern": [{"LIKE_NUM": True}, {"LOWER": {"IN": ["mnkr", "kr"]}}]},
        ]
    )
    return nlp


def test_annotate_entities_map_to_exact_raw_text(ruler_nlp):
    [out] = svpol.annotate([{"id": "d1", "text": RAW, "year": 2026}], nlp=ruler_nlp)
    assert out["id"] == "d1" and out["year"] == 2026
    got = [(e["label"], e["text"]) for e in out["entities"]]
    assert got == [
        ("PERSON", "Karin Lindqvist"),
        ("PARTY", "S"),
        ("MONEY", "0,6 mnkr"),
        ("AUTHORITY", "Försvars-\n\nhögskolan"),
        ("AUTHORITY", "FHS"),
        ("AUTHORITY", "SÄPO:s"),
        ("MONEY", "1 200 kr"),
    ]
    for ent in out["entities"]:
        assert RAW[ent["start"] : ent["end"]] == ent["text"]
        assert ent["score"] is None
        # the label's attributes are always present, None until a component sets them
        assert all(ent[name] is None for name in ENTITY_ATTRIBUTES[ent["label"]])
    assert out["topics"] == {}
    paras = out["paragraphs"]
    # the hyphen join across the blank line makes the first two raw blocks one paragraph
    assert len(paras) == 2 and all(p["topics"] == {} for p in paras)
    assert RAW[paras[0]["start"] : paras[0]["end"]] == RAW[: RAW.index("mer.") + 4]
    assert RAW[paras[1]["start"] : paras[1]["end"]] == "Ny paragraf om 1 200 kr."


def test_annotate_accepts_strings_dicts_and_records(blank_nlp):
    rec = Record(id="r", source="in.txt", raw="Tre.", extras={"k": 1})
    outs = list(svpol.annotate(["Ett.", {"text": "Två."}, rec], nlp=blank_nlp))
    assert [o["id"] for o in outs] == ["0", "1", "r"]
    assert outs[2]["source"] == "in.txt" and outs[2]["k"] == 1
    [single] = svpol.annotate("En enda text.", nlp=blank_nlp)
    assert single["id"] == "0"
    with pytest.raises(ValueError, match="no 'text'"):
        list(svpol.annotate([{"id": "x"}], nlp=blank_nlp))


def test_extensions_scores_cats_and_paragraph_topics_are_exported(ruler_nlp):
    from spacy.language import Language
    from spacy.tokens import Doc

    # Plain writable extensions for this test only; components' own registrations are restored after.
    saved = []
    for cls, name in ((Span, "score"), (Span, "party"), (Doc, "paragraphs")):
        saved.append((cls, name, cls.remove_extension(name) if cls.has_extension(name) else None))
        cls.set_extension(name, default=None)

    @Language.component("test_fake_scores")
    def fake_scores(doc):
        for ent in doc.ents:
            ent._.score = 0.5
            if ent.label_ == "PERSON":
                ent._.party = "S"
        doc.cats = {"budget": 0.75, "extremism": 0.25}
        doc._.paragraphs = [{"start": 0, "end": len(doc.text), "topics": {"budget": 0.75}}]
        return doc

    ruler_nlp.add_pipe("test_fake_scores")
    try:
        [out] = svpol.annotate([RAW], nlp=ruler_nlp)
    finally:
        for cls, name, previous in saved:
            cls.remove_extension(name)
            if previous is not None:
                default, method, getter, setter = previous
                if method is None and getter is None:
                    cls.set_extension(name, default=default)
                else:
                    cls.set_extension(name, method=method, getter=getter, setter=setter)
    person = out["entities"][0]
    assert person["score"] == 0.5 and person["party"] == "S" and person["role"] is None
    assert out["topics"] == {"budget": 0.75, "extremism": 0.25}
    assert out["paragraphs"] == [{"start": 0, "end": len(RAW), "topics": {"budget": 0.75}}]


def test_long_documents_are_chunked_with_correct_offsets(ruler_nlp):
    paragraph = "Karin Lindqvist (S) föreslår 0,6 mnkr till Försvars-\nhögskolan."
    raw = "\n\n".join([paragraph] * 6)
    stats = AnnotateStats()
    chunked = list(annotate_records([Record("x", "", raw)], ruler_nlp, max_chars=150, stats=stats))
    whole_stats = AnnotateStats()
    whole = list(annotate_records([Record("x", "", raw)], ruler_nlp, stats=whole_stats))
    assert chunked[0]["entities"] == whole[0]["entities"]
    assert len(chunked[0]["entities"]) == 24
    assert all(raw[e["start"] : e["end"]] == e["text"] for e in chunked[0]["entities"])
    assert chunked[0]["paragraphs"] == whole[0]["paragraphs"]
    # 8 words a paragraph (Karin, Lindqvist, S, föreslår, 0,6, mnkr, till, Försvarshögskolan), however it is cut
    assert stats == whole_stats == AnnotateStats(documents=1, words=6 * 8, chars=len(raw))


def test_annotate_records_validates_options(blank_nlp):
    with pytest.raises(ValueError):
        list(annotate_records([], blank_nlp, batch_size=0))
    with pytest.raises(ValueError):
        list(annotate_records([], blank_nlp, n_process=0))


def test_multiprocessing_keeps_order_and_chunk_stitching(ruler_nlp):
    recs = [Record(str(i), "", f"Punkt {i}: Karin Lindqvist (S) får 1 200 kr per år.\n\nMer text.") for i in range(12)]
    single = list(annotate_records(recs, ruler_nlp, batch_size=4, max_chars=60))
    multi = list(annotate_records(recs, ruler_nlp, batch_size=4, n_process=2, max_chars=60))
    assert [o["id"] for o in multi] == [str(i) for i in range(12)]
    assert multi == single
    assert [e["text"] for e in multi[5]["entities"]] == ["Karin Lindqvist", "S", "1 200 kr"]


def test_annotate_with_processes_uses_the_worker_pool(ruler_nlp, monkeypatch):
    texts = [{"id": f"m{i}", "text": f"Punkt {i}: Karin Lindqvist (S) får 1 200 kr.", "year": i} for i in range(9)]
    single = list(svpol.annotate(texts, nlp=ruler_nlp, batch_size=2))
    # The pool, not nlp.pipe(n_process=...), which would send Docs back: make that fail.
    monkeypatch.setattr(type(ruler_nlp), "_multiprocessing_pipe", None)
    multi = list(svpol.annotate(texts, nlp=ruler_nlp, batch_size=2, n_process=2))
    assert multi == single and [o["id"] for o in multi] == [f"m{i}" for i in range(9)]
    assert multi[4]["year"] == 4 and [e["text"] for e in multi[4]["entities"]] == ["Karin Lindqvist", "S", "1 200 kr"]
    for bad in ({"n_process": 0}, {"n_process": -2}, {"batch_size": 0}):
        with pytest.raises(ValueError):
            svpol.annotate(texts, nlp=ruler_nlp, **bad)

