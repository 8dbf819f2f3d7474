"""Distilling a teacher's topic scores (training.distill_topics) and scoring a pipeline on the
blind topic sample (training.sample_topics_check predict). The teacher is the small saved
pipeline of tests/batch_fixtures.py: its untrained classifier gives fixed, non-trivial scores."""

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin
from typer.testing import CliRunner

from batch_fixtures import document
from svpol.labels import TOPIC_LABELS
from training import distill_topics, sample_topics_check
from training import stages as training_stages

runner = CliRunner()


def write_train(path: Path, n_topic_docs: int = 6) -> list:
    """A training DocBin of invented docs: ``n_topic_docs`` with weak topic labels, one without."""
    import random

    nlp = spacy.blank("sv")
    rng = random.Random(3)
    docs = []
    for i in range(n_topic_docs):
        doc = nlp(document(rng, paragraphs=1 + i % 2))
        doc.cats = {label: float(label == TOPIC_LABELS[i % len(TOPIC_LABELS)]) for label in TOPIC_LABELS}
        docs.append(doc)
    docs.append(nlp("Ett dokument utan ämnen."))
    DocBin(docs=docs).to_disk(path)
    return docs


def read_docs(path: Path) -> list:
    return list(DocBin().from_disk(path).get_docs(spacy.blank("sv").vocab))


def test_scoring_order_is_seeded_and_cut_by_words():
    nlp = spacy.blank("sv")
    docs = [nlp("ord " * n) for n in (5, 7, 3, 9, 4)]
    full = distill_topics.scoring_order(docs, seed=1, max_words=0)
    assert sorted(full) == list(range(5)) and full == distill_topics.scoring_order(docs, seed=1, max_words=0)
    cut = distill_topics.scoring_order(docs, seed=1, max_words=10)
    # A prefix of the same order: docs are taken until at least 10 words are chosen.
    assert cut == full[:len(cut)]
    assert sum(len(docs[i]) for i in cut) >= 10 > sum(len(docs[i]) for i in cut[:-1])


def test_read_cache_skips_a_torn_last_line(tmp_path):
    path = tmp_path / "x.scores.jsonl"
    path.write_text(json.dumps({"i": 2, "cats": {"budget": 0.5}}) + '\n{"i": 3, "ca', encoding="utf8")
    assert distill_topics.read_cache(path) == {2: {"budget": 0.5}}
    # The torn line is gone from the file, so the next score is appended on a line of its own.
    assert path.read_text(encoding="utf8") == json.dumps({"i": 2, "cats": {"budget": 0.5}}) + "\n"
    assert distill_topics.read_cache(tmp_path / "missing.jsonl") == {}


def test_distill_blends_teacher_and_weak_labels_and_resumes(tmp_path, batch_model_dir):
    train = tmp_path / "train.spacy"
    originals = write_train(train)
    teacher = spacy.load(batch_model_dir)
    out = tmp_path / "distilled.spacy"
    args = [str(batch_model_dir), str(train), "-o", str(out), "--weight", "0.5", "--batch-size", "2"]
    result = runner.invoke(distill_topics.app, args + ["--max-words", "40"])
    assert result.exit_code == 0, result.output
    cache = distill_topics.read_cache(out.with_suffix(".scores.jsonl"))
    assert 0 < len(cache) < 6  # a word budget below the corpus: some docs scored, not all
    docs = read_docs(out)
    assert len(docs) == 6  # every topic doc, none of the docs without topics
    for i, doc in enumerate(docs):
        weak = originals[i].cats
        assert doc.text == originals[i].text
        if i in cache:
            teacher_cats = teacher(doc.text).cats
            for label in TOPIC_LABELS:
                assert doc.cats[label] == pytest.approx(0.5 * teacher_cats[label] + 0.5 * weak[label], abs=1e-4)
        else:
            assert doc.cats == weak

    # A rerun with a larger budget scores only the docs not yet in the cache.
    lines_before = out.with_suffix(".scores.jsonl").read_text(encoding="utf8").count("\n")
    result = runner.invoke(distill_topics.app, args)
    assert result.exit_code == 0, result.output
    assert f"{len(cache)} already in" in result.output
    lines_after = out.with_suffix(".scores.jsonl").read_text(encoding="utf8").count("\n")
    assert lines_after == 6 and lines_after - lines_before == 6 - len(cache)

    # Another weight from the same scores: nothing is scored again.
    teacher_only = tmp_path / "teacher-only.spacy"
    result = runner.invoke(distill_topics.app, [str(batch_model_dir), str(train), "-o", str(teacher_only),
                                                "--weight", "1", "--scores", str(out.with_suffix(".scores.jsonl"))])
    assert result.exit_code == 0 and "6 already in" in result.output, result.output
    assert not teacher_only.with_suffix(".scores.jsonl").exists()
    for doc in read_docs(teacher_only):
        assert doc.cats == pytest.approx(teacher(doc.text).cats, abs=1e-4)


