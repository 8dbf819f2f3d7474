"""`svpol annotate-dataset`: add entity and topic columns to a Hugging Face dataset."""

import shutil
import time
from pathlib import Path
from typing import Optional

import typer

from ..loading import ModelError, load
from ._app import app
from .annotate import _fail, _setup_logging


@app.command("annotate-dataset")
def annotate_dataset_cli(
    dataset: Path = typer.Argument(..., help="A dataset saved with save_to_disk, a .parquet file or a folder of them."),
    output: Path = typer.Option(
        ..., "--output", "-o", help="Output: a .parquet file, or a folder written with save_to_disk."
    ),
    text_column: str = typer.Option("text", "--text-column", help="The column holding the texts."),
    model: Optional[str] = typer.Option(
        None,
        "--model",
        "-m",
        help="Pipeline folder, package, or rules (default: $SVPOL_MODEL, the installed sv_svpol_cnn, "
        "the checkout's models/sv_svpol_cnn; none found: exit 2).",
    ),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Rows per batch."),
    num_proc: Optional[int] = typer.Option(None, "--num-proc", min=1, help="Processes for Dataset.map."),
    gpu_id: int = typer.Option(-1, "--gpu-id", "-g", help="GPU to use, -1 for CPU."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace an existing output."),
) -> None:
    """Annotate a Hugging Face dataset: adds an `entities` column (list of entities) and a `topics` column.

    Exit code 0: done, 2: usage error, unreadable dataset or unusable model.
    """
    try:
        from ..hf_datasets import annotate_dataset, load_dataset_input
    except ImportError as e:  # pragma: no cover - depends on the environment
        _fail(f"annotate-dataset needs the datasets package ({e}): pip install 'svpol[datasets]'")
    _setup_logging()
    if output.exists() and not overwrite:
        _fail(f"{output} exists (--overwrite replaces it)")
    if not output.resolve().parent.is_dir():
        _fail(f"cannot write {output}: folder {output.parent} does not exist")
    try:
        data = load_dataset_input(dataset)
    except (ValueError, OSError) as e:
        _fail(str(e))
    except Exception as e:  # datasets and pyarrow raise their own types for damaged files
        _fail(f"{dataset}: cannot read the dataset: {e}")
    to_parquet = output.suffix.lower() == ".parquet"
    if to_parquet and hasattr(data, "keys"):
        _fail(f"{dataset} has splits ({', '.join(data.keys())}): write them to a folder, not a .parquet file")
    try:
        nlp = load(model, gpu_id=gpu_id)
    except ModelError as e:
        _fail(str(e))
    start = time.perf_counter()
    try:
        annotated = annotate_dataset(data, nlp=nlp, model=model, text_column=text_column, num_proc=num_proc, batch_size=batch_size)
    except ValueError as e:
        _fail(str(e))
    rows = sum(len(d) for d in annotated.values()) if hasattr(annotated, "values") else len(annotated)
    if to_parquet:
        annotated.to_parquet(str(output))
    else:
        if output.is_dir():
            shutil.rmtree(output)
        elif output.exists():
            output.unlink()
        annotated.save_to_disk(str(output))
    seconds = time.perf_counter() - start
    typer.echo(f"{rows} rows annotated in {seconds:.1f} s; output: {output}", err=True)
