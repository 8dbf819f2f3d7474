"""Assembling the trained pipeline: the stage models joined, the rules placed, the svpol components added."""

from pathlib import Path
from typing import Dict, List

import spacy
from spacy.language import Language

import svpol.components  # noqa: F401  (registers the svpol factories)

RULES = "entity_rules"
RULES_FACTORY = "svpol_entity_rules"
# Enrichers read entities and add attributes: they go after ner and the rules.
ENRICHERS = ("politicians", "parties", "authorities", "money")
# Drops entities that are never entities (law abbreviations, title words): right after ner and the rules.
NOT_ENTITIES = "not_entities"
# Takes titles out of PERSON spans: after the non-entity filter, before the politician enricher.
PERSON_SPANS = "person_spans"
# Confidence reads entities, the rule matches and doc.cats: it goes last.
CONFIDENCE = "confidence"


def assemble(stage_models: Dict[str, Path]) -> Language:
    """The stage 2 pipeline with the topic classifier of stage 1."""
    nlp = spacy.load(stage_models["ner"])
    topics = spacy.load(stage_models["topics"])
    position = nlp.pipe_names.index("textcat_multilabel")
    nlp.remove_pipe("textcat_multilabel")
    nlp.add_pipe("textcat_multilabel", source=topics, before=nlp.pipe_names[position])
    return nlp


def _has_factory(name: str) -> bool:
    """Whether a factory is registered (the svpol ones are, by the import of svpol.components)."""
    return Language.has_factory(name)


def place_entity_rules(nlp: Language, position: str) -> None:
    """Put the entity rules ``before`` or ``after`` ner (after: rules overwrite overlapping model entities)."""
    if position not in ("before", "after"):
        raise ValueError(f"position must be 'before' or 'after', got {position!r}")
    if RULES in nlp.pipe_names:
        nlp.remove_pipe(RULES)
    config = {"overwrite_ents": position == "after"}
    nlp.add_pipe(RULES_FACTORY, name=RULES, config=config, **{position: "ner"})


def add_enrichers(nlp: Language) -> List[str]:
    """Add the svpol components that exist after ner and the rules, in this order: the non-entity
    filter, the PERSON span repair, the enrichers; and confidence last."""
    added = []
    anchor = RULES if RULES in nlp.pipe_names and nlp.pipe_names.index(RULES) > nlp.pipe_names.index("ner") else "ner"
    after_ner = [(NOT_ENTITIES, {"title_words": True}), (PERSON_SPANS, {})] + [(name, {}) for name in ENRICHERS]
    for name, config in after_ner:
        if name in nlp.pipe_names or not _has_factory(f"svpol_{name}"):
            continue
        nlp.add_pipe(f"svpol_{name}", name=name, after=anchor, config=config)
        anchor = name
        added.append(name)
    if CONFIDENCE not in nlp.pipe_names and _has_factory(f"svpol_{CONFIDENCE}"):
        nlp.add_pipe(f"svpol_{CONFIDENCE}", name=CONFIDENCE, last=True)
        added.append(CONFIDENCE)
    return added

