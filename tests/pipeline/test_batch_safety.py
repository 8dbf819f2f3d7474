"""Batch jobs used carelessly: two jobs on one output, reruns after the inputs changed, duplicate ids,
stray bytes, progress in logs, and stopping a job with workers (svpol.jobs, svpol.cli.annotate)."""

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_fixtures import read_jsonl, write_jsonl
from typer.testing import CliRunner

from svpol.cli import app
from svpol.engines import LocalEngine
from svpol.jobs import (
    CheckpointError,
    DuplicateIdError,
    OutputLock,
    OutputLocked,
    journal_path,
    lock_path,
    manifest_path,
    read_manifest,
    run_job,
    staging_path,
)
from svpol.jobs import publish  # the module whose publish() a test replaces

CLI = [sys.executable, "-c", "from svpol.cli import main; main()"]


def quiet(message):
    pass


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", 6, seed=1, prefix="a")
    write_jsonl(folder / "b.jsonl", 5, seed=2, prefix="b")
    (folder / "c.txt").write_text("Karin Lindqvist (S) talar.\n\nJonas Ek (M) svarar.", encoding="utf-8")
    (folder / "d.txt").write_text("Migrationsverket får 3,5 mnkr.", encoding="utf-8")
    return folder


def fresh(tmp_path, inputs, nlp, fmt="jsonl", name="fresh"):
    """The output of a first run on ``inputs``, into a new path."""
    out = tmp_path / f"{name}.{fmt}"
    run_job(inputs, LocalEngine(nlp), out, on_error=quiet)
    return out


