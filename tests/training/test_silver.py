"""Interpellation TEI reader, silver entities and the municipal templates."""

import random

import pytest
from tei_fixtures import TEI, write_archive

from training.interpellations import SilverAnnotator, iter_interpellations, list_ids, parse_tei
from training.mapping import RuleTagger
from training.templates import TemplateFiller, frames, generate, random_money, random_non_money


def test_parse_tei_header_title_and_paragraphs():
    ip = parse_tei(TEI.encode("utf-8"), "202021")
    assert ip.doc_id == "ipq-202021--0999" and ip.year == 2020
    assert ip.title.startswith("Interpellation 2020/21:999 Polisens resurser av Lisa Testsson (S)")
    assert len(ip.paragraphs) == 2 and ip.paragraphs[1] == "Min fråga till ministern: 1. Vad gör Olle Provberg?"
    assert ip.asker_id == "i-asker" and ip.receiver_id == "i-minister" and ip.date == "2021-03-02"
    assert ip.person("i-minister").name == "Olle Provberg"  # "(m)" stripped from the name
    assert ip.person("i-asker").party == "S"


def test_parse_tei_rejects_non_tei():
    with pytest.raises(ValueError):
        parse_tei(b"<html/>")
    with pytest.raises(ValueError):
        parse_tei(b"<TEI")


def test_archive_is_read_without_unpacking(tmp_path):
    path = write_archive(tmp_path / "a.tar.gz")
    assert list_ids(path) == ["ipq-202021--0999"]
    (ip,) = list(iter_interpellations(path))
    assert ip.session == "202021"


@pytest.fixture(scope="module")
def kb():
    from svpol.kb import load_kb

    return load_kb()


@pytest.fixture(scope="module")
def silver(blank_nlp, kb):
    return SilverAnnotator(blank_nlp, RuleTagger(kb, blank_nlp), kb)


def test_silver_entities_and_missing(silver):
    ip = parse_tei(TEI.encode("utf-8"))
    names = [p.name for p in ip.persons]
    title = silver.annotate(ip.title, names)
    assert [(e.text, e.label_) for e in title.ents] == [
        ("Polisens", "AUTHORITY"), ("Lisa Testsson", "PERSON"), ("S", "PARTY"), ("Olle Provberg", "PERSON"), ("M", "PARTY")]
    doc = silver.annotate(ip.paragraphs[0], names)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Regeringen", "AUTHORITY"), ("2,5 miljarder kronor", "MONEY"), ("polisen", "AUTHORITY")]
    # An unknown name is neither entity nor O: it does not train the model to skip names.
    by_text = {t.text: t.ent_iob_ for t in doc}
    assert by_text["Zyxbolaget"] == "" and by_text["Nordvind"] == ""
    assert by_text["etiopier"] == "O" and by_text["20"] == "O"


def test_money_and_non_money_generators():
    rng = random.Random(0)
    from svpol.components.money import find_money

    for _ in range(200):
        money = random_money(rng)
        assert [(s, e) for s, e, _ in find_money(money)] == [(0, len(money))], money
        assert list(find_money(random_non_money(rng))) == []


def test_templates_are_annotated_deterministic_and_split_by_frame(kb, blank_nlp):
    a = generate(kb, 40, 10, seed=3)
    b = generate(kb, 40, 10, seed=3)
    assert [d.text for d in a["train"]] == [d.text for d in b["train"]]
    assert len({d.text for d in a["train"]}) == 40
    dev_frames = {f.text for f in frames("dev")}
    train_frames = {f.text for f in frames("train")}
    assert not dev_frames & train_frames
    for doc in a["dev"]:
        assert set(doc.frames) <= dev_frames
    for filled in a["train"] + a["dev"]:
        spacy_doc = blank_nlp.make_doc(filled.text)
        for start, end, label in filled.spans:
            assert spacy_doc.char_span(start, end) is not None, filled.text[start:end]
            assert filled.text[start:end].strip() == filled.text[start:end]
        labels = {label for _, _, label in filled.spans}
        assert labels <= {"PERSON", "PARTY", "AUTHORITY", "ORG", "LOC", "MONEY"}


def test_template_filler_needs_persons():
    from svpol.kb import KnowledgeBase

    with pytest.raises(ValueError, match="persons"):
        TemplateFiller(KnowledgeBase(), seed=0)


def test_silver_counties_and_company_forms(blank_nlp, kb):
    silver = SilverAnnotator(blank_nlp, RuleTagger(kb, blank_nlp), kb, extra_places=["Kalmar län"])
    doc = silver.annotate("Priserna stiger i norra Kalmar län, där Saab AB:s fabrik ligger.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Kalmar län", "LOC"), ("Saab AB:s", "ORG")]
