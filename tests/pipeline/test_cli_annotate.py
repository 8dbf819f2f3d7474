"""`svpol annotate` end to end: good documents written, bad inputs named, exit codes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from svpol.cli import app

PROTOCOL = (
    "Protokoll, Norrviks stadsdelsnämnd\n\n"
    "Karin Lindqvist (S) föreslår att 0,6 mnkr avsätts till arbetet mot\n"
    "våldsbejakande extremism enligt Försvars-\nhögskolan (FHS)och SÄPO.\n"
)


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory) -> Path:
    """A rule pipeline saved to disk, so the test never depends on a trained model."""
    from svpol.tokenizer import blank

    nlp = blank()
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "AUTHORITY", "pattern": "Försvarshögskolan"},
            {"label": "AUTHORITY", "pattern": "FHS"},
            {"label": "MONEY", "pattern": [{"LIKE_NUM": True}, {"LOWER": "mnkr"}]},
        ]
    )
    path = tmp_path_factory.mktemp("model") / "rules"
    nlp.to_disk(path)
    return path


@pytest.fixture
def input_dir(tmp_path, make_pdf) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "protokoll.txt").write_text(PROTOCOL, encoding="utf-8")
    make_pdf(folder / "motion.pdf", ["Motion om 22,2 mnkr till Försvarshögskolan."])
    lines = [
        json.dumps({"id": "j1", "text": "SÄPO och FHS samarbetar.", "year": 2026}, ensure_ascii=False),
        '{"id": "j2", "text": ',
        json.dumps({"id": "j3"}),
    ]
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def test_end_to_end_folder(tmp_path, input_dir, model_dir):
    out = tmp_path / "out.jsonl"
    result = subprocess.run(
        ["svpol", "annotate", str(input_dir), "-o", str(out), "--model", str(model_dir), "--batch-size", "2"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    stderr_lines = result.stderr.splitlines()
    for bad in [
        f"{input_dir / 'binary.txt'}: binary file, not text",
        f"{input_dir / 'empty.txt'}: empty file",
        f"{input_dir / 'records.jsonl'}:3: record has no 'text' field",
    ]:
        assert bad in stderr_lines
    assert any(line.startswith(f"{input_dir / 'records.jsonl'}:2: malformed JSON") for line in stderr_lines)
    assert "3 documents" in result.stderr and "4 inputs failed" in result.stderr and "words/s" in result.stderr

    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [str(input_dir / "motion.pdf"), str(input_dir / "protokoll.txt"), "j1"]
    by_id = {r["id"]: r for r in records}
    prot = by_id[str(input_dir / "protokoll.txt")]
    assert prot["source"] == str(input_dir / "protokoll.txt")
    assert [(e["label"], e["text"]) for e in prot["entities"]] == [
        ("MONEY", "0,6 mnkr"),
        ("AUTHORITY", "Försvars-\nhögskolan"),
        ("AUTHORITY", "FHS"),
    ]
    assert all(PROTOCOL[e["start"] : e["end"]] == e["text"] for e in prot["entities"])
    assert len(prot["paragraphs"]) == 2
    assert by_id["j1"]["year"] == 2026 and by_id["j1"]["source"] == str(input_dir / "records.jsonl")
    assert [e["text"] for e in by_id["j1"]["entities"]] == ["FHS"]
    assert [e["text"] for e in by_id[str(input_dir / "motion.pdf")]["entities"]] == ["22,2 mnkr", "Försvarshögskolan"]


def test_all_good_inputs_exit_zero(tmp_path, model_dir):
    (tmp_path / "a.txt").write_text(PROTOCOL, encoding="utf-8")
    result = CliRunner().invoke(app, ["annotate", str(tmp_path / "a.txt"), "-o", str(tmp_path / "o.jsonl"), "-m", str(model_dir)])
    assert result.exit_code == 0, result.output
    assert len((tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()) == 1


@pytest.mark.parametrize(
    "args,message",
    [
        (["-m", "{tmp}/no_model"], "no such model folder"),
        (["-o", "{tmp}/out.xyz"], "cannot tell the output format"),
        (["-o", "{tmp}/missing_dir/out.jsonl"], "cannot write"),
        (["--n-process", "0"], "--n-process"),
        (["--batch-size", "0"], "batch-size"),
    ],
)
def test_usage_errors_exit_2_without_traceback(tmp_path, model_dir, args, message):
    (tmp_path / "a.txt").write_text(PROTOCOL, encoding="utf-8")
    base = {"-o": str(tmp_path / "o.jsonl"), "-m": str(model_dir)}
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    for opt, value in base.items():
        if opt not in args:
            args += [opt, value]
    result = CliRunner().invoke(app, ["annotate", str(tmp_path / "a.txt"), *args])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_missing_input_is_named_and_exit_1(tmp_path, model_dir):
    result = CliRunner().invoke(
        app, ["annotate", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o.jsonl"), "-m", str(model_dir)]
    )
    assert result.exit_code == 1
    assert f"{tmp_path / 'nope.txt'}: no such file or folder" in result.output


def test_bundled_example_runs(tmp_path, model_dir):
    example = Path(__file__).resolve().parents[2] / "examples" / "protokoll.txt"
    result = CliRunner().invoke(app, ["annotate", str(example), "-o", str(tmp_path / "o.jsonl"), "-m", str(model_dir)])
    assert result.exit_code == 0, result.output
    [record] = [json.loads(x) for x in (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()]
    raw = example.read_text(encoding="utf-8")
    texts = [e["text"] for e in record["entities"]]
    assert "Försvars-\nhögskolan" in texts and "0,6 mnkr" in texts
    assert all(raw[e["start"] : e["end"]] == e["text"] for e in record["entities"])
    assert sys.executable  # the example needs nothing beyond the test environment
