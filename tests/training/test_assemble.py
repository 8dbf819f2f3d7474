"""training.assemble: the rules placed and the untrained components added as configs/cpu.cfg says."""

import pytest
from spacy.util import load_config, load_model_from_config

import svpol.components  # noqa: F401  (registers the svpol factories)
from training.assemble import FITTED_LATER, RULES, add_untrained_components, place_entity_rules
from training.configs import CPU_CONFIG
from training.stages import STAGE_PIPELINES


@pytest.fixture(scope="module")
def config():
    return load_config(CPU_CONFIG)


def _stage_pipeline(config):
    """The untrained pipeline of the ner stage, as its `spacy train` run builds it."""
    return load_model_from_config(load_config(CPU_CONFIG, overrides={"nlp.pipeline": list(STAGE_PIPELINES["ner"])}))


@pytest.mark.parametrize("position", ["before", "after"])
def test_components_follow_the_config_wherever_the_rules_are(config, position):
    nlp = _stage_pipeline(config)
    place_entity_rules(nlp, position, config)
    added = add_untrained_components(nlp, config)
    assert nlp.get_pipe_config(RULES)["overwrite_ents"] is (position == "after")
    # Everything the stages do not build, but the rules (placed) and what training.fit_topics adds itself.
    untrained = [n for n in config["nlp"]["pipeline"] if n not in STAGE_PIPELINES["ner"]]
    assert added == [n for n in untrained if n != RULES and n not in FITTED_LATER]
    others = [n for n in config["nlp"]["pipeline"] if n != RULES and n not in FITTED_LATER]
    assert [n for n in nlp.pipe_names if n != RULES] == others
    rules_at = nlp.pipe_names.index(RULES)
    assert nlp.pipe_names[rules_at + (1 if position == "before" else -1)] == "ner"
    for name in added:
        settings = {k: v for k, v in config["components"][name].items() if k != "factory"}
        assert {k: nlp.get_pipe_config(name)[k] for k in settings} == settings, name


def test_adding_twice_adds_nothing(config):
    nlp = _stage_pipeline(config)
    place_entity_rules(nlp, "before", config)
    add_untrained_components(nlp, config)
    names = list(nlp.pipe_names)
    assert add_untrained_components(nlp, config) == []
    assert nlp.pipe_names == names


def test_place_entity_rules_rejects_other_positions(config):
    with pytest.raises(ValueError, match="before' or 'after"):
        place_entity_rules(_stage_pipeline(config), "first", config)
