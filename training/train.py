"""Train, calibrate, evaluate and package the default CPU pipeline.

    nice -n 10 python -m training.train --data-dir ../shared/data

reproduces ``models/sv_svpol_cnn`` in four steps:

1. build ``corpus/`` with ``python -m training.corpus`` if it is missing;
2. ``spacy train configs/cpu.cfg`` in two stages that run in parallel (see
   :func:`run_stages`): the topic classifier alone on the topic docs, and the
   whole pipeline on the docs with entities; the topic classifier of the first
   replaces that of the second. Dev data only selects checkpoints.
   (``spacy train configs/cpu.cfg --paths.train corpus/train.spacy --paths.dev
   corpus/dev.spacy`` trains everything jointly too, but needs far more CPU time
   for the same number of topic examples.)
3. choose topic thresholds on ``corpus/dev-topics.spacy`` (see
   :func:`svpol.evaluate.find_topic_thresholds`) and, where the knowledge
   components exist, the position of the entity rules (before or after ``ner``,
   whichever scores better on the dev sets) and the enrichers after ``ner``;
4. score every ``corpus/dev*.spacy`` file and write the pipeline with name,
   version, sources, licences, thresholds and dev scores in its meta;
5. fit the topic evidence component on dev-topics (:mod:`training.fit_topics`,
   which also re-chooses the thresholds) and calibrate the confidence scores on
   dev (:mod:`training.fit_confidence`), which switches them on.
"""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

import spacy
import typer
from spacy.language import Language
from spacy.tokens import DocBin
from spacy.util import registry

import svpol.components  # noqa: F401  (registers the svpol factories)
from svpol.components.soft_textcat import SOFT_TEXTCAT_FACTORY
from svpol.about import __version__, model_requirement
from svpol.evaluate import (
    all_but_classifier,
    crossfit_topic_scores,
    evaluate,
    find_topic_thresholds,
    predict,
    read_docs,
    scores_markdown,
)
from svpol.labels import ENTITY_LABELS, TOPIC_LABELS
from svpol.tokenizer import TOKENIZER

from .fit_confidence import calibrate as calibrate_confidence
from .fit_topics import fit_topic_evidence
from .paths import DATA_DIR, REPO

MODEL_NAME = "svpol_cnn"  # spaCy prefixes the language: the package is sv_svpol_cnn
RULES = "entity_rules"
RULES_FACTORY = "svpol_entity_rules"
# Enrichers read entities and add attributes: they go after ner and the rules.
ENRICHERS = ("politicians", "parties", "authorities", "money")
# Drops entities that are never entities (law abbreviations, title words): right after ner and the rules.
NOT_ENTITIES = "not_entities"
# Takes titles out of PERSON spans: after the non-entity filter, before the politician enricher.
PERSON_SPANS = "person_spans"
# The hand-annotated gold dev set in the corpus (training.gold).
GOLD_DEV = "dev-gold.spacy"
# Confidence reads entities, the rule matches and doc.cats: it goes last.
CONFIDENCE = "confidence"
# Data sources and their licences; the share-alike licence of UNER governs the model.
SOURCES: List[Dict[str, str]] = [
    {"name": "Universal NER, Swedish Talbanken", "url": "https://github.com/UniversalNER/UNER_Swedish-Talbanken", "license": "CC BY-SA 4.0"},
    {"name": "swedish-ner-corpus (klintan)", "url": "https://github.com/klintan/swedish-ner-corpus", "license": "CC BY 4.0"},
    {"name": "SUC 3.0 (SUCX dev split, automatic NE layer)", "url": "https://spraakbanken.gu.se/en/resources/suc3", "license": "CC BY 4.0"},
    {"name": "swerik-project riksdagen-interpellations and riksdagen-persons", "url": "https://github.com/swerik-project", "license": "see the source repositories"},
    {"name": "civictechsweden myndighetsdata", "url": "https://github.com/civictechsweden/myndighetsdata", "license": "see the source repository"},
]
LICENSE = "CC BY-SA 4.0"
# Training stages (see run_stages): the topic classifier alone, and tok2vec + ner.
STAGES = ("topics", "ner")

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


