"""configs/: cpu.cfg and every variant written from it are complete, filled, loadable and up to date,
and cpu.cfg describes the shipped pipeline."""

import pytest
from spacy.util import load_config, load_model_from_config

import svpol.components  # noqa: F401  (registers the svpol factories)
from model_fixtures import assert_config_filled
from training.configs import CONFIGS, CPU_CONFIG as CPU, OVERRIDES, variant_config, variant_text
from training.paths import REPO
from training.stages import STAGE_PIPELINES

SHIPPED = REPO / "models" / "sv_svpol_cnn" / "config.cfg"
VARIANTS = sorted(OVERRIDES.glob("*.cfg"))
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


def test_cpu_config_describes_the_shipped_pipeline():
    config, shipped = load_config(CPU), load_config(SHIPPED)
    assert config["nlp"]["pipeline"] == shipped["nlp"]["pipeline"]
    # Trained components differ in training settings (vectors); the others are as shipped.
    trained = {name for names in STAGE_PIPELINES.values() for name in names}
    for name in config["nlp"]["pipeline"]:
        if name not in trained:
            assert config["components"][name] == shipped["components"][name], name


def test_stages_train_the_config_components_in_config_order():
    pipeline = load_config(CPU)["nlp"]["pipeline"]
    for names in STAGE_PIPELINES.values():
        assert list(names) == [name for name in pipeline if name in names]


def test_cpu_config_topic_labels_match_labels_module():
    from svpol.labels import TOPIC_LABELS

    labels = load_config(CPU)["initialize"]["components"]["textcat_multilabel"]["labels"]
    assert tuple(labels) == TOPIC_LABELS
    assert tuple(load_config(CPU)["components"]["topic_evidence"]["labels"]) == TOPIC_LABELS


@pytest.mark.parametrize("overrides", VARIANTS, ids=[o.stem for o in VARIANTS])
def test_variant_is_written_from_cpu_config_and_its_overrides(overrides):
    # `python -m training.configs` writes the variant; nobody edits it by hand.
    assert (CONFIGS / overrides.name).read_text(encoding="utf8") == variant_text(overrides)


@pytest.mark.parametrize("overrides", VARIANTS, ids=[o.stem for o in VARIANTS])
def test_variant_differs_from_cpu_config_only_by_its_overrides(overrides):
    variant, cpu, changed = variant_config(overrides), load_config(CPU), load_config(overrides)
    for section in ("paths", "corpora", "initialize", "pretraining"):
        assert variant[section] == cpu[section]
    assert variant["training"]["score_weights"] == cpu["training"]["score_weights"]
    for name in variant["nlp"]["pipeline"]:
        if name not in changed["components"]:
            assert variant["components"][name] == cpu["components"][name], name


@pytest.mark.parametrize("variant", [CPU] + [CONFIGS / o.name for o in VARIANTS], ids=lambda p: p.stem)
def test_every_config_keeps_the_component_names(variant):
    cpu_names = [c for c in load_config(CPU)["nlp"]["pipeline"] if c != "tok2vec"]
    names = [c for c in load_config(variant)["nlp"]["pipeline"] if c not in ("tok2vec", "transformer")]
    assert names == cpu_names
