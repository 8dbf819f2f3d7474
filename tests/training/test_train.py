"""A tiny end-to-end `spacy train` with configs/cpu.cfg: it overfits and survives a disk round trip."""

import shutil
from pathlib import Path

import pytest
import spacy
from spacy.cli.train import train as spacy_train

import svpol
import svpol.components  # noqa: F401
from model_fixtures import ENTITY_SENTENCES, topic_documents, write_corpus, write_topic_docs
from training import train as svpol_train
from training.paths import REPO
from training.stage_data import TOPIC_GOLD_FILES, split_training_data
from training.stages import STAGE_PIPELINES

CPU = REPO / "configs" / "cpu.cfg"
# The components of the ner stage (training.stages) and a smaller tok2vec, so the test takes
# seconds; everything else is the shipped config.
OVERRIDES = {
    "nlp.pipeline": list(STAGE_PIPELINES["ner"]),
    "training.max_steps": 120,
    "training.eval_frequency": 120,
    "components.tok2vec.model.encode.width": 48,
    "components.tok2vec.model.encode.depth": 2,
}


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("train")
    paths = write_corpus(tmp / "corpus")
    overrides = dict(OVERRIDES, **{"paths.train": str(paths["train"]), "paths.dev": str(paths["dev"])})
    spacy_train(CPU, tmp / "out", use_gpu=-1, overrides=overrides)
    return tmp


def test_overfits_entities(trained):
    nlp = spacy.load(trained / "out" / "model-last")
    for text, spans in ENTITY_SENTENCES:
        doc = nlp(text)
        assert [(e.text, e.label_) for e in doc.ents] == list(spans), text


def test_overfits_topics(trained):
    nlp = spacy.load(trained / "out" / "model-last")
    for text, cats in topic_documents():
        doc = nlp(text)
        predicted = {label for label, score in doc.cats.items() if score >= 0.5}
        assert predicted == {label for label, value in cats.items() if value}, text


def test_round_trip_and_paragraphs(trained, tmp_path):
    nlp = spacy.load(trained / "out" / "model-last")
    nlp.to_disk(tmp_path / "model")
    nlp2 = spacy.load(tmp_path / "model")
    text = topic_documents()[1][0]
    doc1, doc2 = nlp(text), nlp2(text)
    assert doc1.cats == pytest.approx(doc2.cats)
    assert [(e.text, e.label_) for e in doc1.ents] == [(e.text, e.label_) for e in doc2.ents]
    # Two blank-line-separated paragraphs, each scored on its own.
    paragraphs = doc2._.paragraphs
    assert len(paragraphs) == 2
    first, second = paragraphs
    assert text[first["start"] : first["end"]] + "\n\n" + text[second["start"] : second["end"]] == text
    assert first["topics"] != second["topics"]
    assert set(first["topics"]) == set(doc2.cats)


def write_topic_gold(folder: Path) -> Path:
    """The topic files ``training.train`` fits the topic model on (fixture texts)."""
    folder.mkdir()
    for name in TOPIC_GOLD_FILES:
        write_topic_docs(folder / name)
    return folder


def test_package_writes_meta(trained, tmp_path):
    """training.train (reusing trained stages) assembles, calibrates, scores the dev sets and writes the meta."""
    for stage in ("topics", "ner"):
        shutil.copytree(trained / "out" / "model-last", trained / "stages" / stage / "model-best")
    # The shipped config (its topic model fitted on the topic gold) with a smaller hash table.
    config = spacy.util.load_config(CPU)
    config["components"]["topic_evidence"].update(hashed_features=256)
    config.to_disk(tmp_path / "cpu-text-model.cfg")
    svpol_train.main(
        data_dir=tmp_path / "unused",
        corpus=trained / "corpus",
        config=tmp_path / "cpu-text-model.cfg",
        training_dir=trained / "stages",
        output=tmp_path / "sv_svpol_cnn",
        batch_size=16,
        skip_train=True,
        stages="topics,ner",
        topics_train=None,
        topics_steps=1,
        ner_steps=1,
        dev_tokens=1000,
        vectors=None,
        no_vectors=True,
        topic_gold=write_topic_gold(tmp_path / "gold"),
    )
    nlp = spacy.load(tmp_path / "sv_svpol_cnn")
    meta = nlp.meta
    assert meta["name"] == "svpol_cnn" and meta["lang"] == "sv"
    assert meta["license"] == "CC BY-SA 4.0"
    assert any(s["license"] == "CC BY-SA 4.0" for s in meta["sources"])
    assert set(meta["svpol"]["topic_thresholds"]) == set(svpol.TOPIC_LABELS)
    dev = meta["svpol"]["dev_scores"]
    assert dev["dev-indomain"]["ents_core_micro_f"] > 0.9
    # Step 5: topic evidence fitted after the paragraph topics, confidence calibrated and on.
    names = nlp.pipe_names
    assert names.index("topic_evidence") == names.index("paragraph_topics") + 1
    # The config's text topic model, fitted on the hand-annotated paragraphs, replaces the evidence weights.
    calibration = meta["svpol"]["topic_calibration"]
    assert calibration["tuned_on"] == list(TOPIC_GOLD_FILES) and calibration["n_docs"] == 24 * len(TOPIC_GOLD_FILES)
    assert "topics_micro_f" not in dev["dev-topics"]  # measured before the text model: dropped as stale
    assert nlp.get_pipe("topic_evidence").text_model.fitted
    assert "confidence" in names and "ece_calibrated" in meta["svpol"]["confidence_calibration"]
    # The components and their order are the config's (the rules before or after ner, as chosen on dev),
    # the law-abbreviation filter after ner and the rules, before the enrichers.
    configured = spacy.util.load_config(CPU)
    assert set(names) == set(configured["nlp"]["pipeline"])
    assert [n for n in names if n != "entity_rules"] == [n for n in configured["nlp"]["pipeline"] if n != "entity_rules"]
    assert names.index("ner") < names.index("not_entities") < names.index("politicians")
    assert names.index("entity_rules") < names.index("not_entities")
    for name in ("not_entities", "politicians", "money"):
        settings = {k: v for k, v in configured["components"][name].items() if k != "factory"}
        assert {k: nlp.config["components"][name][k] for k in settings} == settings


def test_split_training_data(tmp_path):
    paths = write_corpus(tmp_path / "corpus")
    parts = split_training_data(tmp_path / "corpus", tmp_path / "work", dev_tokens=50)
    nlp = spacy.blank("sv")

    def docs(name):
        return list(spacy.tokens.DocBin().from_disk(parts[name]).get_docs(nlp.vocab))

    assert len(docs("train-topics")) == len(topic_documents())
    assert all(d.cats for d in docs("train-topics"))
    assert len(docs("train-ner")) == len(ENTITY_SENTENCES)
    dev_select = docs("dev-select")
    assert 0 < len(dev_select) < len(ENTITY_SENTENCES)
    assert all(d.has_annotation("ENT_IOB") for d in dev_select)
    assert paths["train"].exists()
