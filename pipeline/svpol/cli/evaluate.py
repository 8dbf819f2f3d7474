"""`svpol evaluate MODEL DATA`: per-label P/R/F1 for entities and topics."""

import json
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import typer

from ..loading import ModelError, load
from ..evaluate import DEFAULT_SKIP, evaluate, format_scores
from ..labels import TOPIC_LABELS
from ._app import app


def _data_files(data: Path) -> List[Path]:
    """The ``.spacy`` files of DATA: the file itself or those in the folder."""
    if data.is_dir():
        return sorted(data.glob("*.spacy"))
    return [data]


def _components_to_skip(names: str, pipe_names: Sequence[str]) -> List[str]:
    """The default skipped components plus the comma-separated NAMES, each checked against the pipeline."""
    extra = [name.strip() for name in names.split(",") if name.strip()]
    unknown = [name for name in extra if name not in pipe_names]
    if unknown:
        raise ValueError(f"--disable: no component {', '.join(unknown)} in the pipeline; "
                         f"it has {', '.join(pipe_names)}")
    return list(DEFAULT_SKIP) + extra


@app.command("evaluate")
def evaluate_cli(
    model: str = typer.Argument(..., help="Pipeline folder or package."),
    data: Path = typer.Argument(..., help="A .spacy file with gold annotation, or a folder of them."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the scores as JSON here."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Texts per batch."),
    gpu_id: int = typer.Option(-1, "--gpu-id", "-g", help="GPU to use, -1 for CPU."),
    disable: str = typer.Option("", "--disable", help="Comma-separated components not to run, "
                                "e.g. the rule components, to score the statistical ones alone."),
    topic_threshold: Optional[float] = typer.Option(None, "--topic-threshold", min=0.0, max=1.0,
                                                    help="One threshold for every topic instead of the model's own."),
) -> None:
    """Score MODEL on gold DATA: entities and topics per label, micro and macro.

    Topic decisions use the thresholds in the model meta unless --topic-threshold is
    given. Exit code 0: all data scored, 1: some files could not be read, 2: usage error
    or unusable model.
    """
    if not data.exists():
        typer.echo(f"{data}: no such file or folder", err=True)
        raise typer.Exit(2)
    files = _data_files(data)
    if not files:
        typer.echo(f"{data}: no .spacy files", err=True)
        raise typer.Exit(2)
    try:
        nlp = load(model, gpu_id=gpu_id)
    except ModelError as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(2)
    try:
        skip = _components_to_skip(disable, nlp.pipe_names)
    except ValueError as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(2)
    thresholds = None if topic_threshold is None else {label: topic_threshold for label in TOPIC_LABELS}
    results: Dict[str, object] = {}
    failed = 0
    for path in files:
        try:
            scores = evaluate(nlp, path, batch_size=batch_size, thresholds=thresholds, disable=skip)
        except (OSError, ValueError) as e:
            # DocBin raises ValueError on files that are not DocBins.
            typer.echo(f"{path}: cannot read gold docs: {e}", err=True)
            failed += 1
            continue
        results[path.stem] = scores
        typer.echo(format_scores(path.stem, scores))
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf8")
        typer.echo(f"wrote {output}")
    raise typer.Exit(1 if failed else 0)
