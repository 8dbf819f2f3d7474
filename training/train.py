"""Train, calibrate, evaluate and package the default CPU pipeline.

    nice -n 10 python -m training.train --data-dir ../shared/data

reproduces ``models/sv_svpol_cnn`` in four steps:

1. build ``corpus/`` with ``python -m training.corpus`` if it is missing;
2. ``spacy train configs/cpu.cfg`` on ``corpus/train.spacy`` (dev: ``corpus/dev.spacy``,
   used for model selection only);
3. choose topic thresholds on ``corpus/dev-topics.spacy`` (see
   :func:`svpol.evaluate.find_topic_thresholds`) and, where the knowledge
   components exist, the position of the entity rules (before or after ``ner``,
   whichever scores better on the dev sets) and the enrichers after ``ner``;
4. score every ``corpus/dev*.spacy`` file and write the pipeline with name,
   version, sources, licences, thresholds and dev scores in its meta.
"""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

import spacy
import typer
from spacy.language import Language

import svpol.components  # noqa: F401  (registers the svpol factories)
import svpol.tokenizer  # noqa: F401  (registers svpol.Tokenizer.v1)
from svpol.about import __version__
from svpol.evaluate import (
    crossfit_topic_scores,
    evaluate,
    find_topic_thresholds,
    predict,
    read_docs,
)
from svpol.labels import ENTITY_LABELS, TOPIC_LABELS

REPO = Path(__file__).resolve().parents[1]
MODEL_NAME = "svpol_cnn"  # spaCy prefixes the language: the package is sv_svpol_cnn
RULES = "entity_rules"
RULES_FACTORY = "svpol_entity_rules"
# Enrichers read entities and add attributes: they go after ner and the rules.
ENRICHERS = ("politicians", "parties", "authorities", "money", "confidence")
# Data sources and their licences; the share-alike licence of UNER governs the model.
SOURCES: List[Dict[str, str]] = [
    {"name": "Universal NER, Swedish Talbanken", "url": "https://github.com/UniversalNER/UNER_Swedish-Talbanken", "license": "CC BY-SA 4.0"},
    {"name": "swedish-ner-corpus (klintan)", "url": "https://github.com/klintan/swedish-ner-corpus", "license": "CC BY 4.0"},
    {"name": "SUC 3.0 (SUCX dev split, automatic NE layer)", "url": "https://spraakbanken.gu.se/en/resources/suc3", "license": "CC BY 4.0"},
    {"name": "swerik-project riksdagen-interpellations and riksdagen-persons", "url": "https://github.com/swerik-project", "license": "see the source repositories"},
    {"name": "civictechsweden myndighetsdata", "url": "https://github.com/civictechsweden/myndighetsdata", "license": "see the source repository"},
]
LICENSE = "CC BY-SA 4.0"

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


def ensure_corpus(corpus: Path, data_dir: Path) -> None:
    """Build the training corpus with ``training.corpus`` unless ``corpus/train.spacy`` exists."""
    if (corpus / "train.spacy").exists():
        return
    cmd = [sys.executable, "-m", "training.corpus", "--data-dir", str(data_dir), "--output", str(corpus)]
    typer.echo("building corpus: " + " ".join(cmd), err=True)
    subprocess.run(cmd, cwd=REPO, check=True)


def run_spacy_train(config: Path, corpus: Path, training_dir: Path, overrides: Dict[str, Any]) -> Path:
    """Run ``spacy train`` and return the path of the best pipeline."""
    from spacy.cli.train import train as spacy_train

    settings = {"paths.train": str(corpus / "train.spacy"), "paths.dev": str(corpus / "dev.spacy")}
    settings.update(overrides)
    spacy_train(config, training_dir, use_gpu=-1, overrides=settings)
    return training_dir / "model-best"


def dev_sets(corpus: Path) -> Dict[str, Path]:
    """The dev files of the corpus by name (``dev``, ``dev-uner``, ...)."""
    return {p.stem: p for p in sorted(corpus.glob("dev*.spacy"))}


def calibrate_topics(nlp: Language, topic_dev: Path, batch_size: int) -> Dict[str, Any]:
    """Choose topic thresholds on ``topic_dev``; also report a 2-fold cross-fitted estimate."""
    examples, _ = predict(nlp, read_docs(nlp, topic_dev), batch_size=batch_size, disable=_non_scoring(nlp))
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
    """Components that do not change entities or doc.cats, skipped while scoring."""
    return [name for name in nlp.pipe_names if name == "paragraph_topics" or name in ENRICHERS]


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
    """Add the svpol enrichers that exist, after ner and the rules, before the text classifier."""
    added = []
    anchor = RULES if RULES in nlp.pipe_names and nlp.pipe_names.index(RULES) > nlp.pipe_names.index("ner") else "ner"
    for name in ENRICHERS:
        factory = f"svpol_{name}"
        if name in nlp.pipe_names or not _has_factory(factory):
            continue
        nlp.add_pipe(factory, name=name, after=anchor)
        anchor = name
        added.append(name)
    return added


def score_all(nlp: Language, sets: Dict[str, Path], thresholds: Dict[str, float], batch_size: int) -> Dict[str, Any]:
    """Full scores of ``nlp`` on every dev set."""
    return {
        name: evaluate(nlp, path, batch_size=batch_size, thresholds=thresholds, disable=_non_scoring(nlp))
        for name, path in sets.items()
    }


