"""The Dask distributed engine: the pipeline on a cluster, loaded once per worker.

Workers need the svpol package (``pip install "svpol[dask]"``) and the model
(the same path on every worker, or an installed package name); the input files
stay on the machine that runs ``svpol annotate``.
"""

import logging
import os
import signal
import sys
import time
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional

from distributed import Client, LocalCluster, WorkerPlugin, get_worker
from spacy.language import Language

from ..annotate import BATCH_CHARS, MAX_CHARS
from ..intake import Record
from ..loading import load
from . import Output, annotate_counted, batched, model_info, ordered_results

PLUGIN_NAME = "svpol-model"


class ModelPlugin(WorkerPlugin):
    """Loads the svpol pipeline once per worker, when the worker starts or joins the cluster.

    Args:
        model: pipeline name or path (None: ``svpol.load()``'s default on the worker).
        gpu_id: GPU to run on, -1 for CPU.
    """

    def __init__(self, model: Optional[str], gpu_id: int = -1) -> None:
        self.model = model
        self.gpu_id = gpu_id
        self.nlp: Optional[Language] = None

    def setup(self, worker: Any) -> None:
        """Load the pipeline on ``worker``."""
        self.nlp = load(self.model, gpu_id=self.gpu_id)


def _worker_nlp(worker: Any = None) -> Language:
    return (worker or get_worker()).plugins[PLUGIN_NAME].nlp


def _worker_model_info(model: Optional[str], dask_worker: Any = None) -> Dict[str, Any]:
    # Run with Client.run, which passes the worker as ``dask_worker``.
    return model_info(_worker_nlp(dask_worker), model)


def annotate_batch(records: List[Record], batch_size: int, max_chars: int) -> List[Output]:
    """The task run on a worker: annotate one batch with the worker's pipeline."""
    return list(annotate_counted(records, _worker_nlp(), batch_size=batch_size, max_chars=max_chars))


def dask_setup(worker: Any) -> None:
    """Dask's preload hook, run in each worker process of a local cluster as it starts: ignore Ctrl-C.

    Ctrl-C reaches every process of the terminal's group, the local cluster's
    workers too; each would print a ``KeyboardInterrupt`` traceback and die,
    losing its tasks. The job stops them itself (:meth:`DaskEngine.close`).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# How often a task is checked while its result is awaited (see result_when_done).
POLL_SECONDS = 0.01
# Loggers of Dask and of its event loop ("Future exception was never retrieved" of a closed connection).
DASK_LOGGERS = ("distributed", "asyncio", "tornado")


class SyncCancelBugFilter(logging.Filter):
    """Drops the one record of a Dask bug: the ``NameError`` of ``sync()``'s own cancel callback.

    When Ctrl-C (or SIGTERM, which the CLI turns into Ctrl-C) arrives while
    ``distributed.utils.sync`` waits before its coroutine has started, ``sync()``
    schedules ``cancel`` on the event loop's thread, which reads a variable not
    yet set (distributed 2026.8) and tornado logs the traceback. That thread runs
    it at once, before the job's own handler can quiet Dask's loggers
    (:meth:`DaskEngine._quiet`), so the record is filtered out from the start.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return "sync.<locals>.cancel" not in record.getMessage()


def filter_sync_cancel_bug() -> None:
    """Install :class:`SyncCancelBugFilter` on tornado's application logger, once per process."""
    tornado_logger = logging.getLogger("tornado.application")
    if not any(isinstance(f, SyncCancelBugFilter) for f in tornado_logger.filters):
        tornado_logger.addFilter(SyncCancelBugFilter())


def silence_dask_logs() -> Dict[str, int]:
    """Silence :data:`DASK_LOGGERS` in this process; returns their levels before."""
    levels = {}
    for name in DASK_LOGGERS:
        levels[name] = logging.getLogger(name).level
        logging.getLogger(name).setLevel(logging.CRITICAL + 1)
    return levels


def result_when_done(future: Any) -> List[Output]:
    """A task's result, once it is done: waited for here, not in Dask's ``sync()``.

    Ctrl-C (or SIGTERM, which the CLI turns into Ctrl-C) arriving while ``sync()``
    starts to wait makes Dask log a ``NameError`` traceback from its own cancel
    callback (distributed 2026.8); here the wait is a plain sleep, and ``sync()``
    only fetches a result that is ready.
    """
    while not future.done():
        time.sleep(POLL_SECONDS)
    return future.result()


def local_cluster(n_workers: Optional[int] = None) -> LocalCluster:
    """A cluster of ``n_workers`` (default: CPUs) single-threaded worker processes on this machine.

    On Linux the workers are forked, so they start with svpol and spaCy already
    imported (seconds instead of a minute on a busy machine), as spaCy's own
    ``n_process`` does. They ignore Ctrl-C (:func:`dask_setup`).
    """
    import dask

    n = n_workers if n_workers and n_workers > 0 else (os.cpu_count() or 1)
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    with dask.config.set({"distributed.worker.multiprocessing-method": method}):
        # One thread per process: a spaCy pipeline does not run faster on threads.
        # dashboard on a free port: several jobs may run on one machine
        return LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0", preload=[__name__]
        )