def wait_for(predicate, proc, timeout=120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if proc.poll() is not None:
            pytest.fail(f"the job ended too early: {proc.stderr.read().decode()[-2000:]}")
        time.sleep(0.02)
    pytest.fail("timed out")


# ---------------------------------------------------------------- 1. one job per output, atomic publishing


def test_a_second_job_on_the_same_output_is_refused_and_touches_nothing(tmp_path, folder, batch_nlp, batch_model_dir):
    out = tmp_path / "out.jsonl"
    run_job([folder], LocalEngine(batch_nlp), out, on_error=quiet)
    before = out.read_bytes(), manifest_path(out).read_bytes()
    with OutputLock(out):
        # in this process ...
        with pytest.raises(OutputLocked, match=f"pid {os.getpid()}"):
            run_job([folder], LocalEngine(batch_nlp), out, overwrite=True, on_error=quiet)
        # ... and from the command line, with --overwrite: exit 2, one line, nothing touched
        proc = subprocess.run(
            [*CLI, "annotate", str(folder), "-o", str(out), "-m", str(batch_model_dir), "--overwrite"],
            capture_output=True, text=True,
        )
    assert proc.returncode == 2, proc.stderr
    assert "is being written by another svpol job" in proc.stderr and "Traceback" not in proc.stderr
    assert (out.read_bytes(), manifest_path(out).read_bytes()) == before
    assert not staging_path(out).exists() and not journal_path(out).exists()
    # the lock is gone with its job, and a stale lock file (a job killed) is taken over
    assert not lock_path(out).exists()
    lock_path(out).write_text("pid 1 on nowhere\n")
    assert run_job([folder], LocalEngine(batch_nlp), out, on_error=quiet).status == "exists"


def test_two_commands_started_together_one_wins_the_other_is_refused(tmp_path, batch_model_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    ids = write_jsonl(folder / "records.jsonl", 4000, seed=5)
    out = tmp_path / "cc.jsonl"
    cmd = [*CLI, "annotate", str(folder), "-o", str(out), "-m", str(batch_model_dir), "--checkpoint-every", "10",
           "--batch-size", "4"]
    first = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for(lambda: journal_path(out).exists(), first)
        # Held still while the second starts, so that it cannot finish first on a fast machine;
        # a stopped process keeps its lock like a running one.
        first.send_signal(signal.SIGSTOP)
        try:
            second = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        finally:
            first.send_signal(signal.SIGCONT)
    finally:
        first.wait(timeout=300)
    assert second.returncode == 2 and "is being written by another svpol job" in second.stderr
    assert first.returncode == 0, first.stderr.read().decode()
    assert [r["id"] for r in read_jsonl(out)] == ids
    assert not lock_path(out).exists() and not staging_path(out).exists()


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_a_folder_output_is_swapped_in_whole(tmp_path, folder, batch_nlp, fmt, monkeypatch):
    from svpol.writers import read_tables

    out = tmp_path / f"out.{fmt}"
    run_job([folder / "a.jsonl"], LocalEngine(batch_nlp), out, on_error=quiet)
    inode = os.stat(out).st_ino
    # The new output is published; the run dies right after the swap, before its manifest.
    real = publish.publish

    def publish_then_die(staging, final):
        real(staging, final)
        # at no point was there no output: the old one now waits at the staging path
        assert final.is_dir() and staging.is_dir() and os.stat(staging).st_ino == inode
        raise KeyboardInterrupt

    monkeypatch.setattr(publish, "publish", publish_then_die)
    with pytest.raises(KeyboardInterrupt):
        run_job([folder], LocalEngine(batch_nlp), out, on_error=quiet)
    monkeypatch.undo()
    assert len(read_tables(out)["documents"]) == 13
    # the next run sees that the output was published: it cleans up and writes the manifest
    result = run_job([folder], LocalEngine(batch_nlp), out, on_error=quiet)
    assert result.documents == 0 and result.total_documents == 13
    assert not staging_path(out).exists() and not journal_path(out).exists()
    assert read_manifest(out)["documents"] == 13
    assert run_job([folder], LocalEngine(batch_nlp), out, on_error=quiet).status == "exists"


# ---------------------------------------------------------------- 2. manifest and reruns


def test_the_manifest_names_inputs_model_and_options(tmp_path, folder, batch_nlp):
    import hashlib

    out = fresh(tmp_path, [folder], batch_nlp)
    manifest = read_manifest(out)
    assert manifest["job"]["format"] == "jsonl" and manifest["job"]["dedupe"] is False
    assert manifest["job"]["model"]["pipeline"] == batch_nlp.pipe_names
    assert manifest["documents"] == 13
    files = {Path(f["path"]).name: f for f in manifest["files"]}
    assert list(files) == ["a.jsonl", "b.jsonl", "c.txt", "d.txt"]
    data = (folder / "b.jsonl").read_bytes()
    assert files["b.jsonl"] == {
        "path": str((folder / "b.jsonl").resolve()), "size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
        "documents": 5, "errors": [],
    }


def _change_inputs(folder: Path) -> None:
    """Change b, add e, remove c; a and d stay as they were."""
    write_jsonl(folder / "b.jsonl", 7, seed=9, prefix="b")
    write_jsonl(folder / "e.jsonl", 3, seed=4, prefix="e")
    (folder / "c.txt").unlink()


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "csv", "spacy"])
def test_a_rerun_redoes_only_what_changed_and_equals_a_fresh_run(tmp_path, folder, batch_nlp, fmt):
    out = tmp_path / f"out.{fmt}"
    run_job([folder], LocalEngine(batch_nlp), out, on_error=quiet)
    _change_inputs(folder)
    result = run_job([folder], LocalEngine(batch_nlp), out, on_error=quiet, nlp=batch_nlp)
    assert result.status == "complete"
    assert result.changes == {"unchanged": 2, "changed": 1, "new": 1, "removed": 1}
    assert result.documents == 7 + 3 and result.copied == 6 + 1 and result.total_documents == 17
    reference = fresh(tmp_path, [folder], batch_nlp, fmt)
    if fmt == "jsonl":
        assert out.read_bytes() == reference.read_bytes()
    elif fmt == "spacy":
        from spacy.tokens import DocBin

        def docs(path):
            return [(d.text, [(e.start_char, e.end_char, e.label_) for e in d.ents], d.cats, d.user_data["svpol"])
                    for d in DocBin().from_disk(path).get_docs(batch_nlp.vocab)]

        assert docs(out) == docs(reference)
    else:
        from svpol.writers import read_tables

        got, want = read_tables(out), read_tables(reference)
        for name in want:
            assert got[name].equals(want[name]), name
    manifest = read_manifest(out)
    assert [Path(f["path"]).name for f in manifest["files"]] == ["a.jsonl", "b.jsonl", "d.txt", "e.jsonl"]
    # and now nothing is left to do
    again = run_job([folder], LocalEngine(batch_nlp), out, on_error=quiet)
    assert again.status == "exists" and again.changes["unchanged"] == 4 and again.documents == 0


