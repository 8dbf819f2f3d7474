"""Train ``configs/trf.cfg`` in bounded, resumable chunks, then calibrate and package it.

On a GPU one ``spacy train configs/trf.cfg --gpu-id 0`` run is enough. On a shared CPU a
transformer needs thousands of slow steps, so this wrapper trains in chunks that can stop and
continue across sessions::

    nice -n 19 python -m training.train_trf train --backbone backbones/me5-small-sv \\
        --output training_output/trf --chunk-steps 100 --total-steps 2000 --freeze-layers 6
    # ... later, the same command continues from the last checkpoint
    nice -n 19 python -m training.train_trf package --output models/sv_svpol_trf

How a chunk continues where the previous one stopped:

- weights: the pipeline of the last completed evaluation (``OUTPUT/checkpoint``, or the model
  an interrupted chunk saved at its last evaluation) is loaded and trained further;
- learning rate: ``warmup_linear`` is re-parameterized so that step ``s`` of the new chunk gets
  the rate that step ``N + s`` of one uninterrupted run would get (exact after warmup; a chunk
  that starts inside the warmup ramps up again from zero);
- data: the shuffling seed changes with each chunk so that chunks do not repeat the same batches.

Adam's moment estimates are not saved by spaCy and restart at zero with each chunk.
Progress, timing and the learning curve (dev scores at every evaluation, with the global step)
are kept in ``OUTPUT/progress.json``.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

import typer
from spacy.util import registry

from .paths import REPO
from .stage_data import GOLD_OUTPUT
from .stages import STAGE_PIPELINES

CONFIG = REPO / "configs" / "trf.cfg"
# The components trained here: the CPU pipeline's ner stage with the transformer for the tok2vec.
# The config's rules and enrichers are added when packaging (training.train.finish), so
# checkpoints are chosen on the statistical components' scores.
TRAINED_PIPELINE = ["transformer" if name == "tok2vec" else name for name in STAGE_PIPELINES["ner"]]
PROGRESS = "progress.json"
CHECKPOINT = "checkpoint"
BEST = "model-best"
TRF_MODEL_NAME = "svpol_trf"

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, no_args_is_help=True)


@registry.loggers("svpol.ProgressLogger.v1")
def progress_logger(progress_bar: bool = False, console_output: bool = True, output_file: Optional[str] = None):
    """spaCy's console table plus one JSON line per evaluation, flushed at once.

    spaCy's own JSONL log is buffered until training ends, so a killed run would lose it; this
    one is on disk as soon as the checkpoint of that evaluation is (spaCy saves, then logs).
    """
    console = registry.loggers.get("spacy.ConsoleLogger.v2")(progress_bar=progress_bar, console_output=console_output)

    def setup(nlp, stdout=sys.stdout, stderr=sys.stderr):
        log_step, finalize = console(nlp, stdout, stderr)
        # spaCy's info["seconds"] is whole seconds: too coarse for per-step timing of short chunks.
        started = time.perf_counter()
        stream = None
        if output_file:
            Path(output_file).parent.mkdir(parents=True, exist_ok=True)
            stream = open(output_file, "a", encoding="utf8")

        def step(info: Optional[Dict[str, Any]]) -> None:
            log_step(info)
            if info is None or stream is None:
                return
            scores = info["other_scores"]
            row = {
                "step": info["step"],
                "score": float(info["score"]),
                "scores": {k: float(v) for k, v in scores.items() if isinstance(v, (int, float))},
                "ents_per_type": {k: round(v["f"], 4) for k, v in (scores.get("ents_per_type") or {}).items()},
                "losses": {k: float(v) for k, v in info["losses"].items()},
                "seconds": round(time.perf_counter() - started, 3),
                "words": info["words"],
            }
            stream.write(json.dumps(row) + "\n")
            stream.flush()

        def finish() -> None:
            finalize()
            if stream is not None:
                stream.close()

        return step, finish

    return setup


class WallClockReached(Exception):
    """Raised by :func:`wall_clock_stop` to end spaCy's training loop; ``step`` updates were done."""

    def __init__(self, step: int) -> None:
        super().__init__(f"wall-clock budget reached after {step} updates")
        self.step = step


