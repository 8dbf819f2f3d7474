"""`svpol train`: reproduce models/sv_svpol_cnn from the data (needs a source checkout)."""

import subprocess
import sys
from pathlib import Path
from typing import List, Optional

import typer

from ._app import app

# pipeline/svpol/cli/train.py -> the repository root, where the `training` package lives.
REPO = Path(__file__).resolve().parents[3]


@app.command(
    "train",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
)
def train_cli(
    ctx: typer.Context,
    data_dir: Path = typer.Option(Path("../shared/data"), "--data-dir", help="Third-party data folder."),
    output: Path = typer.Option(Path("models/sv_svpol_cnn"), "--output", "-o", help="Where the pipeline goes."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="Training config (default configs/cpu.cfg)."),
) -> None:
    """Build the corpus if missing, train, calibrate topic thresholds, evaluate and package.

    Runs ``python -m training.train`` from the repository root; further options
    (``--corpus``, ``--training-dir``, ``--max-steps``, ``--skip-train``) are passed on.
    """
    if not (REPO / "training" / "train.py").exists():
        typer.echo(f"{REPO}: svpol train needs a source checkout with the training/ package", err=True)
        raise typer.Exit(2)
    args: List[str] = ["--data-dir", str(data_dir.resolve()), "--output", str(output.resolve())]
    if config is not None:
        args += ["--config", str(config.resolve())]
    cmd = [sys.executable, "-m", "training.train", *args, *ctx.args]
    raise typer.Exit(subprocess.run(cmd, cwd=REPO).returncode)