def test_distill_checks_arguments(tmp_path, batch_model_dir):
    train = tmp_path / "train.spacy"
    write_train(train)
    out = str(tmp_path / "o.spacy")
    bad_weight = runner.invoke(distill_topics.app, [str(batch_model_dir), str(train), "-o", out, "--weight", "1.5"])
    assert bad_weight.exit_code == 2 and "--weight must be between 0 and 1, got 1.5" in bad_weight.output
    missing = runner.invoke(distill_topics.app, [str(batch_model_dir), str(tmp_path / "nope.spacy"), "-o", out])
    assert missing.exit_code == 2 and "nope.spacy: not found" in missing.output
    no_topics = tmp_path / "none.spacy"
    DocBin(docs=[spacy.blank("sv")("Inga ämnen här.")]).to_disk(no_topics)
    empty = runner.invoke(distill_topics.app, [str(batch_model_dir), str(no_topics), "-o", out])
    assert empty.exit_code == 2 and "no docs with topic labels" in empty.output


def test_blind_predict_uses_the_meta_thresholds(tmp_path, batch_model_dir):
    texts = ["Skolan och äldreomsorgen behöver mer pengar.", "Kommunstyrelsen yrkar avslag."]
    sample = tmp_path / "sample.jsonl"
    sample.write_text("".join(json.dumps({"index": 10 + i, "text": t}) + "\n" for i, t in enumerate(texts)),
                      encoding="utf8")
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(sample_topics_check.app, ["predict", str(batch_model_dir), str(sample), "-o", str(out)])
    assert result.exit_code == 0, result.output
    predicted = [json.loads(line) for line in out.read_text(encoding="utf8").splitlines()]
    nlp = spacy.load(batch_model_dir)
    threshold = nlp.get_pipe("textcat_multilabel").cfg.get("threshold", 0.5)
    for record, text in zip(predicted, texts):
        cats = nlp(text).cats
        assert record["topics"] == [label for label in TOPIC_LABELS if cats[label] >= threshold]
    assert [r["index"] for r in predicted] == [10, 11]
    # The output scores against hand labels with the `score` command.
    scored = runner.invoke(sample_topics_check.app, ["score", str(out), str(out)])
    assert scored.exit_code == 0 and "micro" in scored.output


def test_blind_predict_names_a_bad_line(tmp_path, batch_model_dir):
    sample = tmp_path / "sample.jsonl"
    sample.write_text('{"index": 1, "text": "Bra."}\n{"text": "utan index"}\n', encoding="utf8")
    result = runner.invoke(sample_topics_check.app, ["predict", str(batch_model_dir), str(sample), "-o", str(tmp_path / "p")])
    assert result.exit_code == 1 and f"{sample}:2" in result.output


def test_run_stages_checks_stages_before_training(tmp_path):
    kwargs = dict(topics_steps=1, ner_steps=1, dev_tokens=10)
    with pytest.raises(ValueError, match="unknown stage"):
        training_stages.run_stages(Path("cfg"), tmp_path, tmp_path, stages=["tagger"], **kwargs)
    with pytest.raises(ValueError, match="not trained: .*ner"):
        training_stages.run_stages(Path("cfg"), tmp_path, tmp_path, stages=["topics"], **kwargs)
    for stage in training_stages.STAGES:
        (tmp_path / stage / "model-best").mkdir(parents=True)
    # Nothing to train: the trained stages are reused as they are.
    models = training_stages.run_stages(Path("cfg"), tmp_path, tmp_path, stages=[], **kwargs)
    assert models == {stage: tmp_path / stage / "model-best" for stage in training_stages.STAGES}


def test_run_stages_trains_only_the_chosen_stage_on_the_given_topic_docs(tmp_path, monkeypatch):
    from model_fixtures import write_corpus

    write_corpus(tmp_path / "corpus")
    (tmp_path / "work" / "ner" / "model-best").mkdir(parents=True)
    launched = []

    class FakeProcess:
        def __init__(self, cmd, **kwargs):
            launched.append(cmd)

        def wait(self):
            return 0

    monkeypatch.setattr(training_stages.subprocess, "Popen", FakeProcess)
    distilled = tmp_path / "distilled.spacy"
    models = training_stages.run_stages(Path("cfg"), tmp_path / "corpus", tmp_path / "work", topics_steps=1, ner_steps=1,
                                    dev_tokens=50, stages=["topics"], topics_train=distilled)
    assert len(launched) == 1 and str(tmp_path / "work" / "topics") in launched[0]
    assert launched[0][launched[0].index("--paths.train") + 1] == str(distilled)
    factory = launched[0][launched[0].index("--components.textcat_multilabel.factory") + 1]
    assert factory == "svpol_soft_textcat_multilabel"
    assert models["ner"] == tmp_path / "work" / "ner" / "model-best"