@registry.callbacks("svpol.WallClockStop.v1")
def wall_clock_stop(max_seconds: float, eval_frequency: int, stop_at: Optional[float] = None):
    """A ``training.before_update`` callback that ends training within ``max_seconds`` of its first update.

    It stops right after an evaluation when the next evaluation period (estimated by the last
    one) would end past the budget, so that no updates are wasted after the last checkpoint; it
    stops at any update once the budget is spent. spaCy's loop then saves ``model-last`` (the
    weights after the last update) and re-raises :class:`WallClockReached`.

    Args:
        max_seconds: the budget, counted from the first update (initialization not included).
        eval_frequency: the loop's ``training.eval_frequency``.
        stop_at: also stop by this time (``time.time()``), so that a whole job fits a deadline.
    """
    clock: Dict[str, float] = {}

    def before_update(nlp, args: Dict[str, Any]) -> None:
        step, now = args["step"], time.monotonic()
        start = clock.setdefault("start", now)
        left = max_seconds - (now - start)
        if stop_at is not None:
            left = min(left, stop_at - time.time())
        # spaCy evaluates after updates 0, f, 2f, ...: here update step - 1 was one of them.
        if step and (step - 1) % eval_frequency == 0:
            period = now - clock.get("boundary", start)
            clock["boundary"] = now
            if period > left:
                raise WallClockReached(step)
        if left < 0:
            raise WallClockReached(step)

    return before_update


def resumed_schedule(initial_rate: float, warmup_steps: int, total_steps: int, done: int) -> Dict[str, Any]:
    """``warmup_linear.v1`` settings that continue an uninterrupted schedule after ``done`` updates.

    ``warmup_linear`` gives ``r * (T - n) / (T - W)`` at update ``n >= W``; with ``W' = 0``,
    ``T' = T - N`` and ``r' = r * (T - N) / (T - W)`` update ``s`` of the new run gets exactly
    ``r * (T - N - s) / (T - W)``.

    Raises:
        ValueError: if the schedule is already finished.
    """
    if done >= total_steps:
        raise ValueError(f"the schedule is finished ({done} of {total_steps} steps done)")
    if done < warmup_steps:
        # The remaining warmup restarts from zero; the decline afterwards is exact.
        return {"initial_rate": initial_rate, "warmup_steps": warmup_steps - done,
                "total_steps": total_steps - done}
    rate = initial_rate * (total_steps - done) / max(1, total_steps - warmup_steps)
    return {"initial_rate": rate, "warmup_steps": 0, "total_steps": total_steps - done}


def freeze_lower_layers(nlp, n_layers: int) -> int:
    """Stop gradients for the embeddings and the lowest ``n_layers`` transformer layers.

    Frozen parameters get no gradient, so the backward pass stops above them and the optimizer
    skips them: the embedding matrix alone is most of the parameters of a 250k-piece model.

    Returns:
        The number of parameters left trainable.
    """
    if n_layers < 0:
        raise ValueError(f"freeze-layers must be >= 0, got {n_layers}")
    hf_model = nlp.get_pipe("transformer").model.transformer
    if n_layers == 0:
        return sum(p.numel() for p in hf_model.parameters() if p.requires_grad)
    layers = hf_model.encoder.layer
    if n_layers > len(layers):
        raise ValueError(f"freeze-layers {n_layers} exceeds the {len(layers)} layers of the backbone")
    for module in [hf_model.embeddings, *layers[:n_layers]]:
        for param in module.parameters():
            param.requires_grad = False
    return sum(p.numel() for p in hf_model.parameters() if p.requires_grad)


def _read_progress(output: Path) -> Dict[str, Any]:
    path = output / PROGRESS
    if path.exists():
        return json.loads(path.read_text(encoding="utf8"))
    return {"steps_done": 0, "best_score": None, "chunks": [], "curve": []}


def _write_progress(output: Path, progress: Dict[str, Any]) -> None:
    tmp = output / (PROGRESS + ".tmp")
    tmp.write_text(json.dumps(progress, indent=2), encoding="utf8")
    tmp.replace(output / PROGRESS)


def _read_log(path: Path) -> List[Dict[str, Any]]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf8").splitlines():
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:  # a line cut off by an interrupted run
            break
    return rows


def _replace_dir(src: Path, dst: Path) -> None:
    """Move ``src`` to ``dst``, replacing it, so that ``dst`` is never half-written."""
    tmp = dst.with_name(dst.name + ".old")
    if tmp.exists():
        shutil.rmtree(tmp)
    if dst.exists():
        dst.rename(tmp)
    shutil.move(str(src), str(dst))
    if tmp.exists():
        shutil.rmtree(tmp)


