"""The import path of resumable jobs and their journal from before they had modules of their own.

Jobs (``run_job``, the ``OUTPUT.partial`` staging output and the ``OUTPUT.checkpoint``
journal) live in :mod:`svpol.jobs`, the durable JSON-lines file in :mod:`svpol.journal`;
the CLI (``svpol.cli.annotate``), ``training.distill_topics``, tests and docs/batch.md
still import them from here.
"""

from .jobs import CheckpointError, JobResult, journal_path, run_job, staging_path
from .journal import Journal

__all__ = ["CheckpointError", "JobResult", "Journal", "journal_path", "run_job", "staging_path"]
