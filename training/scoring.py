"""Scoring the pipeline on the dev sets: topic thresholds, the rule order, the dev summaries for the meta."""

import json
from pathlib import Path
from typing import Any, Dict, List, Optional

import typer
from spacy.language import Language
from thinc.api import Config

from svpol.evaluate import (
    all_but_classifier,
    crossfit_topic_scores,
    evaluate,
    find_topic_thresholds,
    predict,
    read_docs,
)
from svpol.labels import TOPIC_LABELS

from .assemble import place_entity_rules


def dev_sets(corpus: Path) -> Dict[str, Path]:
    """The dev files of the corpus by name (``dev``, ``dev-uner``, ...)."""
    return {p.stem: p for p in sorted(corpus.glob("dev*.spacy"))}


def calibrate_topics(nlp: Language, topic_dev: Path, batch_size: int) -> Dict[str, Any]:
    """Choose topic thresholds on ``topic_dev``; also report a 2-fold cross-fitted estimate."""
    examples, _ = predict(nlp, read_docs(nlp, topic_dev), batch_size=batch_size, disable=all_but_classifier(nlp))
    chosen = find_topic_thresholds(examples, TOPIC_LABELS)
    crossfit = crossfit_topic_scores(examples, TOPIC_LABELS)
    return {
        "global": chosen["global"],
        "per_label": chosen["per_label"],
        "tuned_on": topic_dev.name,
        "n_docs": chosen["n_docs"],
        "crossfit_micro": crossfit["micro"],
        "crossfit_macro": crossfit["macro"],
    }


def _non_scoring(nlp: Language) -> List[str]:
    """Components that only set extension attributes (``._.``, by their factories' ``assigns``):
    they change no entity and no topic score, so scoring skips them. An embedding layer that other
    components listen to stays, though it assigns only an extension (the transformer's ``doc._.trf_data``):
    without it ``ner`` and the classifier have no input."""
    return [name for name in nlp.pipe_names
            if (assigns := nlp.get_pipe_meta(name).assigns) and all("._." in attr for attr in assigns)
            and not getattr(nlp.get_pipe(name), "listening_components", None)]


def score_all(
    nlp: Language, entity_sets: Dict[str, Path], topic_set: Optional[Path], thresholds: Dict[str, float], batch_size: int
) -> Dict[str, Any]:
    """Scores of ``nlp`` on the entity dev sets (entities and any topics) and on the topic dev set (topics only)."""
    scores = {
        name: evaluate(nlp, path, batch_size=batch_size, thresholds=thresholds, disable=_non_scoring(nlp))
        for name, path in entity_sets.items()
    }
    if topic_set is not None:
        scores[topic_set.stem] = evaluate(
            nlp, topic_set, batch_size=batch_size, thresholds=thresholds, disable=all_but_classifier(nlp), kinds=("topics",)
        )
    return scores


def choose_rule_order(
    nlp: Language, entity_sets: Dict[str, Path], thresholds: Dict[str, float], batch_size: int, config: Config
) -> Dict[str, Any]:
    """Score the entity rules of ``config`` before and after ner; keep the order with the best mean core micro-F1."""
    results: Dict[str, Any] = {}
    for position in ("before", "after"):
        place_entity_rules(nlp, position, config)
        scores = score_all(nlp, entity_sets, None, thresholds, batch_size)
        results[position] = {
            name: {"core_micro_f": s["entities"]["core_micro"]["f"], "micro_f": s["entities"]["micro"]["f"]}
            for name, s in scores.items()
        }
        typer.echo(f"entity rules {position}: {json.dumps(results[position])}", err=True)

    def mean_core(position: str) -> float:
        values = [v["core_micro_f"] for v in results[position].values()]
        return sum(values) / len(values) if values else 0.0

    # Ties keep the rules before ner, where ner builds its entities around them.
    best = max(("before", "after"), key=mean_core)
    place_entity_rules(nlp, best, config)
    return {"chosen": best, "scores": results}


def summarize_dev(scores: Dict[str, Any]) -> Dict[str, Any]:
    """The compact dev scores kept in the model meta."""
    summary = {}
    for name, s in scores.items():
        ents, topics = s["entities"], s["topics"]
        entry: Dict[str, Any] = {}
        if ents["n_docs"]:
            entry["ents_micro_f"] = round(ents["micro"]["f"], 4)
            entry["ents_core_micro_f"] = round(ents["core_micro"]["f"], 4)
            entry["ents_f_per_label"] = {
                label: round(v["f"], 4) for label, v in ents["per_label"].items() if v["support"]
            }
        if topics["n_docs"]:
            entry["topics_micro_f"] = round(topics["micro"]["f"], 4)
            entry["topics_macro_f"] = round(topics["macro"]["f"], 4)
        summary[name] = entry
    return summary


def performance(scores: Dict[str, Any]) -> Dict[str, Any]:
    """spaCy's meta ``performance`` block from our dev scores (entities on dev-indomain, topics on dev-topics).

    It replaces the block ``spacy train`` wrote, which describes the stage-2 checkpoint
    on its small selection sample and a topic classifier the pipeline no longer has.
    """
    perf: Dict[str, Any] = {}
    ents = scores.get("dev-indomain", {}).get("entities", {})
    if ents.get("n_docs"):
        perf.update({f"ents_{k}": ents["micro"][k] for k in ("p", "r", "f")})
        perf["ents_per_type"] = {
            label: {k: v[k] for k in ("p", "r", "f")} for label, v in ents["per_label"].items() if v["support"]
        }
    topics = scores.get("dev-topics", {}).get("topics", {})
    if topics.get("n_docs"):
        perf.update({f"cats_micro_{k}": topics["micro"][k] for k in ("p", "r", "f")})
        perf["cats_macro_f"] = topics["macro"]["f"]
    return perf