def _record_chunk(output: Path, progress: Dict[str, Any], chunk_dir: Path, start: int,
                  seconds: Optional[float] = None, updates: Optional[int] = None) -> None:
    """Fold a chunk's evaluations into the progress and keep its models.

    ``updates`` is given for a chunk that ran to its end (its ``model-last`` was saved after the
    last update); an interrupted chunk's ``model-last`` is the one of its last logged evaluation.
    """
    log = _read_log(chunk_dir / "log.jsonl")
    if not log:
        shutil.rmtree(chunk_dir, ignore_errors=True)
        return
    for row in log:
        progress["curve"].append({"step": start + row["step"] + 1, **{k: v for k, v in row.items() if k != "step"}})
    best_row = max(log, key=lambda r: r["score"])
    if (chunk_dir / BEST).exists() and (progress["best_score"] is None or best_row["score"] > progress["best_score"]):
        _replace_dir(chunk_dir / BEST, output / BEST)
        progress["best_score"] = best_row["score"]
        progress["best_step"] = start + best_row["step"] + 1
    _replace_dir(chunk_dir / "model-last", output / CHECKPOINT)
    last = updates if updates is not None else log[-1]["step"] + 1
    progress["steps_done"] = start + last
    # The loop's own clock (no corpus loading or saving) up to the last evaluation.
    loop_seconds, loop_steps = log[-1].get("seconds"), log[-1]["step"] + 1
    progress["chunks"].append({
        "start": start, "steps": last, "wall_seconds": seconds, "loop_seconds": loop_seconds,
        "seconds_per_step": round(loop_seconds / loop_steps, 2) if loop_seconds else None,
        "words_per_second": round(log[-1]["words"] / loop_seconds, 1) if loop_seconds else None,
    })
    progress.pop("running", None)
    shutil.rmtree(chunk_dir, ignore_errors=True)


def _train_file(output: Path, train: Path, sample: int) -> Path:
    """``train``, or a seeded random sample of ``sample`` of its docs written once to ``output``."""
    if not sample:
        return train
    path = output / f"train-sample-{sample}.spacy"
    if not path.exists():
        import random

        from spacy.tokens import DocBin
        from spacy.vocab import Vocab

        docs = list(DocBin(store_user_data=True).from_disk(train).get_docs(Vocab()))
        chosen = random.Random(0).sample(docs, min(sample, len(docs)))
        DocBin(docs=chosen, store_user_data=True).to_disk(path)
    return path


