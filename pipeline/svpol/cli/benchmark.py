"""`svpol benchmark`: words per second and peak memory next to spaCy's default CNN pipeline."""

import json
from pathlib import Path
from typing import List, Optional

import typer

from ..loading import ModelError
from ..benchmark import benchmark, format_benchmark, read_texts
from ._app import app


@app.command("benchmark")
def benchmark_cli(
    data: List[Path] = typer.Argument(..., help=".spacy or .txt files, or folders of them, to annotate."),
    model: Optional[str] = typer.Option(
        None,
        "--model",
        "-m",
        help="Pipeline folder or package (default: as svpol annotate: $SVPOL_MODEL, the installed sv_svpol_cnn, "
        "the checkout's models/sv_svpol_cnn; none found: exit 2).",
    ),
    n_process: int = typer.Option(2, "--n-process", min=1, help="Also measure with this many processes."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Texts per batch."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Use at most this many texts."),
    repeats: int = typer.Option(3, "--repeats", min=1, help="Rounds per setting; the best counts."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the figures as JSON here."),
    enable: List[str] = typer.Option([], "--enable", help="Turn on a component MODEL ships disabled (repeatable)."),
) -> None:
    """Words/s with 1 and --n-process processes, and peak memory, for MODEL and a reference pipeline.

    The reference is spaCy's default Swedish tok2vec, ner and textcat_multilabel
    (efficiency), initialized with MODEL's labels, untrained; both run in this
    process on the same texts. Exit code 2: unusable model or data.
    """
    for path in data:
        if not path.exists():
            typer.echo(f"{path}: no such file or folder", err=True)
            raise typer.Exit(2)
    try:
        texts = read_texts(data, limit=limit)
    except (OSError, ValueError) as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(2)
    processes = [1] if n_process == 1 else [1, n_process]
    try:
        result = benchmark(model, texts, n_process=processes, batch_size=batch_size, repeats=repeats, enable=enable)
    except ModelError as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(2)
    except ValueError as e:
        typer.echo(f"{', '.join(map(str, data))}: {e}", err=True)
        raise typer.Exit(2)
    typer.echo(format_benchmark(result))
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(result, indent=2), encoding="utf8")
        typer.echo(f"wrote {output}")
