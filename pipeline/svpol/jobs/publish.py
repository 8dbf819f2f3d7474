"""Publishing a finished output: the staging output swapped in atomically, then the manifest.

When a job ends, its staging output ``OUTPUT.partial`` is renamed onto
``OUTPUT`` (``os.replace`` for a file; an atomic exchange,
``renameat2(RENAME_EXCHANGE)``, where ``OUTPUT`` already exists and a folder is
involved), so that ``OUTPUT`` always holds either the previous complete output
or the new one. Then ``OUTPUT.manifest.json`` is written and the journal removed.
A job killed in between is published by the next run (:func:`finish_publish`).
"""

import ctypes
import errno
import json
import os
import sys
from pathlib import Path
from typing import Any, Dict

from ..journal import Journal
from ..writers import fsync_dir, remove_working_files
from ..writers.files import write_atomic
from .errors import CheckpointError
from .paths import manifest_path, previous_path, remove_path


def finish_publish(staging: Path, final: Path, fmt: str, journal: Journal, complete: Dict[str, Any]) -> None:
    """Publish a finished staging output (unless a run that died already did), write the manifest, end the journal."""
    mark = complete.get("staging")
    published = False
    if mark and (final.exists() or final.is_symlink()):
        stat = os.stat(final)
        published = [stat.st_dev, stat.st_ino] == mark
    if not published:
        remove_working_files(staging, fmt)
        if not staging.exists():
            raise CheckpointError(
                f"{journal.path}: the job finished but its output {staging} is gone; use --overwrite to start afresh"
            )
        publish(staging, final)
    # What is left: the previous output (moved aside, or at the staging path after an exchange).
    for leftover in (staging, previous_path(final)):
        if leftover.exists() or leftover.is_symlink():
            remove_path(leftover)
    if complete.get("manifest"):
        write_atomic(manifest_path(final), (json.dumps(complete["manifest"], ensure_ascii=False, indent=1) + "\n").encode())
    fsync_dir(final.parent)
    journal.remove()


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2(RENAME_EXCHANGE)``); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def publish(staging: Path, final: Path) -> None:
    """Put the finished staging output at the output path, atomically.

    A file replaces a file with ``os.replace``; where a folder is involved the
    two are exchanged (the previous output then sits at the staging path, to be
    removed). Without an atomic exchange, the previous output is first renamed
    to ``OUTPUT.previous``: only then is there a moment without ``OUTPUT``.
    """
    exists = final.exists() or final.is_symlink()
    if not exists or (staging.is_file() and final.is_file() and not final.is_symlink()):
        os.replace(staging, final)
    elif not exchange(staging, final):
        previous = previous_path(final)
        remove_path(previous)
        os.replace(final, previous)
        os.replace(staging, final)
    fsync_dir(final.parent)
