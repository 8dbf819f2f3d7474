"""A one-shot GPU run kit for the transformer pipeline (issue #18): prepare here, run once on the device.

    python -m training gpu-kit prepare -o build/gpu-kit          # here: data, packed backbone, wheels
    bash training/gpu_kit/run.sh build/gpu-kit --max-minutes 5   # on the device, from the repository root

``prepare`` (:mod:`training.gpu_kit.pack`) builds everything the device cannot fetch into one
git-ignored folder and says whether it fits the device tool's transfer limit; ``run.sh``
installs the kit's wheels without an index and calls ``run`` (:mod:`training.gpu_kit.run`),
which fine-tunes all layers in mixed precision for a wall-clock budget, evaluates, measures
and writes the float16 pipeline. docs/transformer.md has the device command line and the budget.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import List, Optional

import typer

from training.paths import REPO

from .pack import MIB, TRANSFER_LIMIT, download_wheels, folder_bytes, pack_backbone, pack_data, working_tree_bytes

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, no_args_is_help=True,
                  help="One-shot GPU run kit: prepare it here, run it once on the device.")
MANIFEST = "manifest.json"


@app.command("prepare")
def prepare_cli(
    output: Path = typer.Option(Path("build/gpu-kit"), "--output", "-o", help="Kit folder (git-ignored)"),
    gold: Path = typer.Option(Path("training_output/gold"), "--gold", help="Folder of `gold build`"),
    corpus: Path = typer.Option(Path("training_output/corpus-v5"), "--corpus", help="Folder of `corpus`"),
    backbone: Path = typer.Option(Path("backbones/me5-small-sv-L6"), "--backbone", help="Trimmed backbone folder"),
    silver_docs: int = typer.Option(20000, "--silver-docs", help="Silver/public training docs sampled"),
    gold_repeat: int = typer.Option(3, "--gold-repeat", help="Copies of each gold-train doc"),
    eval_set: List[str] = typer.Option(["dev-klintan", "dev-uner"], "--eval-set",
                                       help="Generic dev sets of the corpus to evaluate on; repeatable"),
    wheels: bool = typer.Option(True, "--wheels/--no-wheels", help="Download the device's wheels (PyPI)"),
    max_data_mib: float = typer.Option(40.0, "--max-data-mib", help="Fail if the data exceed this"),
) -> None:
    """Build the kit: compact DocBins, the 4-bit packed backbone and the device's wheels."""
    if not (backbone / "model.safetensors").exists():
        typer.echo(f"{backbone}: no model.safetensors (python -m training backbone build + trim)", err=True)
        raise typer.Exit(2)
    try:
        data = pack_data(gold, corpus, output / "data", silver_docs=silver_docs, gold_repeat=gold_repeat,
                         eval_sets=eval_set)
    except FileNotFoundError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(2)
    data_bytes = folder_bytes(output / "data")
    if data_bytes > max_data_mib * MIB:
        typer.echo(f"{output}/data: {data_bytes / MIB:.1f} MiB > {max_data_mib} MiB; lower --silver-docs", err=True)
        raise typer.Exit(2)
    manifest = {"data": data, "backbone": {"source": str(backbone), **pack_backbone(backbone, output / "backbone")}}
    if wheels:
        manifest["wheels"] = download_wheels(output / "wheels")
    kit_bytes = folder_bytes(output)
    tree_bytes = working_tree_bytes(REPO)
    manifest["size_mib"] = {part: round(folder_bytes(output / part) / MIB, 2)
                            for part in ("data", "backbone", "wheels") if (output / part).exists()}
    manifest["transfer"] = {"kit_mib": round(kit_bytes / MIB, 2), "working_tree_mib": round(tree_bytes / MIB, 2),
                            "limit_mib": TRANSFER_LIMIT // MIB, "fits": kit_bytes + tree_bytes <= TRANSFER_LIMIT}
    (output / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf8")
    typer.echo(json.dumps({"size_mib": manifest["size_mib"], "transfer": manifest["transfer"]}))


@app.command("run")
def run_cli(
    kit: Path = typer.Argument(..., help="Folder written by `prepare`"),
    out: Path = typer.Option(Path(os.environ.get("OUT", "build/gpu-kit-out")), "--out",
                             help="Results folder (default: $OUT)"),
    work: Path = typer.Option(Path("build/gpu-kit-work"), "--work", help="Scratch folder"),
    max_minutes: float = typer.Option(5.0, "--max-minutes", help="Wall-clock budget of the training loop"),
    total_minutes: Optional[float] = typer.Option(
        None, "--total-minutes", help="Stop training early enough for the whole run to end within this"),
    gpu_id: int = typer.Option(0, "--gpu-id", "-g", help="GPU id; -1: CPU (tests)"),
    total_steps: int = typer.Option(6000, "--total-steps", help="Length of the learning-rate schedule"),
    warmup_steps: int = typer.Option(250, "--warmup-steps"),
    learn_rate: float = typer.Option(1e-4, "--learn-rate"),
    eval_frequency: int = typer.Option(200, "--eval-frequency", help="Updates between gold-dev evaluations"),
    batch_size: int = typer.Option(2000, "--batch-size", help="Padded tokens per batch"),
    mixed_precision: bool = typer.Option(True, "--mixed-precision/--full-precision"),
    speed_texts: int = typer.Option(300, "--speed-texts", help="Texts for the words/s figures"),
    cpu_threads: int = typer.Option(2, "--cpu-threads", help="Torch threads for the CPU words/s"),
    compare: Optional[Path] = typer.Option(REPO / "models" / "sv_svpol_cnn", "--compare",
                                           help="Pipeline to score on the same sets (the shipped CNN)"),
) -> None:
    """Fine-tune all layers for MAX_MINUTES, evaluate, measure words/s and memory, write the fp16 pipeline."""
    from .run import KitError, run_kit

    try:
        data = run_kit(kit, out, work=work, max_minutes=max_minutes, total_minutes=total_minutes, gpu_id=gpu_id,
                       total_steps=total_steps, warmup_steps=warmup_steps, learn_rate=learn_rate,
                       eval_frequency=eval_frequency,
                       batch_size=batch_size, mixed_precision=mixed_precision, speed_texts=speed_texts,
                       cpu_threads=cpu_threads, compare=compare)
    except KitError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(2)
    summary = {f"{name} {mode}": {s: v["summary"] for s, v in sets.items()}
               for name, modes in data["scores"].items() for mode, sets in modes.items()}
    typer.echo(json.dumps({"training": data["training"], "words_per_second": data["words_per_second"],
                           "phases": data["phases"], "summary": summary}, indent=1))