def train_chunk(
    output: Path,
    *,
    backbone: str,
    corpus: Path,
    chunk_steps: int,
    total_steps: int,
    warmup_steps: int = 100,
    learn_rate: float = 5e-5,
    eval_frequency: Optional[int] = None,
    dev_limit: int = 0,
    train_sample: int = 0,
    freeze_layers: int = 0,
    gpu_id: int = -1,
    config: Path = CONFIG,
    overrides: Optional[Dict[str, Any]] = None,
    max_seconds: Optional[float] = None,
    stop_at: Optional[float] = None,
) -> Dict[str, Any]:
    """Train one chunk of at most ``chunk_steps`` updates, continuing from the last checkpoint.

    Args:
        output: the training folder (checkpoint, best model, progress.json).
        backbone: the transformer (hub name or folder); used when no checkpoint exists yet.
        corpus: folder with ``train.spacy`` and ``dev.spacy``.
        chunk_steps: updates in this chunk (an evaluation comes after each ``eval_frequency``).
        total_steps: length of the whole learning-rate schedule, over all chunks.
        warmup_steps, learn_rate: the rest of the ``warmup_linear`` schedule.
        eval_frequency: updates between evaluations (default: ``chunk_steps``).
        dev_limit: score on the first ``dev_limit`` dev docs only (0: all).
        train_sample: train on a seeded random sample of this many training docs, drawn once
            and kept for all chunks (0: all). Loading and initializing on the whole corpus
            costs minutes per chunk on a busy CPU, more than a chunk's steps can use.
        freeze_layers: transformer layers (with the embeddings) that get no updates.
        gpu_id: GPU to use, -1 for CPU.
        config: the training config.
        overrides: further config overrides (dot names).
        max_seconds: end the chunk within this many seconds of its first update (see
            :func:`wall_clock_stop`); the chunk is then recorded with the updates it made.
        stop_at: with ``max_seconds``, also end it by this time (``time.time()``).

    Returns:
        The updated progress record.
    """
    import spacy
    from spacy.cli._util import setup_gpu
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train
    from spacy.util import load_config

    import svpol.components  # noqa: F401  (registers the svpol factories)

    if chunk_steps < 2:
        raise ValueError(f"chunk-steps must be at least 2, got {chunk_steps}")
    output.mkdir(parents=True, exist_ok=True)
    progress = _read_progress(output)
    running = progress.get("running")
    if running:  # an interrupted chunk: keep what it saved at its last evaluation
        _record_chunk(output, progress, Path(running["dir"]), running["start"])
        _write_progress(output, progress)
    done = progress["steps_done"]
    if done >= total_steps:
        typer.echo(f"{output}: schedule finished ({done} of {total_steps} steps)", err=True)
        return progress
    eval_frequency = eval_frequency or chunk_steps
    # spaCy's loop runs updates 0..max_steps, i.e. max_steps + 1 of them (max_steps 0: no limit).
    updates = max(2, min(chunk_steps, total_steps - done))
    chunk_dir = output / f"chunk-{done:06d}"
    settings: Dict[str, Any] = {
        "paths.train": str(_train_file(output, corpus / "train.spacy", train_sample)),
        "paths.dev": str(corpus / "dev.spacy"),
        "nlp.pipeline": TRAINED_PIPELINE,
        "corpora.dev.limit": dev_limit,
        "system.seed": len(progress["chunks"]),
        "training.max_steps": updates - 1,
        "training.eval_frequency": min(eval_frequency, updates - 1),
        "training.patience": 0,
        "training.logger.@loggers": "svpol.ProgressLogger.v1",
        "training.logger.output_file": str(chunk_dir / "log.jsonl"),
    }
    schedule = resumed_schedule(learn_rate, warmup_steps, total_steps, done)
    settings.update({f"training.optimizer.learn_rate.{k}": v for k, v in schedule.items()})
    if max_seconds is not None:
        settings["training.before_update"] = {"@callbacks": "svpol.WallClockStop.v1", "max_seconds": max_seconds,
                                              "eval_frequency": settings["training.eval_frequency"],
                                              "stop_at": stop_at}
    settings.update(overrides or {})
    setup_gpu(gpu_id)
    checkpoint = output / CHECKPOINT
    if checkpoint.exists():
        from spacy.util import dot_to_dict

        nlp = spacy.load(checkpoint, config=dot_to_dict(settings))
    else:
        settings["components.transformer.model.name"] = backbone
        nlp = init_nlp(load_config(config, overrides=settings, interpolate=False), use_gpu=gpu_id)
    trainable = freeze_lower_layers(nlp, freeze_layers)
    typer.echo(f"chunk from step {done}: {updates} updates, lr {schedule}, "
               f"{trainable:,} trainable transformer parameters", err=True)
    progress["running"] = {"dir": str(chunk_dir), "start": done}
    progress.pop("stopped_by_clock", None)
    progress.setdefault("settings", {}).update({"backbone": backbone, "total_steps": total_steps,
                                                "warmup_steps": warmup_steps, "learn_rate": learn_rate,
                                                "freeze_layers": freeze_layers, "gpu_id": gpu_id})
    _write_progress(output, progress)
    start_time = time.monotonic()
    try:
        train(nlp, chunk_dir, use_gpu=gpu_id, stdout=sys.stderr, stderr=sys.stderr)
    except WallClockReached as stop:
        updates = stop.step
        progress["stopped_by_clock"] = True
    _record_chunk(output, progress, chunk_dir, done, round(time.monotonic() - start_time, 1),
                  updates=updates)
    _write_progress(output, progress)
    return progress


