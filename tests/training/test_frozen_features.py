"""training/frozen_features.py on a tiny random BERT written by the test (nothing is downloaded):
feature extraction into the cache, arm B's training on cached features, the saved pipeline
running the backbone itself."""

import json

import numpy as np
import pytest
import spacy
from spacy.tokens import DocBin

from model_fixtures import entity_doc
from test_trf_config import tiny_bert  # noqa: F401  (fixture: a 2-layer random BERT written by the test)

pytest.importorskip("torch")
pytest.importorskip("transformers")

SENTENCES = [
    ("Ordföranden Berit Lundvall öppnade mötet i Göteborg.", [("Berit Lundvall", "PERSON"), ("Göteborg", "LOC")]),
    ("Skolverket och kommunen träffade Anna Berg.", [("Skolverket", "ORG"), ("Anna Berg", "PERSON")]),
    ("Moderaterna vill bygga en skola i Malmö.", [("Malmö", "LOC")]),
    ("Karl Svensson talade för Volvo.", [("Karl Svensson", "PERSON"), ("Volvo", "ORG")]),
]


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """train.spacy and dev.spacy (the same four docs) made with the svpol tokenizer."""
    from training.frozen_features import feature_nlp

    nlp = feature_nlp()
    docs = [entity_doc(nlp, text, spans) for text, spans in SENTENCES]
    path = tmp_path_factory.mktemp("ff-data")
    for name in ("train", "dev"):
        DocBin(docs=docs, store_user_data=True).to_disk(path / f"{name}.spacy")
    return path


def test_extract_caches_float16_features_per_token(tiny_bert, data, tmp_path):  # noqa: F811
    from training.frozen_features import FeatureCache, extract, feature_nlp

    report = extract(tiny_bert, [data / "train.spacy", data / "dev.spacy"], tmp_path, layers=[1, 2], threads=1)
    assert report["docs"] == len(SENTENCES)
    cache = FeatureCache(tmp_path)
    nlp = feature_nlp()
    docs = [nlp.make_doc(text) for text, _ in SENTENCES]
    for doc in docs:
        features = cache.get(doc)
        assert features.shape == (len(doc), 32) and features.dtype == np.float16
        assert np.abs(features).sum(axis=1).min() > 0  # every token has word pieces here
    assert report["cache_rows"] == sum(len(d) for d in docs)
    assert report["cache_bytes"] == report["cache_rows"] * 32 * 2
    assert extract(tiny_bert, [data / "train.spacy"], tmp_path, layers=[1, 2])["docs"] == 0  # cached once
    with pytest.raises(ValueError, match="holds features"):
        cache.add(docs[:1], [cache.get(docs[0])], {"backbone": "other", "layers": [1], "width": 32})


def test_arm_b_learns_and_the_pipeline_runs_the_backbone_itself(tiny_bert, data, tmp_path):  # noqa: F811
    from training.frozen_features import FEATURES_ATTR, FeatureCache, evaluate_model, extract, train_arm

    cache_dir = tmp_path / "cache"
    extract(tiny_bert, [data / "train.spacy"], cache_dir, layers=[1, 2], threads=1)
    report = train_arm("B", data, tmp_path / "B", cache_dir=cache_dir, backbone=tiny_bert, epochs=12, seed=0)
    losses = [row["ner_loss"] for row in report["curve"]]
    assert losses[-1] < losses[1]  # (the first update's loss is low: nothing is predicted yet)
    assert json.loads((tmp_path / "B" / "train.json").read_text())["updates"] == report["updates"]

    nlp = spacy.load(tmp_path / "B" / "model-best")
    assert nlp.pipe_names == ["frozen_features", "tok2vec", "ner"]
    doc = nlp(SENTENCES[0][0])
    cached = FeatureCache(cache_dir).get(doc)
    assert np.allclose(doc._.get(FEATURES_ATTR).astype(np.float32), cached.astype(np.float32), atol=1e-2)
    results = evaluate_model(tmp_path / "B" / "model-best", data, speed_texts=4)
    assert set(results) == {"train", "dev", "words_per_second"} and results["words_per_second"] > 0
    assert results["dev"]["n_docs"] == len(SENTENCES) and "PERSON" in results["dev"]["per_label"]
    with pytest.raises(ValueError, match="speed_texts"):
        evaluate_model(tmp_path / "B" / "model-best", data, speed_texts=-1)
    nlp.to_disk(tmp_path / "again")
    again = spacy.load(tmp_path / "again")
    assert [(e.text, e.label_) for e in again(SENTENCES[0][0]).ents] == [(e.text, e.label_) for e in doc.ents]


def test_bad_arguments_are_refused(data, tmp_path):
    from training.frozen_features import cached_features_embed, experiment_config, train_arm

    with pytest.raises(ValueError, match="unknown arm"):
        experiment_config("D")
    with pytest.raises(ValueError, match="needs a backbone"):
        experiment_config("B")
    with pytest.raises(ValueError, match="epochs"):
        train_arm("A", data, tmp_path, epochs=0)
    with pytest.raises(ValueError, match="needs --cache"):
        train_arm("B", data, tmp_path, epochs=1)
    with pytest.raises(ValueError, match="no features"):
        train_arm("B", data, tmp_path, cache_dir=tmp_path / "empty", backbone=tmp_path, epochs=1)
    with pytest.raises(ValueError, match="same length"):
        cached_features_embed(8, 4, ["NORM"], [10, 20])
