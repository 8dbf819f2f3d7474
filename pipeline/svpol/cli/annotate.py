"""`svpol annotate`: annotate files and folders into JSON lines."""

import logging
import sys
import time
from pathlib import Path
from typing import Iterator, List, Optional

import typer

from ..annotate import AnnotateStats, annotate_records
from ..api import ModelError, load
from ..intake import InputError, Record, iter_records
from ..writers import open_writer
from ._app import app


def _fail(message: str) -> None:
    """Report a usage error or unusable model and exit with code 2."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@app.command("annotate")
def annotate_cli(
    inputs: List[Path] = typer.Argument(..., help="Files (.txt, .pdf, .jsonl) and folders of them."),
    output: Path = typer.Option(..., "--output", "-o", help="Output file (.jsonl), or - for standard output."),
    model: Optional[str] = typer.Option(
        None, "--model", "-m", help="Pipeline folder or package (default: $SVPOL_MODEL, models/sv_svpol_cnn, rules)."
    ),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Texts per batch."),
    n_process: int = typer.Option(1, "--n-process", min=-1, help="Processes (-1: all CPUs)."),
    gpu_id: int = typer.Option(-1, "--gpu-id", "-g", help="GPU to use, -1 for CPU."),
) -> None:
    """Annotate documents: one JSON line per document with entities, topics and paragraphs.

    Bad inputs are named on stderr and skipped. Exit code 0: all inputs done,
    1: some inputs failed, 2: usage error or unusable model.
    """
    if n_process == 0:
        _fail("--n-process must be positive or -1")
    _setup_logging()
    try:
        nlp = load(model, gpu_id=gpu_id)
    except ModelError as e:
        _fail(str(e))
    try:
        writer = open_writer(output)
    except (ValueError, OSError) as e:
        _fail(f"cannot write {output}: {getattr(e, 'strerror', None) or e}")
    errors = run_annotate(inputs, nlp, writer, batch_size=batch_size, n_process=n_process)
    raise typer.Exit(1 if errors else 0)


def run_annotate(inputs, nlp, writer, *, batch_size: int, n_process: int) -> int:
    """Annotate ``inputs`` into ``writer`` with a progress bar and a summary on stderr.

    Returns:
        The number of inputs that failed.
    """
    # Imported here so that `svpol --help` stays fast.
    from tqdm import tqdm
    from tqdm.contrib.logging import logging_redirect_tqdm

    errors = 0
    stats = AnnotateStats()

    def records() -> Iterator[Record]:
        nonlocal errors
        for item in iter_records(inputs):
            if isinstance(item, InputError):
                errors += 1
                tqdm.write(str(item), file=sys.stderr)
            else:
                yield item

    start = time.perf_counter()
    with writer, logging_redirect_tqdm([logging.getLogger("svpol")]), tqdm(desc="annotate", unit=" doc", file=sys.stderr, disable=None) as bar:
        for out in annotate_records(records(), nlp, batch_size=batch_size, n_process=n_process, stats=stats):
            writer.write(out)
            bar.update(1)
    seconds = time.perf_counter() - start
    rate = stats.words / seconds if seconds > 0 else 0.0
    typer.echo(
        f"{stats.documents} documents, {stats.words} words in {seconds:.1f} s ({rate:,.0f} words/s), "
        f"{errors} inputs failed; output: {writer.path}",
        err=True,
    )
    return errors


def _setup_logging() -> None:
    """Warnings (e.g. an encoding fallback, the fallback pipeline) go to stderr as one line each."""
    root = logging.getLogger("svpol")
    if not root.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        handler.setLevel(logging.WARNING)
        root.addHandler(handler)
        root.setLevel(logging.INFO)
