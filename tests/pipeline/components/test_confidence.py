"""svpol_confidence: beam marginals for ner entities, rule scores, calibration, reliability."""

import random

import pytest
import spacy
from spacy.training import Example

from svpol.calibration import Calibrator, reliability_table
from svpol.ner_scores import action_probabilities
from svpol.components.confidence import (
    DEFAULT_RULE_SCORES,
    ConfidenceScorer,
    evaluate_confidence,
    fit_confidence,
    held_out_reliability,
)

TRAIN = [
    ("Anna Ek bor i Solna.", [(0, 7, "PERSON"), (14, 19, "LOC")]),
    ("Per Olsson reste till Malmö.", [(0, 10, "PERSON"), (22, 27, "LOC")]),
    ("Eva Lind flyttade till Lund.", [(0, 8, "PERSON"), (23, 27, "LOC")]),
    ("Kalle Berg kommer från Umeå.", [(0, 10, "PERSON"), (23, 27, "LOC")]),
]


@pytest.fixture(scope="module")
def trained():
    """A tiny ner trained on four sentences, the rules after it (overwriting), confidence last."""
    random.seed(0)
    nlp = spacy.blank("sv")
    nlp.add_pipe("ner")
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(25):
        nlp.update(examples, sgd=optimizer)
    nlp.add_pipe("svpol_entity_rules", config={"overwrite_ents": True})
    nlp.add_pipe("svpol_confidence")
    return nlp, examples


def test_scores_are_probabilities_and_rules_get_rule_scores(trained):
    nlp, _ = trained
    doc = nlp("Anna Ek bor i Lund och Moderaterna ger 5 mnkr till Solna.")
    assert all(e._.score is not None and 0.0 <= e._.score <= 1.0 for e in doc.ents)
    by_text = {e.text: e._.score for e in doc.ents}
    assert by_text["Moderaterna"] == nlp.get_pipe("svpol_confidence").rule_scores["PARTY"]
    assert by_text["Anna Ek"] > 0.5  # a name it was trained on


def test_action_probabilities(trained):
    nlp, _ = trained
    scorer = nlp.get_pipe("svpol_confidence")
    assert scorer.method == "actions"
    doc = nlp("Per Olsson reste till Umeå.")
    (scores,) = scorer.ner_marginals([doc])
    assert set(scores) == {(e.start, e.end, e.label_) for e in doc.ents}
    assert all(0.0 < p <= 1.0 for p in scores.values())
    # A span the model would not choose scores lower than the one it chose.
    forced = nlp.make_doc("Per Olsson reste till Umeå.")
    forced.tensor = doc.tensor
    forced.ents = [forced.char_span(0, 3, label="LOC")]
    (forced_scores,) = scorer.ner_marginals([forced])
    assert forced_scores[(0, 1, "LOC")] < scores[(0, 2, "PERSON")]


def test_action_probabilities_do_not_depend_on_the_batch(trained):
    # The states of all docs and steps are scored in one batch: a doc's scores must be
    # the same alone and next to others of other lengths, and the docs must be left as they were.
    nlp, _ = trained
    scorer = nlp.get_pipe("svpol_confidence")
    docs = [nlp(t) for t in ("Per Olsson reste till Umeå.", "Anna Ek och Eva Lind bor i Lund och Solna.", "Hej.")]
    docs[1].cats = {"budget": 0.25}
    before = [(list(d.ents), dict(d.user_data), list(d.spans), dict(d.cats)) for d in docs]
    together = scorer.ner_marginals(docs)
    assert together == [scorer.ner_marginals([d])[0] for d in docs]
    assert together[0] and together[1]
    assert [(list(d.ents), dict(d.user_data), list(d.spans), dict(d.cats)) for d in docs] == before


def test_action_probabilities_skip_entities_without_changing_the_others(trained):
    # Rule entities are walked (they shape the states after them) but not scored, and the replay
    # ends at the last entity that is scored.
    nlp, _ = trained
    ner = nlp.get_pipe("ner")
    doc = nlp("Anna Ek och Eva Lind bor i Lund och Solna.")
    keys = [(e.start, e.end, e.label_) for e in doc.ents]
    assert len(keys) >= 3
    (every,) = action_probabilities(ner, [doc])
    for skipped in ({keys[-1]}, {keys[0]}, set(keys[1:])):
        (scores,) = action_probabilities(ner, [doc], [skipped])
        assert set(scores) == set(every) - skipped
        assert all(scores[k] == pytest.approx(every[k]) for k in scores)


