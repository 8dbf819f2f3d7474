"""The errors that stop a job before or while it runs (all :class:`CheckpointError`)."""


class CheckpointError(Exception):
    """The job cannot run: its checkpoint belongs to another job, its output was changed, or its inputs are unusable."""


class OutputLocked(CheckpointError):
    """Another job is writing the same output."""


class DuplicateIdError(CheckpointError):
    """Inputs share document ids (and ``dedupe`` is off)."""