class DaskEngine:
    """Runs the pipeline on a Dask distributed cluster.

    Records are read on this machine and sent to the workers in batches of
    ``batch_size``; results come back in submission order, so the output and
    its resume points are those of the local engine.

    Args:
        model: the pipeline to load on each worker (None: ``svpol.load()``'s default there).
        scheduler: the scheduler address (``tcp://host:8786``); None starts a local
            cluster of ``n_workers`` single-threaded worker processes for this job.
        n_workers: workers of the local cluster (default: CPUs).
        batch_size: records per task.
        max_chars: the longest text given to the model in one piece.
        gpu_id: GPU for the workers' pipelines, -1 for CPU.
        window: batches in flight at once (default: twice the cluster's threads); bounds memory.
        timeout: seconds to wait for the scheduler and a first worker.

    Raises:
        OSError: the scheduler cannot be reached or no worker comes up.
        ValueError: the workers loaded different pipelines.
    """

    name = "dask"

    def __init__(
        self,
        model: Optional[str] = None,
        *,
        scheduler: Optional[str] = None,
        n_workers: Optional[int] = None,
        batch_size: int = 32,
        max_chars: int = MAX_CHARS,
        gpu_id: int = -1,
        window: Optional[int] = None,
        timeout: float = 30.0,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        self.model = model
        self.batch_size = batch_size
        self.max_chars = max_chars
        self._cluster: Optional[LocalCluster] = None
        self.client: Optional[Client] = None
        self._log_levels: Optional[Dict[str, int]] = None  # of Dask's loggers, while they are quieted (see _quiet)
        filter_sync_cancel_bug()
        try:
            if scheduler is None:
                self._cluster = local_cluster(n_workers)
                self.client = Client(self._cluster)
            else:
                self.client = Client(scheduler, timeout=timeout)
            self.client.wait_for_workers(1, timeout=timeout)
            self.client.register_plugin(ModelPlugin(model, gpu_id), name=PLUGIN_NAME)
            infos = self.client.run(_worker_model_info, model)
            distinct = {repr(sorted(info.items())) for info in infos.values()}
            if len(distinct) > 1:
                raise ValueError(f"the workers loaded different pipelines: {sorted(distinct)}")
            self._info = next(iter(infos.values()))
            threads = sum(self.client.nthreads().values())
            self.window = window or max(2, 2 * threads)
        except TimeoutError as e:
            self.close()
            raise OSError(f"dask scheduler {scheduler or '(local cluster)'}: no worker within {timeout:.0f} s") from e
        except BaseException:
            # e.g. Ctrl-C while the workers load the model: the cluster is torn down midway
            self._quiet(workers=False)
            self.close()
            raise

    def model_info(self) -> Dict[str, Any]:
        """The workers' pipeline (see :func:`svpol.engines.model_info`)."""
        return dict(self._info)

    def annotate(self, records: Iterable[Record]) -> Iterator[Output]:
        """Annotate records on the cluster, yielding ``(output record, words)`` in input order."""
        if self.client is None:
            raise ValueError("the engine is closed")
        client = self.client
        futures: List[Any] = []

        def submit(batch: List[Record]) -> Callable[[], List[Output]]:
            # retries: a batch lost with a worker that died is run again on another one.
            future = client.submit(annotate_batch, batch, self.batch_size, self.max_chars, pure=False, retries=2)
            # Only running futures are kept here: a held future keeps its result on the cluster.
            futures[:] = [f for f in futures if not f.done()] + [future]
            return lambda: result_when_done(future)

        batches = batched(records, self.batch_size, max(self.max_chars, BATCH_CHARS))
        try:
            yield from ordered_results(batches, submit, self.window)
        except BaseException:
            # The job stops (an error, Ctrl-C): the batches still running are not needed.
            self._quiet()
            client.cancel([f for f in futures if not f.done()])
            raise

    def _quiet(self, workers: bool = True) -> None:
        """Silence Dask's loggers in this process until :meth:`close` is done, and for good in the
        workers of the local cluster, which close stops.

        A job that stops midway leaves a result being fetched and tasks running or
        cancelled; Dask then logs errors and warnings about them ("Couldn't gather
        keys", a task "ended with CancelledError" as its worker closes, a worker
        killed while it loads the model) that are no error of the job's.

        Args:
            workers: also the workers (not while they may be busy loading the model:
                they would answer only when done).
        """
        if self._log_levels is not None:
            return
        self._log_levels = silence_dask_logs()
        if workers and self._cluster is not None and self.client is not None:
            try:
                self.client.run(silence_dask_logs)
            except Exception:  # a worker already gone: nothing of it left to quiet
                pass

    def close(self) -> None:
        """Disconnect, and stop the local cluster if this engine started one."""
        if self.client is not None:
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
        if self._log_levels is not None:
            for name, level in self._log_levels.items():
                logging.getLogger(name).setLevel(level)
            self._log_levels = None

    def __enter__(self) -> "DaskEngine":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
