"""Scoring functions of svpol.evaluate and the `svpol evaluate` command."""

import json

import pytest
import spacy
from spacy.tokens import DocBin
from spacy.training import Example
from typer.testing import CliRunner

from model_fixtures import entity_doc
from svpol.cli import app
from svpol.evaluate import (
    crossfit_topic_scores,
    find_topic_thresholds,
    score_entities,
    score_topics,
)
from svpol.labels import TOPIC_LABELS

TEXT = "Karin Holm (V) vill ge 2 mnkr till Säkerhetspolisen."
GOLD = [("Karin Holm", "PERSON"), ("V", "PARTY"), ("2 mnkr", "MONEY"), ("Säkerhetspolisen", "AUTHORITY")]


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("sv")


def test_entity_scores_per_label(nlp):
    gold = entity_doc(nlp, TEXT, GOLD)
    # Right person and party, money with a wrong span, authority missed, one false LOC.
    pred = entity_doc(nlp, TEXT, [("Karin Holm", "PERSON"), ("V", "PARTY"), ("mnkr", "MONEY"), ("Säkerhetspolisen", "LOC")])
    scores = score_entities([Example(pred, gold)])
    per = scores["per_label"]
    assert per["PERSON"]["f"] == 1.0 and per["PARTY"]["f"] == 1.0
    assert (per["MONEY"]["tp"], per["MONEY"]["fp"], per["MONEY"]["fn"]) == (0, 1, 1)
    assert (per["AUTHORITY"]["tp"], per["AUTHORITY"]["fn"]) == (0, 1)
    assert per["LOC"]["fp"] == 1 and per["LOC"]["support"] == 0
    assert scores["micro"]["tp"] == 2 and scores["micro"]["fp"] == 2 and scores["micro"]["fn"] == 2
    assert scores["micro"]["f"] == pytest.approx(0.5)
    # Core labels leave out the LOC false positive: tp 2, fp 1, fn 2.
    assert scores["core_micro"]["p"] == pytest.approx(2 / 3)
    # Macro over labels that occur: PERSON 1, PARTY 1, MONEY 0, AUTHORITY 0, LOC 0.
    assert scores["macro"]["f"] == pytest.approx(0.4)


def test_entity_scores_skip_missing_annotation(nlp):
    gold = nlp.make_doc(TEXT)  # no entity annotation at all
    pred = entity_doc(nlp, TEXT, GOLD)
    scores = score_entities([Example(pred, gold)])
    assert scores["n_docs"] == 0 and scores["micro"]["fp"] == 0
    # Partly annotated: only "Karin Holm" is annotated as PERSON, the rest is missing.
    partial = nlp.make_doc(TEXT)
    partial.set_ents([partial.char_span(0, 10, label="PERSON")], default="missing")
    scores = score_entities([Example(pred, partial)])
    assert scores["micro"]["tp"] == 1 and scores["micro"]["fp"] == 0 and scores["micro"]["fn"] == 0


def _topic_example(nlp, scores, gold):
    pred = nlp.make_doc("text")
    pred.cats = {label: scores.get(label, 0.0) for label in TOPIC_LABELS}
    ref = nlp.make_doc("text")
    ref.cats = {label: gold.get(label, 0.0) for label in TOPIC_LABELS} if gold is not None else {}
    return Example(pred, ref)


def test_topic_scores_use_thresholds_and_skip_unlabelled(nlp):
    examples = [
        _topic_example(nlp, {"budget": 0.4, "education": 0.9}, {"budget": 1.0}),
        _topic_example(nlp, {"budget": 0.9}, None),  # no topic labels: not scored
    ]
    at_half = score_topics(examples, {label: 0.5 for label in TOPIC_LABELS})
    assert at_half["n_docs"] == 1
    assert at_half["per_label"]["budget"]["fn"] == 1 and at_half["per_label"]["education"]["fp"] == 1
    thresholds = {label: 0.5 for label in TOPIC_LABELS}
    thresholds.update(budget=0.3, education=0.95)
    tuned = score_topics(examples, thresholds)
    assert tuned["micro"]["f"] == 1.0


def test_find_thresholds(nlp):
    # budget is scored low but right: its best threshold is below 0.5.
    examples = [
        _topic_example(nlp, {"budget": 0.3 if i % 4 < 2 else 0.1}, {"budget": float(i % 4 < 2)}) for i in range(40)
    ]
    found = find_topic_thresholds(examples, min_support=10)
    assert 0.1 < found["per_label"]["budget"] <= 0.3
    # Labels without enough positives get the global threshold.
    assert found["per_label"]["health"] == found["global"]
    assert crossfit_topic_scores(examples, min_support=10)["micro"]["f"] == 1.0
    with pytest.raises(ValueError, match="no docs with topic labels"):
        find_topic_thresholds([_topic_example(nlp, {}, None)])


