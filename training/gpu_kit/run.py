"""The one-shot GPU run: unpack the backbone, fine-tune for a wall-clock budget, evaluate, measure, package.

Every phase adds its figures to ``OUT/results.json`` as soon as it ends, so a run killed by the
device's time limit still returns what it measured. The trained pipeline comes back as a
float16 copy, gzipped and split into parts that the device tool returns (at most 8 files of
16 MiB, 64 MiB in all); parts that do not fit stay in the work folder on the machine, and
``results.json`` names the command that fetches them while the machine is still warm.
"""

from __future__ import annotations

import json
import platform
import shutil
import tarfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

from training.train_trf import BEST, save_fp16, train_chunk

from .pack import EVAL_DIR, MIB, unpack_backbone

RESULTS = "results.json"
PIPELINE = "pipeline.tar.gz"
# What the device returns (its tool's limits), less room for results.json and the log.
RETURN_FILES, RETURN_BYTES, PART_BYTES = 6, 60 * MIB, 15 * MIB
# Seconds that evaluation, words/s and packaging take after training, kept free of a run's deadline
# (estimated: on the GPU evaluation runs at thousands of words/s; the CPU words/s takes most of it).
FINISH_SECONDS = 150
# The statistical components: both pipelines are also scored without rules and enrichers.
STATISTICAL = ("tok2vec", "transformer", "ner", "textcat_multilabel")


class KitError(RuntimeError):
    """A run that cannot start (no GPU, a kit folder without data)."""


