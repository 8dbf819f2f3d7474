"""The ``spacy train`` runs of the CPU pipeline: two stages, trained in parallel processes.

Stage ``topics`` trains the topic classifier alone on the topic docs; stage ``ner`` trains
tok2vec and ner on the docs with entities (see :func:`run_stages`).
"""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import typer

from svpol.components.soft_textcat import SOFT_TEXTCAT_FACTORY

from .paths import REPO
from .stage_data import split_training_data

# The training stages (see run_stages) and the components each one's `spacy train` run builds, in
# config order: the topic classifier alone; tok2vec and ner (its topic classifier is replaced by the
# first stage's). The config's other components are added when the stages are assembled
# (training.assemble), so that only the trained components select the checkpoints.
STAGE_PIPELINES: Dict[str, Tuple[str, ...]] = {
    "topics": ("textcat_multilabel",),
    "ner": ("tok2vec", "ner", "textcat_multilabel", "paragraph_topics"),
}
STAGES = tuple(STAGE_PIPELINES)


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
            "nlp.pipeline": list(STAGE_PIPELINES["topics"]),
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
            "nlp.pipeline": list(STAGE_PIPELINES["ner"]),
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
