"""svpol.intake: every input kind, the bad ones included."""

import json
import logging

from svpol.intake import InputError, Record, iter_records


def read(*paths):
    return list(iter_records(paths))


def test_txt_utf8_keeps_raw_text_exactly(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Karin Lindqvist (S)\r\nföreslår 0,6 mnkr.\n".encode("utf-8"))
    [rec] = read(path)
    assert isinstance(rec, Record)
    assert (rec.id, rec.source, rec.extras) == (str(path), str(path), {})
    assert rec.raw == "Karin Lindqvist (S)\r\nföreslår 0,6 mnkr.\n"


def test_txt_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfN\xc3\xa4mnden")
    assert read(path)[0].raw == "Nämnden"


def test_txt_cp1252_fallback_is_a_warning_not_an_error(tmp_path, caplog):
    path = tmp_path / "old.txt"
    path.write_bytes("Nämnden beslutar – 1 200 kr".encode("cp1252"))
    with caplog.at_level(logging.WARNING, logger="svpol.intake"):
        [rec] = read(path)
    assert rec.raw == "Nämnden beslutar – 1 200 kr"
    assert f"{path}: not valid UTF-8, decoded as cp1252" in caplog.text


def test_txt_latin1_fallback_for_bytes_cp1252_lacks(tmp_path, caplog):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"Omr\xe5de \x81")
    with caplog.at_level(logging.WARNING, logger="svpol.intake"):
        [rec] = read(path)
    assert rec.raw == "Område \x81"
    assert "decoded as latin-1" in caplog.text


def test_empty_binary_missing_and_unsupported_inputs_are_errors(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\n ")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    errors = read(
        tmp_path / "empty.txt", tmp_path / "blank.txt", tmp_path / "blob.txt", tmp_path / "image.png", tmp_path / "nope.txt"
    )
    assert all(isinstance(e, InputError) for e in errors)
    assert [e.reason for e in errors] == [
        "empty file",
        "empty file",
        "binary file, not text",
        "unsupported file type (expected .txt, .pdf, .jsonl)",
        "no such file or folder",
    ]
    assert str(errors[0]) == f"{tmp_path / 'empty.txt'}: empty file"


def test_jsonl_records_errors_and_line_numbers(tmp_path):
    path = tmp_path / "recs.jsonl"
    lines = [
        json.dumps({"id": "r1", "text": "Motion om SÄPO.", "year": 2026, "meta": {"k": [1]}}, ensure_ascii=False),
        "",
        '{"id": "r2", "text": "trasig',
        json.dumps({"id": "r3", "body": "ingen text"}),
        json.dumps(["inte", "ett", "objekt"]),
        json.dumps({"id": "r5", "text": 5}),
        json.dumps({"id": "r6", "text": "  "}),
        json.dumps({"text": "Utan id."}),
        json.dumps({"id": 7, "text": "Heltals-id."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = read(path)
    recs = [r for r in out if isinstance(r, Record)]
    errors = [e for e in out if isinstance(e, InputError)]
    assert [(r.id, r.raw) for r in recs] == [("r1", "Motion om SÄPO."), (f"{path}:8", "Utan id."), ("7", "Heltals-id.")]
    assert recs[0].extras == {"year": 2026, "meta": {"k": [1]}}
    assert all(r.source == str(path) for r in recs)
    assert [(e.line, e.reason.split(":")[0]) for e in errors] == [
        (3, "malformed JSON"),
        (4, "record has no 'text' field"),
        (5, "expected a JSON object, got list"),
        (6, "'text' is not a string"),
        (7, "empty 'text'"),
    ]
    assert str(errors[0]).startswith(f"{path}:3: malformed JSON")


def test_jsonl_cp1252_line_and_empty_and_binary_files(tmp_path, caplog):
    good = tmp_path / "cp.jsonl"
    good.write_bytes('{"id": "a", "text": "Nämnden"}\n'.encode("cp1252"))
    (tmp_path / "empty.jsonl").write_bytes(b"\n\n")
    (tmp_path / "bin.jsonl").write_bytes(b"\x00\x01\x02" * 100)
    with caplog.at_level(logging.WARNING, logger="svpol.intake"):
        out = read(good, tmp_path / "empty.jsonl", tmp_path / "bin.jsonl")
    assert out[0].raw == "Nämnden"
    assert f"{good}:1: not valid UTF-8" in caplog.text
    assert [(e.line, e.reason) for e in out[1:]] == [(None, "empty file"), (None, "binary file, not JSON lines")]


def test_pdf_text_layer(tmp_path, make_pdf):
    path = make_pdf(tmp_path / "prot.pdf", ["Kommunstyrelsen avsätter 0,6 mnkr till Försvars-\nhögskolan.", "Sida två."])
    [rec] = read(path)
    assert isinstance(rec, Record) and rec.id == str(path)
    assert "Försvars-\nhögskolan" in rec.raw
    assert rec.raw.index("Sida två") > rec.raw.index("högskolan")


def test_bad_pdfs(tmp_path, make_pdf, caplog):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really a pdf")
    (tmp_path / "empty.pdf").write_bytes(b"")
    make_pdf(tmp_path / "notext.pdf", [""])
    with caplog.at_level(logging.WARNING):
        out = read(tmp_path / "broken.pdf", tmp_path / "empty.pdf", tmp_path / "notext.pdf")
    # one InputError line per file, no pypdf warnings besides it
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]
    assert all(isinstance(e, InputError) for e in out)
    assert out[0].reason.startswith("not a readable PDF")
    assert out[1].reason == "empty file"
    assert out[2].reason.startswith("PDF has no text layer")


def test_folders_are_recursive_sorted_and_skip_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Z", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "c", "text": "C"}\n', encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("H", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("G", encoding="utf-8")
    (tmp_path / "empty_dir").mkdir()
    out = read(tmp_path, tmp_path / "empty_dir")
    assert [r.raw for r in out[:3]] == ["A", "Z", "C"]
    assert isinstance(out[3], InputError) and out[3].reason == "folder holds no files"
    assert read(tmp_path)[:3] == out[:3]  # deterministic
