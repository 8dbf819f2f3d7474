"""Durable files for the writers: fsync a folder, write a file whole or not at all, cut back to a checkpoint."""

import os
from pathlib import Path


def fsync_dir(path: Path) -> None:
    """Make renames and new files in ``path`` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so that ``path`` is whole or absent."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def truncate(path: Path, size: int) -> None:
    """Cut ``path`` back to ``size`` bytes (the last committed state).

    Raises:
        ValueError: ``path`` is missing or shorter than ``size``.
    """
    if not path.exists() or path.stat().st_size < size:
        raise ValueError(f"{path}: shorter than its checkpoint ({size} bytes): the output was changed or removed")
    with open(path, "r+b") as f:
        f.truncate(size)