def test_cli_says_what_a_rerun_did_and_a_format_change_redoes_everything(tmp_path, folder, batch_model_dir):
    out = tmp_path / "out"
    base = ["annotate", str(folder), "-o", str(out), "-m", str(batch_model_dir)]
    assert CliRunner().invoke(app, [*base, "--format", "jsonl"]).exit_code == 0
    again = CliRunner().invoke(app, [*base, "--format", "jsonl"])
    assert again.exit_code == 0 and "is up to date: 4 inputs unchanged" in again.output
    _change_inputs(folder)
    rerun = CliRunner().invoke(app, [*base, "--format", "jsonl"])
    assert rerun.exit_code == 0, rerun.output
    assert "2 inputs unchanged, 1 changed, 1 new, 1 removed" in rerun.output
    assert "7 kept from the previous output" in rerun.output
    # --format csv on the same path: a folder replaces the file, every input is annotated again
    csv = CliRunner().invoke(app, [*base, "--format", "csv"])
    assert csv.exit_code == 0, csv.output
    assert "format changed: annotating every input again" in csv.output
    assert sorted(os.listdir(out)) == ["documents.csv", "entities.csv"]
    assert read_manifest(out)["job"]["format"] == "csv"


def test_a_fixed_file_is_annotated_on_rerun_and_a_foreign_output_is_not_replaced(tmp_path, folder, batch_nlp):
    (folder / "bad.jsonl").write_text('{"id": "x1", "text": \n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    errors = []
    run_job([folder], LocalEngine(batch_nlp), out, on_error=errors.append)
    assert len(errors) == 1
    # unchanged: nothing to do, but the failure is still reported
    errors.clear()
    assert run_job([folder], LocalEngine(batch_nlp), out, on_error=errors.append).status == "exists"
    assert len(errors) == 1 and "bad.jsonl:1: malformed JSON" in errors[0]
    (folder / "bad.jsonl").write_text('{"id": "x1", "text": "Jonas Ek (M) talar."}\n', encoding="utf-8")
    result = run_job([folder], LocalEngine(batch_nlp), out, on_error=quiet)
    assert result.changes["changed"] == 1 and result.documents == 1 and result.total_documents == 14
    # an output without a manifest is not svpol's to replace
    other = tmp_path / "notes.jsonl"
    other.write_text("my notes\n")
    with pytest.raises(CheckpointError, match="has no svpol manifest"):
        run_job([folder], LocalEngine(batch_nlp), other, on_error=quiet)
    assert other.read_text() == "my notes\n"


def test_kill_9_during_a_rerun_then_rerun_is_exactly_once(tmp_path, batch_model_dir, batch_nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", 50, seed=1, prefix="a")
    write_jsonl(folder / "c.jsonl", 50, seed=3, prefix="c")
    out = tmp_path / "out.jsonl"
    args = ["annotate", str(folder), "-o", str(out), "-m", str(batch_model_dir), "--checkpoint-every", "10",
            "--batch-size", "4"]
    assert CliRunner().invoke(app, args).exit_code == 0
    write_jsonl(folder / "b.jsonl", 400, seed=2, prefix="b")  # new, between a and c
    proc = subprocess.Popen([*CLI, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for(lambda: journal_path(out).exists() and journal_path(out).read_bytes().count(b"\n") > 8, proc)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    # the killed rerun left the previous output whole
    assert [r["id"] for r in read_jsonl(out)][:3] == ["a0", "a1", "a2"] and len(read_jsonl(out)) == 100
    rerun = CliRunner().invoke(app, args)
    assert rerun.exit_code == 0, rerun.output
    assert "continued a checkpoint" in rerun.output
    reference = fresh(tmp_path, [folder], batch_nlp)
    assert out.read_bytes() == reference.read_bytes()


# ---------------------------------------------------------------- 3. duplicate ids


def test_duplicate_ids_refuse_the_job_naming_both_places(tmp_path, batch_model_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps({"id": 1, "text": "Jonas Ek (M) talar."}) + "\n", encoding="utf-8")
    (folder / "b.jsonl").write_text(
        json.dumps({"id": "2", "text": "Karin Lindqvist (S) svarar."}) + "\n"
        + json.dumps({"id": "1", "text": "Migrationsverket får 3,5 mnkr."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.parquet"
    args = ["annotate", str(folder), "-o", str(out), "-m", str(batch_model_dir)]
    result = subprocess.run([*CLI, *args], capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"id '1' in {folder / 'a.jsonl'}:1 and {folder / 'b.jsonl'}:2" in result.stderr
    assert "--dedupe" in result.stderr
    assert not out.exists() and not staging_path(out).exists() and not journal_path(out).exists()
    assert not lock_path(out).exists()
    # --dedupe keeps the first
    result = subprocess.run([*CLI, *args, "--dedupe"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"{folder / 'b.jsonl'}:2: duplicate id '1' skipped" in result.stderr
    assert "1 duplicate ids skipped" in result.stderr
    from svpol.writers import read_tables

    docs = read_tables(out)["documents"]
    assert docs.column("id").to_pylist() == ["1", "2"]
    assert docs.column("source").to_pylist() == [str(folder / "a.jsonl"), str(folder / "b.jsonl")]


def test_a_file_given_twice_is_read_once(tmp_path, folder, batch_nlp):
    out = tmp_path / "out.jsonl"
    result = run_job([folder / "c.txt", folder, folder / "c.txt"], LocalEngine(batch_nlp), out, on_error=quiet)
    ids = [r["id"] for r in read_jsonl(out)]
    assert result.documents == 13 and len(ids) == len(set(ids)) == 13
    # a copy of a file under another name is another source of the same ids
    (folder / "copy.jsonl").write_bytes((folder / "a.jsonl").read_bytes())
    with pytest.raises(DuplicateIdError, match="id 'a0' in .*a.jsonl:1 and .*copy.jsonl:1"):
        run_job([folder], LocalEngine(batch_nlp), "-", on_error=quiet)


# ---------------------------------------------------------------- 4. a stray byte


def test_a_stray_byte_is_replaced_and_named_by_line(tmp_path, batch_model_dir):
    text = "Protokoll från nämnden.\n\nKarin Lindqvist (S) föreslår åtgärder.\nJonas Ek (M) yrkar avslag på förslaget.\n"
    data = text.encode("utf-8")
    at = data.index(b"yrkar")
    path = tmp_path / "p.txt"
    path.write_bytes(data[:at] + b"\x93" + data[at:])
    out = tmp_path / "out.jsonl"
    result = subprocess.run([*CLI, "annotate", str(path), "-o", str(out), "-m", str(batch_model_dir)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"{path}:4: invalid UTF-8 byte replaced" in result.stderr
    assert "cp1252" not in result.stderr
    [record] = read_jsonl(out)
    raw = text[: text.index("yrkar")] + "\ufffd" + text[text.index("yrkar"):]
    assert {e["text"] for e in record["entities"]} >= {"Karin Lindqvist", "Jonas Ek"}
    for e in record["entities"]:
        assert raw[e["start"]:e["end"]] == e["text"]
    # a file that is not UTF-8 at all is still read as cp1252, whole
    old = tmp_path / "old.txt"
    old.write_bytes("Nämnden beslutar – Jonas Ek (M) föreslår åtgärder för äldreomsorgen.".encode("cp1252"))
    result = subprocess.run([*CLI, "annotate", str(old), "-o", "-", "-m", str(batch_model_dir)],
                            capture_output=True, text=True)
    assert "not valid UTF-8, decoded as cp1252" in result.stderr and "byte replaced" not in result.stderr


# ---------------------------------------------------------------- 6. progress in logs


def test_progress_lines_when_stderr_is_not_a_terminal(tmp_path, batch_model_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "r.jsonl", 200, seed=7)
    out = tmp_path / "out.jsonl"
    result = subprocess.run(
        [*CLI, "annotate", str(folder), "-o", str(out), "-m", str(batch_model_dir), "--progress-every", "0.05",
         "--batch-size", "4"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("progress: ")]
    assert lines, result.stderr
    assert all("/200 documents (" in line and "words/s" in line for line in lines)
    assert any("ETA" in line for line in lines)
    assert "\r" not in result.stderr  # no progress bar in a log


# ---------------------------------------------------------------- 7. no tracebacks


def _default_sigint():
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _job_with_workers(tmp_path, batch_model_dir, *options):
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "r.jsonl", 3000, seed=8)
    out = tmp_path / "out.jsonl"
    cmd = [*CLI, "annotate", str(folder), "-o", str(out), "-m", str(batch_model_dir), "--n-process", "2",
           "--batch-size", "4", "--checkpoint-every", "20", *options]
    # a process group of its own, with Ctrl-C's default action, as an interactive shell gives a command
    # (a child inherits an ignored SIGINT, and the test process's own disposition is not the shell's)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
                            preexec_fn=_default_sigint)
    wait_for(lambda: journal_path(out).exists() and journal_path(out).read_bytes().count(b"\n") > 2, proc)
    return proc, out, cmd


def test_ctrl_c_with_workers_is_one_clean_message(tmp_path, batch_model_dir):
    proc, out, cmd = _job_with_workers(tmp_path, batch_model_dir)
    # Held while the signal is sent, so that a fast machine cannot finish the job first.
    os.killpg(proc.pid, signal.SIGSTOP)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole group, workers included
    os.killpg(proc.pid, signal.SIGCONT)
    _, stderr = proc.communicate(timeout=120)
    stderr = stderr.decode()
    assert proc.returncode == 130, stderr
    assert "interrupted:" in stderr and "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    # and the job continues
    rerun = subprocess.run(cmd, capture_output=True, text=True)
    assert rerun.returncode == 0 and "continued a checkpoint" in rerun.stderr
    assert len(read_jsonl(out)) == 3000


@pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="dask.distributed is not installed")
@pytest.mark.parametrize("stop", ["ctrl-c", "kill"])
def test_stopping_a_dask_job_is_one_clean_message(tmp_path, batch_model_dir, stop):
    # the local cluster's workers are in the job's process group: Ctrl-C reaches them too
    proc, _, _ = _job_with_workers(tmp_path, batch_model_dir, "--engine", "dask", "--progress-every", "0")
    if stop == "ctrl-c":
        os.killpg(proc.pid, signal.SIGINT)
    else:
        proc.terminate()
    _, stderr = proc.communicate(timeout=120)
    stderr = stderr.decode()
    assert proc.returncode == 130, stderr
    # nothing but the message: no traceback of a worker, no log line of Dask's (lost or cancelled tasks)
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("interrupted:"), stderr


def test_kill_9_of_the_parent_leaves_no_worker_and_no_traceback(tmp_path, batch_model_dir):
    proc, out, _ = _job_with_workers(tmp_path, batch_model_dir)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # stderr closes when the last worker holding it has exited
    stderr = proc.stderr.read().decode()
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
    # and no worker is left running (zombies wait for init to reap them)
    deadline = time.monotonic() + 10
    while True:
        ps = subprocess.run(["ps", "-o", "stat=", "-s", str(proc.pid)], capture_output=True, text=True).stdout
        if all(state.startswith("Z") for state in ps.split()) or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert all(state.startswith("Z") for state in ps.split()), ps


def test_a_file_changed_between_interruption_and_resume_is_redone_by_the_next_rerun(tmp_path, batch_nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", 20, seed=1, prefix="a")
    out = tmp_path / "out.jsonl"

    class Dying:
        max_chars = LocalEngine(batch_nlp).max_chars

        def model_info(self):
            return LocalEngine(batch_nlp).model_info()

        def annotate(self, records):
            for i, item in enumerate(LocalEngine(batch_nlp).annotate(records)):
                if i == 12:
                    raise RuntimeError("worker died")
                yield item

    with pytest.raises(RuntimeError):
        run_job([folder], Dying(), out, checkpoint_every=5, on_error=quiet)
    write_jsonl(folder / "a.jsonl", 22, seed=1, prefix="a")  # two more records while the job was down
    result = run_job([folder], LocalEngine(batch_nlp), out, on_error=quiet)
    assert result.resumed and result.total_documents == 22
    # the manifest keeps the fingerprint the first part was made from, so the rerun redoes the file
    again = run_job([folder], LocalEngine(batch_nlp), out, on_error=quiet)
    assert again.changes["changed"] == 1 and again.documents == 22
    assert out.read_bytes() == fresh(tmp_path, [folder], batch_nlp).read_bytes()