class Results:
    """``results.json``, rewritten after every phase with the phase's wall time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data: Dict[str, Any] = {"phases": {}}
        self._started = time.monotonic()

    def phase(self, name: str, **values: Any) -> None:
        """Record ``values`` and the seconds since the previous phase ended."""
        now = time.monotonic()
        self.data["phases"][name] = round(now - self._started, 1)
        self._started = now
        self.data.update(values)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.data, indent=2, ensure_ascii=False), encoding="utf8")


def environment(gpu_id: int) -> Dict[str, Any]:
    """Versions and the card: what a figure was measured with."""
    from importlib import metadata

    import torch

    env: Dict[str, Any] = {"python": platform.python_version(),
                           **{name: metadata.version(name) for name in ("torch", "transformers", "spacy",
                                                                        "spacy-transformers", "thinc")},
                           "cuda_available": torch.cuda.is_available(), "cpu_threads": torch.get_num_threads()}
    if gpu_id >= 0 and torch.cuda.is_available():
        props = torch.cuda.get_device_properties(gpu_id)
        env.update(gpu=props.name, gpu_memory_gib=round(props.total_memory / 2**30, 1), cuda=torch.version.cuda)
    return env


def _score_summary(scores: Dict[str, Any]) -> Dict[str, Any]:
    """The figures that decide shipping; the full scores stay next to them."""
    ents, topics = scores["entities"], scores["topics"]
    summary: Dict[str, Any] = {"n_docs": scores["n_docs"], "words": scores["words"],
                               "words_per_second": round(scores["words"] / max(scores["seconds"], 1e-9))}
    if ents["n_docs"]:
        summary["ents_micro_f"] = round(ents["micro"]["f"], 4)
        summary["ents_per_label_f"] = {k: round(v["f"], 4) for k, v in ents["per_label"].items()}
    if topics["n_docs"]:
        summary["topics_micro_f"] = round(topics["micro"]["f"], 4)
    return summary


def evaluate_sets(model: Path, eval_dir: Path) -> Dict[str, Dict[str, Any]]:
    """svpol's evaluation of ``model`` on every ``.spacy`` file of ``eval_dir``, twice.

    ``statistical``: the embedding layer, ``ner`` and the classifier alone, which compares two
    embedding layers on the same footing; ``full``: the whole pipeline with its rules and
    enrichers, as shipped. Topic threshold: the pipeline's own (0.5 for a freshly trained one).
    """
    import spacy

    from svpol.evaluate import DEFAULT_SKIP, evaluate

    nlp = spacy.load(model)
    rules = [name for name in nlp.pipe_names if name not in STATISTICAL]
    results: Dict[str, Dict[str, Any]] = {"statistical": {}, "full": {}}
    for path in sorted(eval_dir.glob("*.spacy")):
        for mode, skip in (("statistical", [*DEFAULT_SKIP, *rules]), ("full", list(DEFAULT_SKIP))):
            scores = evaluate(nlp, path, disable=skip)
            results[mode][path.stem] = {"summary": _score_summary(scores), "scores": scores}
    return results


def speed(model: Path, texts: List[str], *, batch_size: int) -> float:
    """Words per second of ``model`` on ``texts`` on the current device (after a short warm-up)."""
    import spacy

    from svpol.benchmark import words_per_second

    nlp = spacy.load(model)
    words_per_second(nlp, texts[:16], batch_size=batch_size)
    return round(words_per_second(nlp, texts, batch_size=batch_size), 1)


def split_archive(folder: Path, parts_dir: Path) -> List[Path]:
    """``folder`` as a gzipped tar split into parts of at most ``PART_BYTES`` (``cat`` joins them)."""
    parts_dir.mkdir(parents=True, exist_ok=True)
    archive = parts_dir / PIPELINE
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=folder.name)
    parts = []
    with archive.open("rb") as src:
        for i, chunk in enumerate(iter(lambda: src.read(PART_BYTES), b"")):
            part = parts_dir / f"{PIPELINE}.{i:03d}"
            part.write_bytes(chunk)
            parts.append(part)
    archive.unlink()
    return parts


def return_parts(parts: List[Path], out: Path) -> List[str]:
    """Copy the first ``parts`` that the device returns (``RETURN_FILES``, ``RETURN_BYTES``) to ``out``."""
    returned: List[str] = []
    size = 0
    for part in parts:
        if len(returned) == RETURN_FILES or size + part.stat().st_size > RETURN_BYTES:
            break
        shutil.copyfile(part, out / part.name)
        returned.append(part.name)
        size += part.stat().st_size
    return returned


def run_kit(kit: Path, out: Path, *, work: Path, max_minutes: float, total_minutes: Optional[float] = None,
            gpu_id: int = 0, total_steps: int = 6000, warmup_steps: int = 250, learn_rate: float = 1e-4,
            eval_frequency: int = 200, batch_size: int = 2000,
            mixed_precision: bool = True, speed_texts: int = 300, cpu_threads: int = 2,
            compare: Optional[Path] = None) -> Dict[str, Any]:
    """Run the whole GPU job on the kit of ``prepare``; figures and the pipeline go to ``out``.

    Args:
        kit: the folder ``python -m training gpu-kit prepare`` wrote.
        out: where results.json and the pipeline parts go (the device tool's ``$OUT``).
        work: scratch folder (backbone, training output, all pipeline parts). Training resumes
            from a checkpoint found there, so a second call on a still-warm machine continues.
        max_minutes: wall-clock budget of the training loop (initialization not counted).
        total_minutes: training also stops so that the whole run (from this call) can end within
            this many minutes, ``FINISH_SECONDS`` being left for what comes after training.
        gpu_id: GPU to train on; -1 trains on the CPU (the kit's test).
        total_steps, warmup_steps, learn_rate: the ``warmup_linear`` schedule.
        eval_frequency: updates between evaluations on gold-dev (which picks ``model-best``).
        batch_size: padded tokens per batch (``training.batcher.size``).
        mixed_precision: train the transformer in mixed precision (GPU only).
        speed_texts: texts (from the evaluation sets) for the words/s figures.
        cpu_threads: torch threads for the CPU words/s (2: our development machines and CI).
        compare: a pipeline (the shipped CNN) to evaluate on the same sets in the same two ways, after
            packaging; skipped (and said so in results.json) where the folder has no meta.json.

    Raises:
        KitError: ``gpu_id`` names a GPU that torch cannot see, or the kit has no data.
    """
    import spacy
    import torch

    import svpol.components  # noqa: F401  (registers the svpol factories)

    data = kit / "data"
    if not (data / "train.spacy").exists():
        raise KitError(f"{kit}: no data/train.spacy (run `python -m training gpu-kit prepare` first)")
    if gpu_id >= 0 and not torch.cuda.is_available():
        raise KitError(f"GPU {gpu_id} asked for, but torch {torch.__version__} sees no CUDA device")
    stop_at = time.time() + total_minutes * 60 - FINISH_SECONDS if total_minutes else None
    results = Results(out / RESULTS)
    results.phase("start", environment=environment(gpu_id),
                  settings={"max_minutes": max_minutes, "total_minutes": total_minutes, "gpu_id": gpu_id,
                            "total_steps": total_steps, "warmup_steps": warmup_steps, "learn_rate": learn_rate,
                            "eval_frequency": eval_frequency, "batch_size": batch_size,
                            "mixed_precision": mixed_precision and gpu_id >= 0, "freeze_layers": 0})

    backbone = unpack_backbone(kit / "backbone", work / "backbone")
    results.phase("unpack_backbone")

    if gpu_id >= 0:
        torch.cuda.reset_peak_memory_stats(gpu_id)
    overrides = {"components.transformer.model.mixed_precision": mixed_precision and gpu_id >= 0,
                 "training.batcher.size": batch_size}
    training = work / "train"
    progress = train_chunk(training, backbone=str(backbone), corpus=data, chunk_steps=total_steps,
                           total_steps=total_steps, warmup_steps=warmup_steps, learn_rate=learn_rate,
                           eval_frequency=eval_frequency, gpu_id=gpu_id, overrides=overrides,
                           max_seconds=max_minutes * 60, stop_at=stop_at)
    chunk = progress["chunks"][-1]
    memory = {}
    if gpu_id >= 0:
        memory = {"gpu_peak_allocated_gib": round(torch.cuda.max_memory_allocated(gpu_id) / 2**30, 2),
                  "gpu_peak_reserved_gib": round(torch.cuda.max_memory_reserved(gpu_id) / 2**30, 2)}
    steps = progress["steps_done"]
    results.phase("train", training={
        "steps_done": steps, "best_step": progress.get("best_step"), "best_score": progress.get("best_score"),
        "stopped_by_clock": progress.get("stopped_by_clock", False), "loop_seconds": chunk["loop_seconds"],
        # The loop's clock up to its last evaluation, evaluations and saves included.
        "seconds_per_1000_updates": round(1000 * chunk["seconds_per_step"], 1) if chunk["seconds_per_step"] else None,
        "training_words_per_second": chunk["words_per_second"], **memory,
    }, curve=progress["curve"])

    best = training / BEST
    results.phase("evaluate", scores={"trf": evaluate_sets(best, data / EVAL_DIR)})

    from spacy.tokens import DocBin

    texts = [doc.text for path in sorted((data / EVAL_DIR).glob("*.spacy"))
             for doc in DocBin().from_disk(path).get_docs(spacy.blank("sv").vocab)][:speed_texts]
    fp16 = work / "sv_svpol_trf"
    if fp16.exists():
        shutil.rmtree(fp16)
    save_fp16(best, fp16)
    words_per_second = {"texts": len(texts), "gpu": speed(fp16, texts, batch_size=64) if gpu_id >= 0 else None}
    spacy.require_cpu()
    torch.set_num_threads(cpu_threads)
    words_per_second["cpu"] = speed(fp16, texts, batch_size=64)
    words_per_second["cpu_threads"] = cpu_threads
    results.phase("speed", words_per_second=words_per_second)

    parts = split_archive(fp16, work / "parts")
    returned = return_parts(parts, out)
    left = [str(p) for p in parts[len(returned):]]
    results.phase("package", pipeline={
        "bytes_on_disk": sum(p.stat().st_size for p in fp16.rglob("*") if p.is_file()),
        "archive_bytes": sum(p.stat().st_size for p in parts), "parts_returned": returned,
        "parts_left_on_device": left,
        "fetch_rest": f"cp {' '.join(left)} \"$OUT\"/" if left else None,
        "join": f"cat {PIPELINE}.* | tar xz",
    })

    # Last, so that a pipeline that cannot be compared never costs the trained one. A folder
    # without meta.json is no pipeline: the device's copy of the tree kept models/sv_svpol_cnn as
    # an empty folder when the model was moved out for the transfer limit, and the first GPU run
    # (2026-12-04) lost its trained pipeline to that crash after 1,001 updates.
    if compare is not None and (compare / "meta.json").exists():
        results.phase("compare", scores={**results.data["scores"], "compare": evaluate_sets(compare, data / EVAL_DIR)},
                      compare=str(compare))
    else:
        results.phase("compare", compare=None, compare_skipped=f"{compare}: no meta.json" if compare else None)
    return results.data
