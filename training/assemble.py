"""Assembling the trained pipeline as the config describes it: the stage models joined, the
entity rules placed, the svpol components that need no training added with their config settings."""

from pathlib import Path
from typing import Dict, List

import spacy
from thinc.api import Config
from spacy.language import Language

import svpol.components  # noqa: F401  (registers the svpol factories)

from .stages import STAGE_PIPELINES

RULES = "entity_rules"
CONFIDENCE = "confidence"
# Fitted on dev after the pipeline is written (training.fit_topics), which adds it itself.
FITTED_LATER = ("topic_evidence",)


def assemble(stage_models: Dict[str, Path]) -> Language:
    """The stage 2 pipeline with the topic classifier of stage 1."""
    nlp = spacy.load(stage_models["ner"])
    topics = spacy.load(stage_models["topics"])
    position = nlp.pipe_names.index("textcat_multilabel")
    nlp.remove_pipe("textcat_multilabel")
    nlp.add_pipe("textcat_multilabel", source=topics, before=nlp.pipe_names[position])
    return nlp


def _settings(config: Config, name: str) -> Dict[str, object]:
    """The settings of component ``name`` in ``config`` (its section without the factory)."""
    return {key: value for key, value in config["components"][name].items() if key != "factory"}


def place_entity_rules(nlp: Language, position: str, config: Config) -> None:
    """Put the entity rules of ``config`` ``before`` or ``after`` ner (after: rules overwrite
    overlapping model entities)."""
    if position not in ("before", "after"):
        raise ValueError(f"position must be 'before' or 'after', got {position!r}")
    if RULES in nlp.pipe_names:
        nlp.remove_pipe(RULES)
    settings = dict(_settings(config, RULES), overwrite_ents=position == "after")
    nlp.add_pipe(config["components"][RULES]["factory"], name=RULES, config=settings, **{position: "ner"})


def add_untrained_components(nlp: Language, config: Config) -> List[str]:
    """Add the components of ``config`` that the training stages do not build, with their settings.

    Each goes before the next component of the config's pipeline that ``nlp`` has (last if
    none), so the config's order holds wherever the entity rules were placed. Components in
    ``nlp`` already and those fitted later (``FITTED_LATER``) are left out.

    Returns:
        The names added, in pipeline order.
    """
    trained = {name for names in STAGE_PIPELINES.values() for name in names}
    pipeline = config["nlp"]["pipeline"]
    added = []
    for i, name in enumerate(pipeline):
        if name in trained or name in FITTED_LATER or name in nlp.component_names:
            continue
        following = [other for other in pipeline[i + 1:] if other in nlp.pipe_names]
        position = {"before": following[0]} if following else {"last": True}
        nlp.add_pipe(config["components"][name]["factory"], name=name, config=_settings(config, name), **position)
        added.append(name)
    return added