@app.command("train")
def train_cli(
    output: Path = typer.Option(Path("training_output/trf"), "--output", "-o", help="Training folder"),
    backbone: str = typer.Option("backbones/me5-small-sv", "--backbone", help="Transformer name or folder"),
    corpus: Path = typer.Option(Path("corpus"), "--corpus", help="Folder with train.spacy and dev.spacy"),
    chunk_steps: int = typer.Option(100, "--chunk-steps", help="Updates in this run"),
    chunks: int = typer.Option(1, "--chunks", help="Chunks to run one after the other"),
    total_steps: int = typer.Option(2000, "--total-steps", help="Length of the whole LR schedule"),
    warmup_steps: int = typer.Option(100, "--warmup-steps"),
    learn_rate: float = typer.Option(5e-5, "--learn-rate"),
    eval_frequency: Optional[int] = typer.Option(None, "--eval-frequency", help="Default: once per chunk"),
    dev_limit: int = typer.Option(0, "--dev-limit", help="Score on the first N dev docs (0: all)"),
    train_sample: int = typer.Option(0, "--train-sample", help="Train on a fixed random sample of N docs (0: all)"),
    freeze_layers: int = typer.Option(0, "--freeze-layers", help="Lowest transformer layers not to train"),
    gpu_id: int = typer.Option(-1, "--gpu-id", "-g", help="GPU id, -1 for CPU"),
    config: Path = typer.Option(CONFIG, "--config", "-c"),
    override: List[str] = typer.Option([], "--set", help="Config override KEY=VALUE (JSON value); repeatable"),
) -> None:
    """Train configs/trf.cfg for CHUNKS x CHUNK_STEPS updates, resuming from the last checkpoint."""
    for path in (config, corpus / "train.spacy", corpus / "dev.spacy"):
        if not path.exists():
            typer.echo(f"{path}: not found", err=True)
            raise typer.Exit(2)
    overrides: Dict[str, Any] = {}
    for item in override:
        key, sep, value = item.partition("=")
        if not sep:
            typer.echo(f"--set {item}: expected KEY=VALUE", err=True)
            raise typer.Exit(2)
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    try:
        for _ in range(chunks):
            progress = train_chunk(output, backbone=backbone, corpus=corpus, chunk_steps=chunk_steps,
                                   total_steps=total_steps, warmup_steps=warmup_steps, learn_rate=learn_rate,
                                   eval_frequency=eval_frequency, dev_limit=dev_limit,
                                   train_sample=train_sample,
                                   freeze_layers=freeze_layers, gpu_id=gpu_id, config=config,
                                   overrides=overrides)
            if progress["steps_done"] >= total_steps:
                break
    except ValueError as err:
        typer.echo(f"{config}: {err}", err=True)
        raise typer.Exit(2)
    typer.echo(json.dumps({k: progress.get(k) for k in ("steps_done", "best_score", "best_step")}))


@app.command("package")
def package_cli(
    training_dir: Path = typer.Option(Path("training_output/trf"), "--training-dir", help="Folder of `train`"),
    corpus: Path = typer.Option(Path("corpus"), "--corpus"),
    output: Path = typer.Option(Path("models/sv_svpol_trf"), "--output", "-o"),
    batch_size: int = typer.Option(16, "--batch-size"),
    topic_gold: Path = typer.Option(
        GOLD_OUTPUT, "--topic-gold",
        help="Folder with the topic files of `python -m training gold build` that the topic model is fitted on; "
             "built there if missing"),
) -> None:
    """Calibrate topic thresholds, place the rules, score every dev set and write the pipeline.

    The same steps as ``training.train`` after its training stages (``training.train.finish``);
    only the name, the description and the training record in the meta differ.
    """
    import spacy

    from training import train as cpu

    best = training_dir / BEST
    if not best.exists():
        typer.echo(f"{best}: no trained pipeline", err=True)
        raise typer.Exit(2)
    nlp = spacy.load(best)
    backbone = nlp.config["components"]["transformer"]["model"]["name"]
    cpu.finish(nlp, corpus, output, training_dir, batch_size=batch_size, name=TRF_MODEL_NAME,
               architecture=f"transformer ({backbone})", config=CONFIG, gold_dir=topic_gold)
    progress = _read_progress(training_dir)
    if progress["chunks"]:  # trained with `train` (a plain `spacy train` run has no progress.json)
        meta_path = output / "meta.json"
        meta = json.loads(meta_path.read_text(encoding="utf8"))
        meta["svpol"]["training"] = {k: progress.get(k) for k in ("settings", "steps_done", "best_step", "chunks")}
        meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf8")


def save_fp16(model: Path, output: Path) -> None:
    """Write pipeline ``model`` with its transformer weights stored as float16.

    spacy-transformers saves the transformer's ``state_dict`` as is and loads it into a float32
    model, so the stored half-precision values are cast back to float32 when loaded: the file
    halves, computation stays float32 (float16 matrix products are slow on CPUs).
    """
    import spacy

    nlp = spacy.load(model)
    hf_model = nlp.get_pipe("transformer").model.transformer
    hf_model.half()
    nlp.to_disk(output)


@app.command("fp16")
def fp16_cli(
    model: Path = typer.Argument(..., help="Trained transformer pipeline"),
    output: Path = typer.Option(..., "--output", "-o", help="Where the float16 copy goes"),
) -> None:
    """Store the transformer weights of a pipeline as float16 (half the size on disk)."""
    if not (model / "transformer").exists():
        typer.echo(f"{model}: not a transformer pipeline", err=True)
        raise typer.Exit(2)
    save_fp16(model, output)
    typer.echo(f"wrote {output}")


if __name__ == "__main__":
    app()