def test_crossfit_refit_sees_original_scores_and_restores_them(nlp):
    # The classifier says nothing (0.2 everywhere); the refitted model knows the gold.
    examples = [_topic_example(nlp, {"budget": 0.2}, {"budget": float(i % 2)}) for i in range(40)]
    seen = []

    def refit(tune):
        seen.append({eg.predicted.cats["budget"] for eg in tune})
        return lambda eg: {**eg.predicted.cats, "budget": eg.reference.cats["budget"]}

    plain = crossfit_topic_scores(examples, min_support=10)
    refitted = crossfit_topic_scores(examples, min_support=10, refit=refit)
    assert plain["per_label"]["budget"]["f"] < 1.0
    assert refitted["per_label"]["budget"]["f"] == 1.0
    assert seen == [{0.2}, {0.2}]  # the second fold is fitted on the original scores, too
    assert {eg.predicted.cats["budget"] for eg in examples} == {0.2}


def test_evaluate_cli(tmp_path, nlp):
    ruler_nlp = spacy.blank("sv")
    ruler = ruler_nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Karin Holm"}, {"label": "MONEY", "pattern": "2 mnkr"}])
    ruler_nlp.to_disk(tmp_path / "model")
    docs = tmp_path / "gold"
    docs.mkdir()
    DocBin(docs=[entity_doc(nlp, TEXT, GOLD)]).to_disk(docs / "dev-a.spacy")
    (docs / "broken.spacy").write_bytes(b"not a docbin")
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", str(tmp_path / "model"), str(docs / "dev-a.spacy"), "-o", str(tmp_path / "s.json")])
    assert result.exit_code == 0, result.output
    assert "PERSON" in result.output and "core micro" in result.output
    scores = json.loads((tmp_path / "s.json").read_text())
    ents = scores["dev-a"]["entities"]
    assert ents["per_label"]["PERSON"]["f"] == 1.0 and ents["per_label"]["PARTY"]["fn"] == 1
    assert ents["micro"]["p"] == 1.0 and ents["micro"]["r"] == 0.5
    # A folder with one unreadable file: the rest is scored, exit code 1.
    result = runner.invoke(app, ["evaluate", str(tmp_path / "model"), str(docs)])
    assert result.exit_code == 1
    assert "broken.spacy" in result.output
    result = runner.invoke(app, ["evaluate", str(tmp_path / "nope"), str(docs)])
    assert result.exit_code == 2


def test_evaluate_cli_disable_and_topic_threshold(tmp_path, nlp):
    model = spacy.blank("sv")
    ruler = model.add_pipe("entity_ruler")
    model.add_pipe("textcat_multilabel").add_label("budget")
    model.initialize()
    ruler.add_patterns([{"label": "PERSON", "pattern": "Karin Holm"}])  # after initialize, which clears them
    model.to_disk(tmp_path / "model")
    gold = entity_doc(nlp, TEXT, GOLD)
    gold.cats = {label: float(label == "budget") for label in TOPIC_LABELS}
    DocBin(docs=[gold]).to_disk(tmp_path / "dev.spacy")
    runner = CliRunner()

    def scores(*options):
        out = tmp_path / "s.json"
        result = runner.invoke(app, ["evaluate", str(tmp_path / "model"), str(tmp_path / "dev.spacy"), "-o", str(out), *options])
        assert result.exit_code == 0, result.output
        return json.loads(out.read_text())["dev"]

    assert scores()["entities"]["per_label"]["PERSON"]["tp"] == 1
    assert scores("--disable", "entity_ruler")["entities"]["per_label"]["PERSON"]["tp"] == 0
    # Any score is at least 0 and at most 1: threshold 0 predicts every topic, 1 none.
    assert scores("--topic-threshold", "0")["topics"]["per_label"]["budget"]["tp"] == 1
    assert scores("--topic-threshold", "1")["topics"]["per_label"]["budget"]["tp"] == 0
    result = runner.invoke(app, ["evaluate", str(tmp_path / "model"), str(tmp_path / "dev.spacy"), "--disable", "tok2vec"])
    assert result.exit_code == 2
    assert "no component tok2vec" in result.output and "entity_ruler" in result.output