def test_beam_marginals(trained):
    nlp, _ = trained
    scorer = ConfidenceScorer(nlp, method="beam", beam_width=8)
    doc = nlp("Per Olsson reste till Umeå.")
    (marginals,) = scorer.ner_marginals([doc])
    assert all(0.0 <= p <= 1.0 + 1e-9 for p in marginals.values())
    assert all((e.start, e.end, e.label_) in marginals for e in doc.ents)
    # Analyses are alternatives: the marginals of spans starting at token 0 sum to at most 1.
    assert sum(p for (s, _e, _l), p in marginals.items() if s == 0) <= 1.0 + 1e-6


def test_without_ner_only_rules_are_scored():
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_entity_rules")
    nlp.add_pipe("svpol_confidence", config={"rule_scores": {"MONEY": 0.5}})
    doc = nlp.make_doc("Kalle Berg säger att regeringen ger 5 mnkr.")
    doc.ents = [doc.char_span(0, 10, label="PERSON")]  # e.g. set by another component
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    scores = {e.text: e._.score for e in doc.ents}
    assert scores == {"Kalle Berg": None, "regeringen": DEFAULT_RULE_SCORES["AUTHORITY"], "5 mnkr": 0.5}


def test_calibrator_is_monotone_and_fits_frequencies():
    scores = [0.1, 0.2, 0.3, 0.6, 0.7, 0.8, 0.9, 0.95]
    outcomes = [False, False, True, False, True, True, True, True]
    cal = Calibrator.fit(scores, outcomes)
    mapped = [cal(s) for s in sorted(scores)]
    assert mapped == sorted(mapped)
    assert cal(0.0) == 0.0 and cal(1.0) == 1.0
    assert Calibrator.from_dict(cal.to_dict())(0.65) == cal(0.65)


def test_reliability_table():
    bins, ece = reliability_table([0.05, 0.15, 0.95, 0.95], [False, False, True, False], n_bins=10)
    assert [b["count"] for b in bins] == [1, 1, 2]
    assert bins[-1]["accuracy"] == 0.5
    assert ece == pytest.approx((0.05 + 0.15 + 2 * 0.45) / 4)
    with pytest.raises(ValueError):
        reliability_table([0.5], [True], n_bins=0)


def test_fit_and_round_trip(trained, tmp_path):
    nlp, examples = trained
    scorer = nlp.get_pipe("svpol_confidence")
    gold = [ex.reference for ex in examples]
    report = fit_confidence(nlp, gold)
    assert "ner_points" in report
    evaluation = evaluate_confidence(nlp, gold)
    assert evaluation["entities"]["count"] >= len(gold)
    nlp.to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")
    again = loaded.get_pipe("svpol_confidence")
    assert again.calibrators["ner"].xs == scorer.calibrators["ner"].xs
    assert again.rule_scores == scorer.rule_scores


def test_topic_confidence_follows_cats():
    nlp = spacy.blank("sv")
    scorer = ConfidenceScorer(nlp, ner_component="")
    doc = nlp("Budgeten för skolan.")
    doc.cats = {"budget": 0.8, "education": 0.3}
    scorer.topic_calibrators["budget"] = Calibrator([0.0, 1.0], [0.0, 0.5])
    assert scorer(doc)._.topic_confidence == {"budget": pytest.approx(0.4), "education": 0.3}
    assert scorer(nlp("Ingen klassning."))._.topic_confidence is None
    # The component may run before the text classifier: the value is read from doc.cats.
    early = scorer(nlp("Budgeten för skolan."))
    early.cats = {"budget": 0.6}
    assert early._.topic_confidence == {"budget": pytest.approx(0.3)}


@pytest.mark.parametrize(
    "config", [{"beam_width": 0}, {"beam_density": 1.5}, {"rule_scores": {"PARTY": 2.0}}, {"method": "vote"}]
)
def test_config_checks(config):
    with pytest.raises(ValueError):
        spacy.blank("sv").add_pipe("svpol_confidence", config=config)


def test_fit_confidence_needs_the_component():
    with pytest.raises(ValueError, match="no svpol_confidence"):
        fit_confidence(spacy.blank("sv"), [])


def test_docs_without_entity_annotation_count_for_topics_only(trained):
    nlp, _ = trained
    topic_only = nlp.make_doc("Anna Ek bor i Lund.")  # no entity annotation at all
    topic_only.cats = {"housing": 1.0}
    report = evaluate_confidence(nlp, [topic_only])
    assert "entities" not in report
    assert nlp.get_pipe("svpol_confidence").fit([(nlp("Anna Ek bor i Lund."), topic_only)], calibrate=False) == {"rules": {}}


def test_held_out_reliability_restores_the_component(trained):
    nlp, examples = trained
    scorer = nlp.get_pipe("svpol_confidence")
    before = dict(scorer.rule_scores)
    report = held_out_reliability(nlp, [ex.reference for ex in examples])
    assert (report["docs_fit"], report["docs_eval"]) == (2, 2)
    assert report["raw"]["entities"]["count"] > 0 and "calibrated" in report
    assert scorer.rule_scores == before
