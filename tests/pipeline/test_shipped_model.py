"""The shipped pipeline models/sv_svpol_cnn: sentences written for this test, and dev-score floors."""

from pathlib import Path

import numpy
import pytest
import spacy

import svpol.components  # noqa: F401
from svpol.labels import ENTITY_LABELS, TOPIC_LABELS

MODEL = Path(__file__).resolve().parents[2] / "models" / "sv_svpol_cnn"
# Floors a little below the dev scores the shipped model reached (models/README.md):
# a retrained model that falls under them is a regression.
FLOORS = {
    ("dev-indomain", "ents_core_micro_f"): 0.95,
    ("dev-indomain", "ents_f_per_label", "MONEY"): 0.93,
    ("dev-indomain", "ents_f_per_label", "PERSON"): 0.90,
    ("dev-klintan", "ents_f_per_label", "PERSON"): 0.84,
    ("dev-suc", "ents_micro_f"): 0.75,
    ("dev-uner", "ents_core_micro_f"): 0.72,
}
# The topic model's 5-fold cross-validated micro F1 on the hand-annotated, written and template
# paragraphs it was fitted on (training.fit_topics.fit_topic_model; 0.806 measured for v5.4): a
# regression floor, not a quality figure (gold-test is in tests/training/test_gold_scores.py).
TOPIC_CROSSFIT_FLOOR = 0.78

pytestmark = pytest.mark.skipif(not (MODEL / "config.cfg").exists(), reason="models/sv_svpol_cnn not shipped")


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(MODEL)


def _ents(doc):
    return {(e.text, e.label_) for e in doc.ents}


def test_embedding_rows_are_remembered_and_exact(nlp):
    # configs/cpu.cfg's after_pipeline_creation callback (svpol/embed_cache.py): the rows it serves are the layer's
    embed = nlp.get_pipe("tok2vec").model.get_ref("embed")
    assert getattr(embed._func, "svpol_cached", False)
    plain = spacy.load(MODEL, config={"nlp": {"after_pipeline_creation": None}})
    plain_embed = plain.get_pipe("tok2vec").model.get_ref("embed")
    assert not getattr(plain_embed._func, "svpol_cached", False)
    texts = ("Eva Ek (S) yrkar bifall.", "Kommunstyrelsen beviljar 2,5 mnkr.", "Eva Ek (S)")
    want = plain_embed.predict([plain.make_doc(t) for t in texts])
    for _ in range(2):  # computed, then remembered
        for got, row in zip(embed.predict([nlp.make_doc(t) for t in texts]), want):
            assert numpy.array_equal(got, row)


def test_meta(nlp):
    assert nlp.meta["name"] == "svpol_cnn" and nlp.meta["lang"] == "sv"
    assert nlp.meta["license"] == "CC BY-SA 4.0"
    assert set(nlp.get_pipe("ner").labels) == set(ENTITY_LABELS)
    assert set(nlp.get_pipe("textcat_multilabel").labels) == set(TOPIC_LABELS)
    assert set(nlp.meta["svpol"]["topic_thresholds"]) == set(TOPIC_LABELS)


def test_size():
    size = sum(p.stat().st_size for p in MODEL.rglob("*") if p.is_file())
    assert size < 60 * 1024 * 1024


def test_politician_with_party(nlp):
    doc = nlp("Interpellation av Karin Lindqvist (S) till justitieminister Gunnar Strömmer (M) om gängvåldet.")
    assert {("Karin Lindqvist", "PERSON"), ("S", "PARTY"), ("Gunnar Strömmer", "PERSON"), ("M", "PARTY")} <= _ents(doc)


def test_law_abbreviations_are_not_entities(nlp):
    doc = nlp("Insatser enligt LSS och SoL beviljas av socialnämnden efter individuell prövning.")
    assert _ents(doc) == {("socialnämnden", "AUTHORITY")}


def test_surname_alone_after_the_full_name(nlp):
    doc = nlp("Interpellation av Eva Lindh (S) till finansminister Magdalena Andersson (S). "
              "Lindh menar att regeringen måste agera. Jag delar Lindhs oro, svarar Andersson.")
    persons = [(e.text, e._.party) for e in doc.ents if e.label_ == "PERSON"]
    assert persons == [("Eva Lindh", "S"), ("Magdalena Andersson", "S"), ("Lindh", "S"), ("Lindhs", "S"),
                       ("Andersson", "S")]


def test_sapo_fhs(nlp):
    doc = nlp("Enligt Säkerhetspolisen (SÄPO) och Försvarshögskolan (FHS)ökar radikaliseringen bland unga.")
    assert {("SÄPO", "AUTHORITY"), ("FHS", "AUTHORITY"), ("Säkerhetspolisen", "AUTHORITY")} <= _ents(doc)


def test_money(nlp):
    doc = nlp("Utbildningsnämnden föreslår att 0,6 mnkr omfördelas till förskolan.")
    assert ("0,6 mnkr", "MONEY") in _ents(doc)
    assert ("Utbildningsnämnden", "AUTHORITY") in _ents(doc)


def test_protocol_headings_are_not_entities(nlp):
    doc = nlp(
        "Protokollsanteckning\nLedamoten Eva Holm (V) lämnar en protokollsanteckning om lokalfrågan.\n\n"
        "Beslutsgång\nOrdföranden ställer proposition på förslagen och finner att nämnden bifaller förslaget.\n\n"
        "Överläggning\nUnder överläggningen yttrar sig Anders Lind (M) och Sofia Ek (MP).\n\n"
        "Expedieras till\nKommunstyrelsen"
    )
    assert _ents(doc) == {
        ("Eva Holm", "PERSON"), ("V", "PARTY"), ("Anders Lind", "PERSON"), ("M", "PARTY"),
        ("Sofia Ek", "PERSON"), ("MP", "PARTY"), ("Kommunstyrelsen", "AUTHORITY"),
    }


def test_topics_and_paragraphs(nlp):
    thresholds = nlp.meta["svpol"]["topic_thresholds"]
    school = (
        "Skolan behöver fler behöriga lärare. Eleverna i grundskolan ska få mer undervisning "
        "och förskolan ska byggas ut i hela kommunen."
    )
    crime = (
        "Brottsligheten och gängvåldet ökar. Polisen behöver fler poliser i områden där "
        "skjutningar och narkotikabrott skapar otrygghet."
    )
    doc = nlp(school + "\n\n" + crime)
    assert doc.cats["education"] >= thresholds["education"]
    assert doc.cats["safety"] >= thresholds["safety"]
    first, second = doc._.paragraphs
    assert (first["start"], first["end"]) == (0, len(school))
    assert first["topics"]["education"] > second["topics"]["education"]
    assert second["topics"]["safety"] > first["topics"]["safety"]


@pytest.mark.parametrize("key", list(FLOORS), ids=["/".join(k) for k in FLOORS])
def test_dev_scores_above_floor(nlp, key):
    value = nlp.meta["svpol"]["dev_scores"]
    for part in key:
        value = value[part]
    assert value >= FLOORS[key]


def test_topic_model_crossfit_above_floor(nlp):
    calibration = nlp.meta["svpol"]["topic_calibration"]
    assert "gold-train.spacy" in calibration["tuned_on"]
    assert calibration["crossfit_micro"]["f"] >= TOPIC_CROSSFIT_FLOOR
