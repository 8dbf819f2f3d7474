"""Train, calibrate, evaluate and package the default CPU pipeline.

    nice -n 10 python -m training.train --data-dir ../shared/data

reproduces ``models/sv_svpol_cnn`` in five steps:

1. build ``corpus/`` with ``python -m training.corpus`` if it is missing;
2. ``spacy train configs/cpu.cfg`` in two stages that run in parallel (see
   :func:`training.stages.run_stages`): the topic classifier alone on the topic docs, and the
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

Modules: :mod:`training.stage_data` (corpus, vectors and per-stage files),
:mod:`training.stages` (the ``spacy train`` runs), :mod:`training.assemble` (joining the
stages, placing the rules, adding the svpol components), :mod:`training.scoring` (thresholds,
rule order, dev scores) and :mod:`training.package` (the model folder and its meta); this
module runs them in order.
"""

import json
from pathlib import Path
from typing import Any, Dict, Optional

import typer
from spacy.language import Language
from spacy.tokens import DocBin
from spacy.util import load_config

from svpol.evaluate import scores_markdown

from .assemble import CONFIDENCE, RULES, add_untrained_components, assemble
from .configs import CPU_CONFIG
from .fit_confidence import calibrate as calibrate_confidence
from .fit_topics import EVIDENCE, fit_topic_evidence, fit_topic_model
from .package import MODEL_NAME, package
from .paths import DATA_DIR
from .scoring import calibrate_topics, choose_rule_order, dev_sets, score_all
from .stage_data import GOLD_OUTPUT, ensure_corpus, ensure_topic_gold, ensure_vectors
from .stages import STAGES, run_stages

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
# The settings of topic_evidence's text model (svpol.topic_text_model) in the config.
TEXT_MODEL_SETTINGS = ("hashed_features", "static_vectors", "classifier", "blend", "compound_parts")


def finish(
    nlp: Language,
    corpus: Path,
    output: Path,
    training_dir: Path,
    *,
    batch_size: int,
    name: str = MODEL_NAME,
    architecture: str = "CNN tok2vec",
    config: Path = CPU_CONFIG,
    gold_dir: Path = GOLD_OUTPUT,
    data_dir: Path = DATA_DIR,
) -> Dict[str, Any]:
    """Steps 3-5 for a trained pipeline: thresholds, rule placement, the untrained components of
    ``config``, scores, package, topic evidence and confidence calibration. Shared by this module
    and ``training.train_trf``.

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
    shipped = load_config(config)
    rule_order = (
        choose_rule_order(nlp, entity_sets, thresholds["per_label"], batch_size, shipped)
        if RULES in shipped["nlp"]["pipeline"]
        else None
    )
    added = add_untrained_components(nlp, shipped)
    typer.echo(f"pipeline: {nlp.pipe_names} (added: {added})", err=True)
    scores = score_all(nlp, entity_sets, topic_set, thresholds["per_label"], batch_size)
    manifest_path = corpus / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf8")) if manifest_path.exists() else None
    package(nlp, output, thresholds=thresholds, dev_scores=scores, rule_order=rule_order, manifest=manifest,
            name=name, architecture=architecture)
    evidence = fit_topic_evidence(output, topic_set, output, batch_size=batch_size)
    typer.echo(f"topic evidence: cross-fitted micro F1 {evidence['classifier_only_crossfit_micro']['f']:.3f} "
               f"(classifier) -> {evidence['crossfit_micro']['f']:.3f}", err=True)
    text_model = {key: shipped["components"].get(EVIDENCE, {}).get(key) for key in TEXT_MODEL_SETTINGS}
    if text_model["hashed_features"] or text_model["static_vectors"]:
        # The config's topic model learns the guide's topics from the hand-annotated paragraphs.
        files = ensure_topic_gold(gold_dir, data_dir)
        record = fit_topic_model(output, files, output, batch_size=batch_size, **text_model)
        typer.echo(f"topic text model: {record['n_docs']} hand-annotated paragraphs, cross-validated micro F1 "
                   f"{record['crossfit_micro']['f']:.3f}", err=True)
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
    topic_gold: Path = typer.Option(
        GOLD_OUTPUT, "--topic-gold",
        help="Folder with the topic files of `python -m training gold build` (gold-train, topics-train, "
             "topics-written, topics-templates) that the topic model is fitted on; built there if missing"),
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
    finish(nlp, corpus, output, training_dir, batch_size=batch_size, config=config, gold_dir=topic_gold,
           data_dir=data_dir)


if __name__ == "__main__":
    app()