def _build(what: str, module: str, args: List[str]) -> None:
    """Run ``python -m module args`` from the repository root, saying what it builds."""
    cmd = [sys.executable, "-m", module, *args]
    typer.echo(f"building {what}: " + " ".join(cmd), err=True)
    subprocess.run(cmd, cwd=REPO, check=True)


def ensure_corpus(corpus: Path, data_dir: Path) -> None:
    """Build the training corpus with ``training.corpus`` unless ``corpus/train.spacy`` exists."""
    if not (corpus / "train.spacy").exists():
        _build("corpus", "training.corpus", ["--data-dir", str(data_dir), "--output", str(corpus)])


def ensure_vectors(vectors: Path, corpus: Path, data_dir: Path) -> Path:
    """The vectors pipeline folder ``vectors/model``; built with ``training.vectors`` unless it exists."""
    model = vectors / "model"
    if not (model / "vocab").is_dir():
        _build("static vectors", "training.vectors",
               ["--data-dir", str(data_dir), "--corpus", str(corpus), "--output", str(vectors)])
    return model


def split_training_data(corpus: Path, work: Path, dev_tokens: int) -> Dict[str, Path]:
    """Write the per-stage training files into ``work``.

    - ``train-topics.spacy``: train docs with topic labels (stage 1, the topic classifier);
    - ``train-ner.spacy``: train docs with entity annotation (stage 2); whole documents
      that only carry topics would cost tok2vec and ner time and teach them nothing;
    - ``dev-select.spacy``: every k-th dev doc with entity annotation, about
      ``dev_tokens`` tokens, for choosing the stage 2 checkpoint quickly.
    """
    vocab = spacy.blank("sv").vocab
    train = list(DocBin().from_disk(corpus / "train.spacy").get_docs(vocab))
    dev = [d for d in DocBin().from_disk(corpus / "dev.spacy").get_docs(vocab) if d.has_annotation("ENT_IOB")]
    # Real gold decides: all of gold-dev is in the selection sample, the rest of dev is sampled.
    gold_dev = list(DocBin().from_disk(corpus / GOLD_DEV).get_docs(vocab)) if (corpus / GOLD_DEV).exists() else []
    gold_texts = {d.text for d in gold_dev}
    dev = [d for d in dev if d.text not in gold_texts]
    step = max(1, -(-sum(len(d) for d in dev) // dev_tokens))
    parts = {
        "train-topics": [d for d in train if d.cats],
        "train-ner": [d for d in train if d.has_annotation("ENT_IOB")],
        "dev-select": dev[::step] + gold_dev,
    }
    work.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, docs in parts.items():
        if not docs:
            raise ValueError(f"{corpus}: no docs for {name}")
        paths[name] = work / f"{name}.spacy"
        DocBin(docs=docs, store_user_data=True).to_disk(paths[name])
        typer.echo(f"{paths[name]}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens", err=True)
    return paths


def _train_command(config: Path, output: Path, overrides: Dict[str, Any]) -> List[str]:
    cmd = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(output)]
    for key, value in overrides.items():
        cmd += [f"--{key}", json.dumps(value) if not isinstance(value, str) else value]
    return cmd


def stage_overrides(
    corpus: Path, data: Dict[str, Path], *, topics_steps: int, ner_steps: int, vectors: Optional[Path] = None
) -> Dict[str, Dict[str, Any]]:
    """The config overrides of the two training stages (see ``run_stages``)."""
    stages = {
        "topics": {
            "paths.train": str(data["train-topics"]),
            "paths.dev": str(corpus / "dev-topics.spacy"),
            "nlp.pipeline": ["textcat_multilabel"],
            "training.max_steps": topics_steps,
            "training.score_weights.ents_f": 0.0,
            "training.score_weights.cats_micro_f": 1.0,
            # Bag-of-words steps are cheap: larger batches; a higher learning rate lets
            # rare n-gram weights move in few epochs (0.003 beat 0.001 and 0.01 on dev).
            "training.batcher.size.start": 2000,
            "training.batcher.size.stop": 2000,
            "training.optimizer.learn_rate": 0.003,
        },
        "ner": {
            "paths.train": str(data["train-ner"]),
            "paths.dev": str(data["dev-select"]),
            "training.max_steps": ner_steps,
            # Frequent checkpoints: a run stopped early still leaves a recent model-best.
            "training.eval_frequency": 250,
            "training.score_weights.ents_f": 1.0,
            "training.score_weights.cats_micro_f": 0.0,
        },
    }
    if vectors is not None:
        for overrides in stages.values():
            overrides["paths.vectors"] = str(vectors)
        stages["ner"]["components.tok2vec.model.embed.include_static_vectors"] = True
    return stages


def run_stages(
    config: Path,
    corpus: Path,
    training_dir: Path,
    *,
    topics_steps: int,
    ner_steps: int,
    dev_tokens: int,
    vectors: Optional[Path] = None,
    stages: Sequence[str] = STAGES,
    topics_train: Optional[Path] = None,
) -> Dict[str, Path]:
    """Train the stages in parallel processes; returns the best pipeline of every stage.

    Stage 1 trains ``textcat_multilabel`` alone on the topic docs (a bag-of-words
    model: cheap, so it can see the topic docs several times). Stage 2 trains the
    whole config on the docs with entities and selects its checkpoint on entities
    only; its topic classifier is then replaced by the one of stage 1. With
    ``vectors`` (a pipeline folder, see ``training.vectors``) the tok2vec of stage 2
    also embeds static vectors; both stages load them so the assembled pipeline has one vocabulary.
    Stages left out of ``stages`` are reused from ``training_dir/<stage>/model-best``;
    ``topics_train`` replaces the corpus's topic docs in stage 1 (e.g. the distilled targets
    of ``training.distill_topics``).
    """
    unknown = set(stages) - set(STAGES)
    if unknown:
        raise ValueError(f"unknown stage(s) {sorted(unknown)}: choose from {list(STAGES)}")
    models = {name: training_dir / name / "model-best" for name in STAGES}
    missing = [str(path) for name, path in models.items() if name not in stages and not path.exists()]
    if missing:
        raise ValueError(f"stages to reuse are not trained: {', '.join(missing)}")
    if not stages:
        return models
    data = split_training_data(corpus, training_dir, dev_tokens)
    if topics_train is not None:
        data["train-topics"] = topics_train
    overrides_by_stage = stage_overrides(corpus, data, topics_steps=topics_steps, ner_steps=ner_steps, vectors=vectors)
    if topics_train is not None:
        # Distilled targets are scores, not 0/1: spaCy's own classifier refuses to train on them.
        overrides_by_stage["topics"]["components.textcat_multilabel.factory"] = SOFT_TEXTCAT_FACTORY
    procs = {}
    for name in stages:
        cmd = _train_command(config, training_dir / name, overrides_by_stage[name])
        log = training_dir / f"{name}.log"
        typer.echo(f"stage {name}: {' '.join(cmd)} > {log}", err=True)
        procs[name] = subprocess.Popen(cmd, cwd=REPO, stdout=log.open("w"), stderr=subprocess.STDOUT)
    failed = [name for name, proc in procs.items() if proc.wait() != 0]
    if failed:
        raise RuntimeError(f"training stage(s) {', '.join(failed)} failed: see {training_dir}/<stage>.log")
    return models


def assemble(stage_models: Dict[str, Path]) -> Language:
    """The stage 2 pipeline with the topic classifier of stage 1."""
    nlp = spacy.load(stage_models["ner"])
    topics = spacy.load(stage_models["topics"])
    position = nlp.pipe_names.index("textcat_multilabel")
    nlp.remove_pipe("textcat_multilabel")
    nlp.add_pipe("textcat_multilabel", source=topics, before=nlp.pipe_names[position])
    return nlp


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
    """Components that do not change entities or doc.cats, skipped while scoring."""
    return [name for name in nlp.pipe_names if name in ("paragraph_topics", CONFIDENCE) or name in ENRICHERS]


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
    nlp: Language, entity_sets: Dict[str, Path], thresholds: Dict[str, float], batch_size: int
) -> Dict[str, Any]:
    """Score the entity rules before and after ner; keep the order with the best mean core micro-F1."""
    results: Dict[str, Any] = {}
    for position in ("before", "after"):
        place_entity_rules(nlp, position)
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


