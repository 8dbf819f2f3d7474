"""configs/cpu.cfg (and trf.cfg where present) is complete, filled and loadable."""

import pytest
import spacy
from spacy.util import load_config, load_model_from_config

import svpol.components  # noqa: F401  (registers the svpol factories)
from model_fixtures import assert_config_filled
from training.paths import REPO

CONFIGS = REPO / "configs"
CPU = CONFIGS / "cpu.cfg"
# The component names every svpol config shares (docs/model.md).
SHARED_COMPONENTS = ["ner", "textcat_multilabel", "paragraph_topics"]


def test_cpu_config_is_filled():
    # Every section and setting spaCy would add is already in the file.
    assert_config_filled(CPU)


def test_cpu_config_settings():
    config = load_config(CPU)
    assert config["paths"]["train"] is None and config["paths"]["dev"] is None
    assert config["system"]["gpu_allocator"] is None
    assert config["nlp"]["tokenizer"]["@tokenizers"] == "svpol.Tokenizer.v1"
    assert config["nlp"]["pipeline"][0] == "tok2vec"
    assert [c for c in config["nlp"]["pipeline"] if c in SHARED_COMPONENTS] == SHARED_COMPONENTS
    weights = config["training"]["score_weights"]
    assert weights["ents_f"] > 0 and weights["cats_micro_f"] > 0
    assert sum(w for w in weights.values() if w) == pytest.approx(1.0)


def test_cpu_config_builds_pipeline():
    nlp = load_model_from_config(load_config(CPU), auto_fill=False, validate=True)
    assert nlp.pipe_names == load_config(CPU)["nlp"]["pipeline"]
    assert nlp.get_pipe("textcat_multilabel").cfg["threshold"] == 0.5


def test_trf_config_uses_same_component_names():
    trf = CONFIGS / "trf.cfg"
    if not trf.exists():
        pytest.skip("configs/trf.cfg not written yet")
    cpu_names = [c for c in load_config(CPU)["nlp"]["pipeline"] if c != "tok2vec"]
    trf_names = [c for c in load_config(trf)["nlp"]["pipeline"] if c != "transformer"]
    assert trf_names == cpu_names


def test_cpu_config_topic_labels_match_labels_module():
    from svpol.labels import TOPIC_LABELS

    labels = load_config(CPU)["initialize"]["components"]["textcat_multilabel"]["labels"]
    assert tuple(labels) == TOPIC_LABELS
