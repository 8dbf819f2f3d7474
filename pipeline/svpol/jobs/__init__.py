"""Annotation jobs: one job per output at a time, atomic publishing, a manifest, reruns that redo only what changed.

:func:`run_job` annotates inputs into ``OUTPUT`` through an engine and a writer.
The pieces, one module each:

- :mod:`~svpol.jobs.lock`: the output lock ``OUTPUT.lock`` (a second job on one output is refused);
- :mod:`~svpol.jobs.scan`: the inputs scanned first: files (each once), fingerprints, duplicate ids;
- :mod:`~svpol.jobs.checkpoints`: annotating into the staging output ``OUTPUT.partial``
  with checkpoints in the journal ``OUTPUT.checkpoint``;
- :mod:`~svpol.jobs.publish`: the finished output swapped in atomically;
- :mod:`~svpol.jobs.manifest`: ``OUTPUT.manifest.json``, and what a rerun must redo;
- :mod:`~svpol.jobs.runner`: :func:`run_job`, resuming, and :class:`JobResult`;
- :mod:`~svpol.jobs.paths` and :mod:`~svpol.jobs.errors`: the file names and the errors.
"""

from .errors import CheckpointError, DuplicateIdError, OutputLocked
from .lock import OutputLock
from .manifest import read_manifest
from .paths import journal_path, lock_path, manifest_path, staging_path
from .runner import JobResult, run_job

__all__ = [
    "CheckpointError",
    "DuplicateIdError",
    "JobResult",
    "OutputLock",
    "OutputLocked",
    "journal_path",
    "lock_path",
    "manifest_path",
    "read_manifest",
    "run_job",
    "staging_path",
]
