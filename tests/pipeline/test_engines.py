"""svpol.engines: local processes and a Dask cluster give the same output, and share resume points."""

import importlib.util
import logging
import random
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from batch_fixtures import document, read_jsonl, write_jsonl
from typer.testing import CliRunner

from svpol.jobs import journal_path, run_job, staging_path
from svpol.cli import app
from svpol.engines import LocalEngine, annotate_counted
from svpol.intake import Record


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """Two .jsonl files, one with long documents that are cut into chunks, and a .txt file."""
    folder = tmp_path_factory.mktemp("in")
    write_jsonl(folder / "a.jsonl", 40, seed=1, prefix="a")
    write_jsonl(folder / "b.jsonl", 6, seed=2, prefix="long", paragraphs=60)
    (folder / "c.txt").write_text(document(random.Random(3), 4), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def local_output(tmp_path_factory, inputs, batch_nlp) -> bytes:
    out = tmp_path_factory.mktemp("local") / "out.jsonl"
    run_job([inputs], LocalEngine(batch_nlp, batch_size=8), out)
    return out.read_bytes()


def test_long_documents_are_chunked_and_stitched_with_raw_offsets(inputs, batch_nlp):
    records = [Record(r["id"], "", r["text"]) for r in read_jsonl(inputs / "b.jsonl")]
    assert all(len(r.raw) > 6000 for r in records)
    whole = list(annotate_counted(records, batch_nlp))
    chunked = list(annotate_counted(records, batch_nlp, max_chars=1000))
    for (w, _), (c, words), rec in zip(whole, chunked, records):
        assert c["entities"] == w["entities"] and c["paragraphs"] == w["paragraphs"]
        assert all(rec.raw[e["start"] : e["end"]] == e["text"] for e in c["entities"])
        assert words > 500


def test_two_processes_give_the_output_of_one(tmp_path, inputs, batch_nlp, local_output):
    out = tmp_path / "out.jsonl"
    # max_chars as in the one-process run; chunks travel between the processes as separate texts
    run_job([inputs], LocalEngine(batch_nlp, batch_size=4, n_process=2), out)
    assert out.read_bytes() == local_output


needs_dask = pytest.mark.skipif(importlib.util.find_spec("distributed") is None, reason="dask.distributed is not installed")


@pytest.fixture(scope="module")
def cluster():
    """A Dask cluster of 2 worker processes on this machine, as a real scheduler would be."""
    from svpol.engines.dask import local_cluster

    with local_cluster(2) as cluster:
        yield cluster


@needs_dask
def test_dask_engine_on_a_scheduler_matches_the_local_engine(tmp_path, inputs, batch_model_dir, cluster, local_output):
    out = tmp_path / "out.jsonl"
    args = ["annotate", str(inputs), "-o", str(out), "-m", str(batch_model_dir), "--engine", "dask"]
    result = CliRunner().invoke(app, [*args, "--scheduler", cluster.scheduler_address, "--batch-size", "3"])
    assert result.exit_code == 0, result.output
    assert "47 documents" in result.output
    assert out.read_bytes() == local_output
    # the model was loaded once per worker, by the plugin, and stays there
    from distributed import Client

    with Client(cluster) as client:
        loaded = client.run(lambda dask_worker: list(dask_worker.plugins["svpol-model"].nlp.pipe_names))
    assert len(loaded) == 2 and all(names == ["entity_ruler", "textcat_multilabel"] for names in loaded.values())


@needs_dask
def test_dask_engine_continues_a_job_the_local_engine_started(tmp_path, inputs, batch_nlp, batch_model_dir, local_output):
    from svpol.engines import DaskEngine

    class Crashing(LocalEngine):
        def annotate(self, records):
            for i, item in enumerate(super().annotate(records)):
                if i == 25:
                    raise RuntimeError("killed")
                yield item

    out = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError):
        run_job([inputs], Crashing(batch_nlp, model=str(batch_model_dir)), out, checkpoint_every=10)
    assert len(read_jsonl(staging_path(out))) == 25
    with DaskEngine(str(batch_model_dir), n_workers=2, batch_size=4) as engine:
        result = run_job([inputs], engine, out)
    assert result.resumed and result.documents == 22
    assert out.read_bytes() == local_output
    assert not journal_path(out).exists()


@needs_dask
def test_dask_engine_reports_an_unusable_model(tmp_path, inputs, cluster):
    result = CliRunner().invoke(
        app,
        ["annotate", str(inputs), "-o", str(tmp_path / "o.jsonl"), "-m", str(tmp_path / "nope"),
         "--engine", "dask", "--scheduler", cluster.scheduler_address],
    )
    assert result.exit_code == 2 and "no such model folder" in result.output


def test_scheduler_needs_the_dask_engine(tmp_path, inputs):
    result = CliRunner().invoke(app, ["annotate", str(inputs), "-o", str(tmp_path / "o.jsonl"), "--scheduler", "tcp://x:1"])
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in result.output


class _InterruptedWait(threading.Event):
    """An event whose wait is interrupted by Ctrl-C at once."""

    def wait(self, timeout=None):
        raise KeyboardInterrupt


def _interrupt_a_sync_call(monkeypatch) -> None:
    """Ctrl-C in Dask's sync() before its coroutine starts, as a stop of a job can land; waits for the loop."""
    from distributed import utils as dask_utils

    runner = dask_utils.LoopRunner(asynchronous=False)
    runner.start()

    async def work():
        return 1

    # The loop is held until the interrupt is in: sync()'s coroutine must not finish first (it would on a
    # busy machine, and sync() would then return without waiting). Callbacks run in order: gate, coroutine, cancel.
    gate = threading.Event()
    runner.loop.add_callback(gate.wait, 10)
    # sync() waits on a threading.Event; only sync()'s module sees the interrupted one
    with monkeypatch.context() as patch:
        patch.setattr(dask_utils, "threading", SimpleNamespace(Event=_InterruptedWait, get_ident=threading.get_ident))
        with pytest.raises(KeyboardInterrupt):
            dask_utils.sync(runner.loop, work)
    gate.set()
    drained = threading.Event()
    runner.loop.add_callback(drained.set)  # runs after sync()'s cancel callback
    assert drained.wait(10)
    runner.stop()


@needs_dask
def test_dasks_sync_cancel_bug_is_not_logged(monkeypatch, caplog):
    from svpol.engines.dask import SyncCancelBugFilter, filter_sync_cancel_bug

    tornado_logger = logging.getLogger("tornado.application")
    monkeypatch.setattr(tornado_logger, "filters", [f for f in tornado_logger.filters if not isinstance(f, SyncCancelBugFilter)])
    _interrupt_a_sync_call(monkeypatch)
    if not any("sync.<locals>.cancel" in r.getMessage() for r in caplog.records):
        pytest.skip("this version of distributed no longer logs the cancel bug")
    caplog.clear()
    filter_sync_cancel_bug()
    _interrupt_a_sync_call(monkeypatch)
    assert not [r for r in caplog.records if r.name == "tornado.application"]
    # other errors of the event loop are still logged
    tornado_logger.error("Exception in callback of someone else")
    assert [r.getMessage() for r in caplog.records] == ["Exception in callback of someone else"]
