"""Writing output records. Only this module knows file formats.

For now one format: JSON lines (one record per line, UTF-8, non-ASCII kept).
``open_writer`` picks the format from ``fmt`` or the file suffix; ``-`` writes
to standard output.
"""

import json
import sys
from pathlib import Path
from typing import IO, Any, Dict, Optional, Union

_SUFFIXES = {".jsonl": "jsonl"}


class Writer:
    """Base class of the writers: ``write`` records, then ``close``; usable as a context manager."""

    path: str

    def write(self, record: Dict[str, Any]) -> None:
        """Write one output record."""
        raise NotImplementedError

    def close(self) -> None:
        """Flush and close the output."""
        raise NotImplementedError

    def __enter__(self) -> "Writer":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class JsonlWriter(Writer):
    """Writes one JSON object per line."""

    def __init__(self, path: Union[str, Path]) -> None:
        self.path = str(path)
        self._file: IO[str]
        if self.path == "-":
            self._file = sys.stdout
        else:
            self._file = open(path, "w", encoding="utf-8")

    def write(self, record: Dict[str, Any]) -> None:
        """Write one record as a line of JSON."""
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        """Close the file (standard output is only flushed)."""
        if self._file is sys.stdout:
            self._file.flush()
        elif not self._file.closed:
            self._file.close()


def format_of(path: Union[str, Path], fmt: Optional[str] = None) -> str:
    """The output format for ``path``: ``fmt`` if given, else from the suffix (``-`` is JSON lines).

    Raises:
        ValueError: unknown format or suffix.
    """
    if fmt is not None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown output format {fmt!r} (known: {', '.join(FORMATS)})")
        return fmt
    if str(path) == "-":
        return "jsonl"
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise ValueError(f"{path}: cannot tell the output format from the suffix (known: {', '.join(_SUFFIXES)})")
    return _SUFFIXES[suffix]


def open_writer(path: Union[str, Path], fmt: Optional[str] = None) -> Writer:
    """Open a writer for ``path`` in format ``fmt`` (default: from the suffix).

    Raises:
        ValueError: unknown format.
        OSError: the file cannot be created.
    """
    return _WRITERS[format_of(path, fmt)](path)


_WRITERS = {"jsonl": JsonlWriter}
FORMATS = tuple(_WRITERS)
