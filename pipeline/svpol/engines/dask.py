"""The Dask distributed engine: the pipeline on a cluster, loaded once per worker.

Workers need the svpol package (``pip install "svpol[dask]"``) and the model
(the same path on every worker, or an installed package name); the input files
stay on the machine that runs ``svpol annotate``.
"""

import os
import sys
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


def local_cluster(n_workers: Optional[int] = None) -> LocalCluster:
    """A cluster of ``n_workers`` (default: CPUs) single-threaded worker processes on this machine.

    On Linux the workers are forked, so they start with svpol and spaCy already
    imported (seconds instead of a minute on a busy machine), as spaCy's own
    ``n_process`` does.
    """
    import dask

    n = n_workers if n_workers and n_workers > 0 else (os.cpu_count() or 1)
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    with dask.config.set({"distributed.worker.multiprocessing-method": method}):
        # One thread per process: a spaCy pipeline does not run faster on threads.
        # dashboard on a free port: several jobs may run on one machine
        return LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0")


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
            return future.result

        try:
            batches = batched(records, self.batch_size, max(self.max_chars, BATCH_CHARS))
            yield from ordered_results(batches, submit, self.window)
        finally:
            # Batches still running when the job stops (an error, Ctrl-C) are not needed.
            client.cancel([f for f in futures if not f.done()])

    def close(self) -> None:
        """Disconnect, and stop the local cluster if this engine started one."""
        if self.client is not None:
            self.client.close()
            self.client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None

    def __enter__(self) -> "DaskEngine":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
