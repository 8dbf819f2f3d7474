"""The files a job keeps beside its output ``OUTPUT``, and removing a file or folder output."""

import shutil
from pathlib import Path
from typing import Union

PARTIAL_SUFFIX = ".partial"
JOURNAL_SUFFIX = ".checkpoint"
LOCK_SUFFIX = ".lock"
MANIFEST_SUFFIX = ".manifest.json"
# Where the previous output waits while a new one is renamed in, where an atomic exchange is not available.
PREVIOUS_SUFFIX = ".previous"


def staging_path(output: Union[str, Path]) -> Path:
    """Where a job writes until it is finished: ``OUTPUT.partial``."""
    return Path(str(output) + PARTIAL_SUFFIX)


def journal_path(output: Union[str, Path]) -> Path:
    """The checkpoint journal of a job: ``OUTPUT.checkpoint``."""
    return Path(str(output) + JOURNAL_SUFFIX)


def lock_path(output: Union[str, Path]) -> Path:
    """The lock file a job holds while it works on ``OUTPUT``: ``OUTPUT.lock``."""
    return Path(str(output) + LOCK_SUFFIX)


def manifest_path(output: Union[str, Path]) -> Path:
    """The manifest of a finished output: ``OUTPUT.manifest.json``."""
    return Path(str(output) + MANIFEST_SUFFIX)


def previous_path(output: Union[str, Path]) -> Path:
    """Where the previous output waits during publishing without an atomic exchange: ``OUTPUT.previous``."""
    return Path(str(output) + PREVIOUS_SUFFIX)


def remove_path(path: Path) -> None:
    """Remove a file or a folder (a folder output), if it exists."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
