"""svpol.jobs: jobs that resume after an interruption or a kill -9, exactly once per document."""

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from batch_fixtures import read_jsonl, write_jsonl
from typer.testing import CliRunner

import svpol
from svpol.jobs import publish  # the module whose publish() the crash test replaces
from svpol.jobs import CheckpointError, journal_path, run_job, staging_path
from svpol.cli import app
from svpol.engines import LocalEngine


@pytest.fixture
def inputs(tmp_path) -> Path:
    """A folder of three .jsonl files (one with a bad line), two .txt files and a binary file."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", 12, seed=1, prefix="a")
    write_jsonl(folder / "b.jsonl", 9, seed=2, prefix="b")
    with open(folder / "b.jsonl", "a", encoding="utf-8") as f:
        f.write('{"id": "broken", "text": \n')
    write_jsonl(folder / "c.jsonl", 14, seed=3, prefix="c")
    (folder / "d.txt").write_text("Karin Lindqvist (S) talar.\n\nJonas Ek (M) svarar.", encoding="utf-8")
    (folder / "e.txt").write_text("Migrationsverket får 3,5 mnkr.", encoding="utf-8")
    (folder / "f.txt").write_bytes(b"\x00\x01" * 100)
    return folder


class Crashing:
    """An engine that dies after ``after`` documents, like a job whose worker is killed."""

    def __init__(self, engine, after: int) -> None:
        self.engine = engine
        self.after = after
        self.max_chars = engine.max_chars

    def model_info(self):
        return self.engine.model_info()

    def annotate(self, records):
        for i, item in enumerate(self.engine.annotate(records)):
            if i == self.after:
                raise RuntimeError("worker died")
            yield item


def _ids(path: Path):
    return [r["id"] for r in read_jsonl(path)]


@pytest.fixture
def reference(tmp_path, inputs, batch_nlp) -> bytes:
    out = tmp_path / "reference.jsonl"
    run_job([inputs], LocalEngine(batch_nlp, batch_size=4), out, on_error=lambda m: None)
    return out.read_bytes()


@pytest.mark.parametrize("after", [0, 3, 13, 23, 36])
def test_interrupted_job_continues_exactly_once(tmp_path, inputs, batch_nlp, reference, after):
    out = tmp_path / "out.jsonl"
    errors = []
    with pytest.raises(RuntimeError, match="worker died"):
        run_job([inputs], Crashing(LocalEngine(batch_nlp, batch_size=4), after), out, checkpoint_every=5, on_error=errors.append)
    assert not out.exists() and staging_path(out).exists() and journal_path(out).exists()
    assert len(_ids(staging_path(out))) == after
    errors.clear()
    result = run_job([inputs], LocalEngine(batch_nlp, batch_size=3), out, checkpoint_every=5, on_error=errors.append)
    assert result.status == "complete" and result.resumed
    assert result.documents == 37 - after and result.total_documents == 37
    assert out.read_bytes() == reference
    assert not staging_path(out).exists() and not journal_path(out).exists()
    # every failure is reported by the run that finishes, whether replayed or read again
    assert len(errors) == 2
    assert any("b.jsonl:10: malformed JSON" in e for e in errors) and any("f.txt: binary file" in e for e in errors)


def test_truncated_journal_line_and_uncommitted_output_are_dropped(tmp_path, inputs, batch_nlp, reference):
    out = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError):
        run_job([inputs], Crashing(LocalEngine(batch_nlp), 17), out, checkpoint_every=4, on_error=lambda m: None)
    with open(journal_path(out), "ab") as f:
        f.write(b'{"documents": 99, "done": ["')
    with open(staging_path(out), "ab") as f:
        f.write(b'{"id": "a1", "text": "half')
    run_job([inputs], LocalEngine(batch_nlp), out, on_error=lambda m: None)
    assert out.read_bytes() == reference


def test_finished_output_is_left_alone_and_overwrite_redoes_it(tmp_path, inputs, batch_nlp, reference):
    out = tmp_path / "out.jsonl"
    run_job([inputs], LocalEngine(batch_nlp), out, on_error=lambda m: None)
    result = run_job([inputs], LocalEngine(batch_nlp), out, on_error=lambda m: None)
    assert result.status == "exists" and result.documents == 0
    out.write_text("old\n")
    result = run_job([inputs], LocalEngine(batch_nlp), out, overwrite=True, on_error=lambda m: None)
    assert result.documents == 37 and out.read_bytes() == reference


def test_a_checkpoint_only_continues_the_same_job(tmp_path, inputs, batch_nlp, batch_model_dir):
    out = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError):
        run_job([inputs], Crashing(LocalEngine(batch_nlp), 10), out, checkpoint_every=4, on_error=lambda m: None)
    with pytest.raises(CheckpointError, match="inputs differ"):
        run_job([inputs / "a.jsonl"], LocalEngine(batch_nlp), out, on_error=lambda m: None)
    with pytest.raises(CheckpointError, match="model differ"):
        run_job([inputs], LocalEngine(svpol.load(None)), out, on_error=lambda m: None)
    # the CLI says so in one line and exits 2; --overwrite starts afresh
    result = CliRunner().invoke(app, ["annotate", str(inputs / "a.jsonl"), "-o", str(out), "-m", str(batch_model_dir)])
    assert result.exit_code == 2 and "belongs to a different job" in result.output
    result = CliRunner().invoke(app, ["annotate", str(inputs / "a.jsonl"), "-o", str(out), "-m", str(batch_model_dir), "--overwrite"])
    assert result.exit_code == 0, result.output
    assert _ids(out) == [f"a{i}" for i in range(12)]


def test_crash_between_finishing_and_renaming(tmp_path, inputs, batch_nlp, reference, monkeypatch):
    out = tmp_path / "out.parquet"

    def die(staging, final):
        raise KeyboardInterrupt

    monkeypatch.setattr(publish, "publish", die)
    with pytest.raises(KeyboardInterrupt):
        run_job([inputs], LocalEngine(batch_nlp), out, on_error=lambda m: None)
    monkeypatch.undo()
    assert not out.exists() and (staging_path(out) / "entities.parquet").exists()
    result = run_job([inputs], LocalEngine(batch_nlp), out, on_error=lambda m: None)
    assert result.documents == 0 and result.total_documents == 37 and len(result.failures) == 1
    assert sorted(os.listdir(out)) == ["documents.parquet", "entities.parquet"]
    assert not journal_path(out).exists()


def _wait_for_commits(journal: Path, proc: subprocess.Popen, commits: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the job ended before it could be killed: {proc.stderr.read().decode()[-2000:]}")
        if journal.exists() and journal.read_bytes().count(b"\n") > commits:
            return
        time.sleep(0.02)
    pytest.fail("no checkpoint written in time")


@pytest.mark.parametrize("fmt", ["jsonl", pytest.param("parquet", marks=pytest.mark.slow)])
def test_kill_9_midway_then_rerun_writes_every_id_once(tmp_path, batch_model_dir, batch_nlp, fmt):
    folder = tmp_path / "in"
    folder.mkdir()
    ids = []
    for part in range(3):
        ids += write_jsonl(folder / f"part{part}.jsonl", 300, seed=part, prefix=f"p{part}-")
    out = tmp_path / f"out.{fmt}"
    args = ["annotate", str(folder), "-o", str(out), "-m", str(batch_model_dir), "--checkpoint-every", "20", "--batch-size", "4"]
    cmd = [sys.executable, "-c", "from svpol.cli import main; main()", *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for_commits(journal_path(out), proc, commits=3)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert not out.exists() and staging_path(out).exists()
    # The same command again (in this process, to spare a second interpreter start).
    rerun = CliRunner().invoke(app, args)
    assert rerun.exit_code == 0, rerun.output
    assert "continued a checkpoint: 900 documents in the output" in rerun.output
    if fmt == "jsonl":
        got = _ids(out)
    else:
        from svpol.writers import read_tables

        got = read_tables(out)["documents"].column("id").to_pylist()
    counts = Counter(got)
    assert sorted(counts) == sorted(ids) and set(counts.values()) == {1}
    assert got == ids  # and in input order
    if fmt == "jsonl":
        # and the same content as a job that was never killed
        reference = tmp_path / "reference.jsonl"
        run_job([folder], LocalEngine(batch_nlp), reference, on_error=lambda m: None)
        assert out.read_bytes() == reference.read_bytes()
