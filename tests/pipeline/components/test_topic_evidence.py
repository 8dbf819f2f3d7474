"""`svpol_topic_evidence`: rescoring topics with keyword evidence, fitting, serialization."""

import pytest
import spacy

import svpol  # noqa: F401  (registers the factories)
from svpol.components.topic_evidence import FEATURES, TopicEvidence, topic_features
from svpol.labels import TOPIC_LABELS

BUDGET = "Budgeten för nästa år innebär höjda skatter och ett underskott på två miljoner kronor."
SCHOOL = "Eleverna i skolan behöver fler lärare och en bättre skolgård."


def _flat(score=0.3):
    return {label: score for label in TOPIC_LABELS}


def test_unfitted_component_passes_scores_through():
    nlp = spacy.blank("sv")
    evidence = nlp.add_pipe("svpol_topic_evidence")
    doc = nlp.make_doc(BUDGET)
    doc.cats = {**_flat(), "budget": 0.8}
    evidence(doc)
    assert doc.cats["budget"] == pytest.approx(0.8)
    assert doc.cats["health"] == pytest.approx(0.3)


def test_features_count_compound_keyword_hits():
    features = topic_features(_flat(0.5), BUDGET, ["budget", "health"])
    assert features.shape == (2, len(FEATURES))
    log_hits = FEATURES.index("log_hits")
    assert features[0, log_hits] > 1.0  # budget, skatt, underskott, miljoner kronor
    assert features[1, log_hits] == 0.0
    assert features[0, FEATURES.index("logit")] == pytest.approx(0.0)


def test_fit_learns_keyword_evidence_when_the_classifier_is_uninformative():
    texts = [BUDGET, SCHOOL] * 20
    gold = [{**_flat(0.0), "budget": 1.0}, {**_flat(0.0), "education": 1.0}] * 20
    component = TopicEvidence("topic_evidence", labels=["budget", "education"])
    component.fit([_flat(0.5)] * len(texts), texts, gold)
    on_budget = component.rescore(_flat(0.5), BUDGET)
    on_school = component.rescore(_flat(0.5), SCHOOL)
    assert on_budget["budget"] > 0.8 and on_school["budget"] < 0.2
    assert on_school["education"] > 0.8 and on_budget["education"] < 0.2
    assert on_budget["health"] == 0.5  # not one of the component's labels: unchanged


def test_paragraph_topics_are_rescored_from_their_own_text():
    nlp = spacy.blank("sv")
    component = nlp.add_pipe("svpol_topic_evidence")
    component.fit([_flat(0.5)] * 40, [BUDGET, SCHOOL] * 20,
                  [{**_flat(0.0), "budget": 1.0}, {**_flat(0.0), "education": 1.0}] * 20)
    doc = nlp.make_doc(BUDGET + "\n\n" + SCHOOL)
    doc.cats = _flat(0.5)
    second = len(BUDGET) + 2
    doc._.paragraphs = [{"start": 0, "end": len(BUDGET), "topics": _flat(0.5)},
                        {"start": second, "end": len(doc.text), "topics": _flat(0.5)}]
    component(doc)
    first, last = doc._.paragraphs
    assert first["topics"]["budget"] > 0.8 > last["topics"]["budget"]
    assert last["topics"]["education"] > 0.8 > first["topics"]["education"]


def test_weights_survive_to_disk_and_from_disk(tmp_path):
    nlp = spacy.blank("sv")
    component = nlp.add_pipe("svpol_topic_evidence")
    component.fit([_flat(0.5)] * 40, [BUDGET, SCHOOL] * 20,
                  [{**_flat(0.0), "budget": 1.0}, {**_flat(0.0), "education": 1.0}] * 20)
    expected = component.rescore(_flat(0.5), BUDGET)
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model").get_pipe("svpol_topic_evidence")
    assert loaded.rescore(_flat(0.5), BUDGET) == pytest.approx(expected)
    restored = TopicEvidence("x", labels=TOPIC_LABELS).from_bytes(component.to_bytes())
    assert restored.rescore(_flat(0.5), BUDGET) == pytest.approx(expected)


def test_bad_arguments_raise_value_errors():
    with pytest.raises(ValueError, match="subset"):
        TopicEvidence("x", labels=["budget", "sport"])
    with pytest.raises(ValueError, match="need 6 numbers"):
        TopicEvidence("x", labels=["budget"], weights={"budget": [1.0, 2.0]})
    with pytest.raises(ValueError, match="equal length"):
        TopicEvidence("x", labels=["budget"]).fit([_flat()], [BUDGET, SCHOOL], [{}])


def test_a_protocols_notice_block_and_a_boards_name_are_no_topic_keywords():
    from svpol.topic_keywords import keyword_hits

    notice = "ANSLAG/BEVIS Justeringen har tillkännagivits genom anslag. Datum för anslags uppsättande. Anslaget tas ned."
    assert "budget" not in keyword_hits(notice)
    assert keyword_hits("Anslaget till polisen höjs och anslagen till skolan sänks.")["budget"] == 2
    assert "environment" not in keyword_hits("Miljö- och byggnadsnämnden, miljö- och samhällsnämndens beslut")
    assert keyword_hits("Miljön och miljöarbetet, inte Miljöpartiet")["environment"] == 2
    assert "housing" not in keyword_hits("det brottsförebyggande arbetet")
    assert keyword_hits("byggandet av bostäder")["housing"] == 2