def use_current_tokenizer(nlp: Language) -> None:
    """Give ``nlp`` the svpol tokenizer of this version of the library, in the pipeline and its config."""
    if nlp.config["nlp"]["tokenizer"].get("@tokenizers") != TOKENIZER:
        nlp.tokenizer = registry.tokenizers.get(TOKENIZER)()(nlp)
        nlp.config["nlp"]["tokenizer"] = {"@tokenizers": TOKENIZER}


def package(
    nlp: Language,
    output: Path,
    *,
    thresholds: Dict[str, Any],
    dev_scores: Dict[str, Any],
    rule_order: Optional[Dict[str, Any]],
    manifest: Optional[Dict[str, Any]],
    name: str = MODEL_NAME,
    architecture: str = "CNN tok2vec",
) -> None:
    """Write the pipeline to ``output`` with the svpol meta; ``architecture`` goes into the description.

    The packaged pipeline gets the library's current tokenizer (``svpol.tokenizer.TOKENIZER``):
    later versions only add splits between names (v2: ``Malmö–Lund``), which the trained
    components take as they take any other token boundary.
    """
    use_current_tokenizer(nlp)
    nlp.meta.update(
        {
            "name": name,
            "version": __version__,
            "description": "svpol pipeline for Swedish political text: entities "
            f"({', '.join(ENTITY_LABELS)}) with attributes, and {len(TOPIC_LABELS)} topics per document "
            f"and per paragraph ({architecture}, ner, textcat_multilabel, svpol rules and enrichers).",
            "author": "svpol contributors",
            "url": "https://github.com/svpol/svpol",
            "license": LICENSE,
            # the svpol versions this pipeline works with; svpol.load checks it
            "requirements": [model_requirement()],
            "sources": SOURCES,
            "performance": performance(dev_scores),
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
    if CONFIDENCE in nlp.pipe_names:
        # Uncalibrated scores are not worth their cost: the component stays off until
        # training.fit_confidence has fitted its curves (main() does that next).
        nlp.disable_pipe(CONFIDENCE)
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)


def finish(
    nlp: Language,
    corpus: Path,
    output: Path,
    training_dir: Path,
    *,
    batch_size: int,
    name: str = MODEL_NAME,
    architecture: str = "CNN tok2vec",
) -> Dict[str, Any]:
    """Steps 3-5 for a trained pipeline: thresholds, rule placement, enrichers, scores, package,
    topic evidence and confidence calibration. Shared by this module and ``training.train_trf``.

    Returns:
        The dev scores (also written to ``training_dir/dev_scores.json`` and ``.md``).
    """
    sets = dev_sets(corpus)
    # "dev" is the union of the per-source sets: scoring it again would only repeat them.
    entity_sets = {k: v for k, v in sets.items() if k not in ("dev", "dev-topics")}
    topic_set = sets.get("dev-topics")
    if topic_set is None or not entity_sets:
        typer.echo(f"{corpus}: needs dev-topics.spacy and per-source dev-*.spacy files", err=True)
        raise typer.Exit(2)
    thresholds = calibrate_topics(nlp, topic_set, batch_size)
    typer.echo(f"topic thresholds: {json.dumps(thresholds)}", err=True)
    rule_order = (
        choose_rule_order(nlp, entity_sets, thresholds["per_label"], batch_size)
        if _has_factory(RULES_FACTORY)
        else None
    )
    enrichers = add_enrichers(nlp)
    typer.echo(f"pipeline: {nlp.pipe_names} (enrichers added: {enrichers})", err=True)
    scores = score_all(nlp, entity_sets, topic_set, thresholds["per_label"], batch_size)
    manifest_path = corpus / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf8")) if manifest_path.exists() else None
    package(nlp, output, thresholds=thresholds, dev_scores=scores, rule_order=rule_order, manifest=manifest,
            name=name, architecture=architecture)
    evidence = fit_topic_evidence(output, topic_set, output, batch_size=batch_size)
    typer.echo(f"topic evidence: cross-fitted micro F1 {evidence['classifier_only_crossfit_micro']['f']:.3f} "
               f"(classifier) -> {evidence['crossfit_micro']['f']:.3f}", err=True)
    if CONFIDENCE in nlp.component_names:
        # 1,200 docs to fit the curves and 800 to measure them; fewer (60/40) on a small dev set.
        n_dev = len(DocBin().from_disk(corpus / "dev.spacy"))
        n_fit = min(1200, n_dev * 3 // 5)
        calibration = calibrate_confidence(output, corpus / "dev.spacy", output,
                                           n_fit=n_fit, n_eval=min(800, n_dev - n_fit))
        typer.echo(f"confidence ECE: {calibration['ece_raw']} -> {calibration['ece_calibrated']}", err=True)
    scores_path = training_dir / "dev_scores.json"
    scores_path.parent.mkdir(parents=True, exist_ok=True)
    scores_path.write_text(json.dumps(scores, indent=2, ensure_ascii=False), encoding="utf8")
    (training_dir / "dev_scores.md").write_text(scores_markdown(scores), encoding="utf8")
    typer.echo(f"wrote {output}, {scores_path} and dev_scores.md")
    return scores


@app.command()
def main(
    data_dir: Path = typer.Option(DATA_DIR, "--data-dir", help="Third-party data (see its README)"),
    corpus: Path = typer.Option(Path("corpus"), "--corpus", help="Corpus folder; built if train.spacy is missing"),
    config: Path = typer.Option(Path("configs/cpu.cfg"), "--config", "-c", help="Training config"),
    training_dir: Path = typer.Option(Path("training_output/cpu"), "--training-dir", help="spacy train output"),
    output: Path = typer.Option(Path("models/sv_svpol_cnn"), "--output", "-o", help="Where the pipeline goes"),
    batch_size: int = typer.Option(64, "--batch-size", help="Batch size for scoring"),
    skip_train: bool = typer.Option(False, "--skip-train", help="Reuse TRAINING_DIR/{topics,ner}/model-best"),
    stages: str = typer.Option(",".join(STAGES), "--stages",
                               help="Comma-separated stages to train (topics, ner); the others are reused "
                                    "from TRAINING_DIR/<stage>/model-best"),
    topics_train: Optional[Path] = typer.Option(
        None, "--topics-train", help="Stage 1 training docs instead of the corpus's topic docs "
                                     "(e.g. distilled targets from training.distill_topics)"),
    topics_steps: int = typer.Option(3000, "--topics-steps", help="Steps of stage 1 (topic classifier)"),
    ner_steps: int = typer.Option(4000, "--ner-steps", help="Steps of stage 2 (tok2vec and ner)"),
    dev_tokens: int = typer.Option(30000, "--dev-tokens", help="Size of the dev sample that picks the ner checkpoint"),
    vectors: Optional[Path] = typer.Option(
        Path("training_output/vectors"), "--vectors",
        help="Static vectors for the tok2vec: the output folder of training.vectors, built if missing"),
    no_vectors: bool = typer.Option(False, "--no-vectors", help="Train the tok2vec without static vectors"),
) -> None:
    """Train, calibrate, evaluate and package the svpol CPU pipeline."""
    for path, what in ((config, "config"), (topics_train, "--topics-train file")):
        if path is not None and not path.exists():
            typer.echo(f"{path}: {what} not found", err=True)
            raise typer.Exit(2)
    to_train = [] if skip_train else [name.strip() for name in stages.split(",") if name.strip()]
    ensure_corpus(corpus, data_dir)
    vectors_model = None if no_vectors or vectors is None or not to_train else ensure_vectors(vectors, corpus, data_dir)
    try:
        stage_models = run_stages(
            config, corpus, training_dir, topics_steps=topics_steps, ner_steps=ner_steps, dev_tokens=dev_tokens,
            vectors=vectors_model, stages=to_train, topics_train=topics_train,
        )
    except ValueError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(2)
    nlp = assemble(stage_models)
    finish(nlp, corpus, output, training_dir, batch_size=batch_size)


if __name__ == "__main__":
    app()