def choose_rule_order(
    nlp: Language, sets: Dict[str, Path], thresholds: Dict[str, float], batch_size: int
) -> Dict[str, Any]:
    """Score the rules before and after ner (and none); keep the order with the best mean core micro-F1."""
    entity_sets = {k: v for k, v in sets.items() if k != "dev-topics"}
    results: Dict[str, Any] = {}
    for position in ("none", "before", "after"):
        if position == "none":
            if RULES in nlp.pipe_names:
                nlp.remove_pipe(RULES)
        else:
            place_entity_rules(nlp, position)
        scores = score_all(nlp, entity_sets, thresholds, batch_size)
        results[position] = {
            name: {"core_micro_f": s["entities"]["core_micro"]["f"], "micro_f": s["entities"]["micro"]["f"]}
            for name, s in scores.items()
        }
        typer.echo(f"entity rules {position}: {json.dumps(results[position])}", err=True)

    def mean_core(position: str) -> float:
        values = [v["core_micro_f"] for v in results[position].values()]
        return sum(values) / len(values) if values else 0.0

    best = max(("before", "after", "none"), key=mean_core)
    if best == "none":
        nlp.remove_pipe(RULES)
    else:
        place_entity_rules(nlp, best)
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


def package(
    nlp: Language,
    output: Path,
    *,
    thresholds: Dict[str, Any],
    dev_scores: Dict[str, Any],
    rule_order: Optional[Dict[str, Any]],
    manifest: Optional[Dict[str, Any]],
) -> None:
    """Write the pipeline to ``output`` with the svpol meta."""
    nlp.meta.update(
        {
            "name": MODEL_NAME,
            "version": __version__,
            "description": "svpol default CPU pipeline for Swedish political text: entities "
            f"({', '.join(ENTITY_LABELS)}) with attributes, and {len(TOPIC_LABELS)} topics per document "
            "and per paragraph (CNN tok2vec, ner, textcat_multilabel, svpol rules and enrichers).",
            "author": "svpol contributors",
            "url": "https://github.com/svpol/svpol",
            "license": LICENSE,
            "sources": SOURCES,
        }
    )
    nlp.meta["svpol"] = {
        "topic_thresholds": thresholds["per_label"],
        "topic_threshold_global": thresholds["global"],
        "topic_calibration": {k: v for k, v in thresholds.items() if k not in ("per_label", "global")},
        "dev_scores": summarize_dev(dev_scores),
        "entity_rules_order": rule_order,
        "corpus_manifest": manifest,
    }
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)


@app.command()
def main(
    data_dir: Path = typer.Option(Path("../shared/data"), "--data-dir", help="Third-party data (see its README)"),
    corpus: Path = typer.Option(Path("corpus"), "--corpus", help="Corpus folder; built if train.spacy is missing"),
    config: Path = typer.Option(Path("configs/cpu.cfg"), "--config", "-c", help="Training config"),
    training_dir: Path = typer.Option(Path("training_output/cpu"), "--training-dir", help="spacy train output"),
    output: Path = typer.Option(Path("models/sv_svpol_cnn"), "--output", "-o", help="Where the pipeline goes"),
    batch_size: int = typer.Option(64, "--batch-size", help="Batch size for scoring"),
    skip_train: bool = typer.Option(False, "--skip-train", help="Reuse TRAINING_DIR/model-best"),
    max_steps: Optional[int] = typer.Option(None, "--max-steps", help="Override training.max_steps"),
) -> None:
    """Train, calibrate, evaluate and package the svpol CPU pipeline."""
    if not config.exists():
        typer.echo(f"{config}: config not found", err=True)
        raise typer.Exit(2)
    ensure_corpus(corpus, data_dir)
    overrides: Dict[str, Any] = {}
    if max_steps is not None:
        overrides["training.max_steps"] = max_steps
    best = training_dir / "model-best" if skip_train else run_spacy_train(config, corpus, training_dir, overrides)
    nlp = spacy.load(best)
    sets = dev_sets(corpus)
    topic_dev = sets.get("dev-topics", sets.get("dev"))
    if topic_dev is None:
        typer.echo(f"{corpus}: no dev*.spacy files to calibrate and evaluate on", err=True)
        raise typer.Exit(2)
    thresholds = calibrate_topics(nlp, topic_dev, batch_size)
    typer.echo(f"topic thresholds: {json.dumps(thresholds)}", err=True)
    rule_order = (
        choose_rule_order(nlp, sets, thresholds["per_label"], batch_size) if _has_factory(RULES_FACTORY) else None
    )
    enrichers = add_enrichers(nlp)
    typer.echo(f"pipeline: {nlp.pipe_names} (enrichers added: {enrichers})", err=True)
    scores = score_all(nlp, sets, thresholds["per_label"], batch_size)
    manifest_path = corpus / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf8")) if manifest_path.exists() else None
    package(nlp, output, thresholds=thresholds, dev_scores=scores, rule_order=rule_order, manifest=manifest)
    scores_path = training_dir / "dev_scores.json"
    scores_path.parent.mkdir(parents=True, exist_ok=True)
    scores_path.write_text(json.dumps(scores, indent=2, ensure_ascii=False), encoding="utf8")
    typer.echo(f"wrote {output} and {scores_path}")


if __name__ == "__main__":
    app()
