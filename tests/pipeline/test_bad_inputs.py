"""Bad input everywhere: each bad input is named with its reason and counted; every good one is written."""

import json
import re
from pathlib import Path

import pytest
from batch_fixtures import document, read_jsonl
from typer.testing import CliRunner

from svpol.cli import app

GOOD_TEXT = "Karin Lindqvist (S) föreslår att 2,5 mnkr går till Försvarshögskolan."


@pytest.fixture(scope="module")
def model_dir(batch_model_dir) -> Path:
    return batch_model_dir


@pytest.fixture
def inputs(tmp_path, make_pdf):
    """A folder of good and bad inputs; returns it, the reasons expected on stderr, and the good ids."""
    folder = tmp_path / "in"
    folder.mkdir()
    good = []

    def add(name: str, data: bytes, ok: bool) -> Path:
        path = folder / name
        path.write_bytes(data)
        if ok:
            good.append(str(path))
        return path

    add("good.txt", GOOD_TEXT.encode("utf-8"), True)
    add("latin1.txt", "Migrationsverket får 3,5 mnkr för Försvarshögskolan.".encode("cp1252"), True)
    add("binary.txt", bytes(range(256)) * 64, False)
    add("empty.txt", b"", False)
    add("blank.txt", b" \n\n \t\n", False)
    add("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ngarbage\n%%EOF", False)
    add("empty.pdf", b"", False)
    make_pdf(folder / "good.pdf", [GOOD_TEXT])
    good.append(str(folder / "good.pdf"))
    add("notes.docx", b"PK\x03\x04 not a text format", False)
    add("binary.jsonl", b"\x00\x01\x02" * 100, False)
    lines = [
        json.dumps({"id": "j-ok", "text": GOOD_TEXT}, ensure_ascii=False).encode("utf-8"),
        b'{"id": "j-malformed", "text": "Karin',
        json.dumps({"id": "j-no-text", "body": GOOD_TEXT}).encode(),
        json.dumps({"id": "j-number", "text": 42}).encode(),
        json.dumps({"id": "j-empty", "text": "  "}).encode(),
        b'["a", "list"]',
        json.dumps({"id": "j-cp1252", "text": "Försvarshögskolan"}, ensure_ascii=False).encode("cp1252"),
        json.dumps({"id": "j-last", "text": document(__import__("random").Random(1), 2)}, ensure_ascii=False).encode(),
        b'{"id": "j-truncated", "te',  # the last line, cut off without a newline
    ]
    add("records.jsonl", b"\n".join(lines), False)
    good += ["j-ok", "j-cp1252", "j-last"]
    expected = {
        "binary.txt": "binary file, not text",
        "empty.txt": "empty file",
        "blank.txt": "empty file",
        "broken.pdf": "not a readable PDF",
        "empty.pdf": "empty file",
        "notes.docx": "unsupported file type",
        "binary.jsonl": "binary file, not JSON lines",
        "records.jsonl:2": "malformed JSON",
        "records.jsonl:3": "record has no 'text' field",
        "records.jsonl:4": "'text' is not a string",
        "records.jsonl:5": "empty 'text'",
        "records.jsonl:6": "expected a JSON object",
        "records.jsonl:9": "malformed JSON",
    }
    return folder, expected, good


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_bad_inputs_are_named_counted_and_the_good_ones_written(tmp_path, inputs, model_dir, fmt):
    folder, expected, good = inputs
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(app, ["annotate", str(folder), "-o", str(out), "-m", str(model_dir)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.output.splitlines()
    for where, reason in expected.items():
        assert any(line.startswith(f"{folder / where}: {reason}") for line in lines), (where, reason, result.output)
    # the two cp1252 inputs are written, with a warning each
    assert sum("not valid UTF-8, decoded as cp1252" in line for line in lines) == 2
    summary = next(line for line in lines if "words/s" in line)
    assert re.search(rf"\b{len(good)} documents\b", summary)
    assert f"{len(expected)} inputs failed, 2 warnings" in summary
    if fmt == "jsonl":
        ids = [r["id"] for r in read_jsonl(out)]
    else:
        from svpol.writers import read_tables

        ids = read_tables(out)["documents"].column("id").to_pylist()
    assert sorted(ids) == sorted(good)


def _write_big(path: Path, megabytes: int) -> int:
    import random

    rng = random.Random(0)
    block = "\n\n".join(document(rng, 1) for _ in range(200)) + "\n\n"
    data = block.encode("utf-8")
    repeats = megabytes * 1024 * 1024 // len(data) + 1
    with open(path, "wb") as f:
        for _ in range(repeats):
            f.write(data)
    return path.stat().st_size


@pytest.mark.slow
def test_a_50_mb_text_file_is_annotated_in_chunks(tmp_path, model_dir):
    from svpol.tokenizer import blank

    folder = tmp_path / "in"
    folder.mkdir()
    size = _write_big(folder / "big.txt", 50)
    assert size > 50 * 1024 * 1024
    (folder / "small.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"")
    tokenizer_only = tmp_path / "tok"
    blank().to_disk(tokenizer_only)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["annotate", str(folder), "-o", str(out), "-m", str(tokenizer_only)])
    assert result.exit_code == 1, result.output
    assert f"{folder / 'bad.txt'}: empty file" in result.output and "2 documents" in result.output
    records = read_jsonl(out)
    assert [r["id"] for r in records] == [str(folder / "big.txt"), str(folder / "small.txt")]
    big = records[0]
    # paragraphs cover the whole file, with offsets into the raw text
    raw = (folder / "big.txt").read_text(encoding="utf-8")
    assert big["paragraphs"][0]["start"] == 0 and big["paragraphs"][-1]["end"] == len(raw.rstrip())
    assert len(big["paragraphs"]) > 100000
