"""What every writer does: ``write`` records, ``commit`` them durably, resume from a commit's state, ``close``."""

from pathlib import Path
from typing import Any, Dict, List, Union

State = Dict[str, Any]


class Writer:
    """Base class of the writers: ``write`` records, ``commit``, and ``close`` (or use as a context manager).

    Subclasses take ``(path, state=None)``; ``state`` is a value ``commit`` returned
    for the same path, to continue after it.
    """

    path: str

    def write(self, record: Dict[str, Any]) -> None:
        """Write one output record (durable only after :meth:`commit`)."""
        raise NotImplementedError

    def commit(self) -> State:
        """Flush and sync everything written so far; return the state to resume from."""
        raise NotImplementedError

    def finish(self) -> None:
        """Commit and complete the format (merge parts, write indexes); release open files."""
        self.commit()

    def cleanup(self) -> None:
        """Remove working files that :meth:`finish` no longer needs (safe to repeat)."""

    def abort(self) -> None:
        """Release open files without completing the format (after an error or interruption)."""

    def close(self) -> None:
        """Finish the output and remove working files."""
        self.finish()
        self.cleanup()

    def __enter__(self) -> "Writer":
        return self

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


class FolderWriter(Writer):
    """A writer whose output is a folder; records are buffered until :meth:`commit`."""

    def __init__(self, path: Union[str, Path]) -> None:
        self.path = str(path)
        self.folder = Path(path)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._buffer: List[Dict[str, Any]] = []

    def write(self, record: Dict[str, Any]) -> None:
        """Buffer one record until the next commit."""
        self._buffer.append(record)
