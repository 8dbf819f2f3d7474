"""A journal: a JSON-lines file that is durable line by line and survives a crash mid-line.

Resumable jobs (:mod:`svpol.jobs`) keep their checkpoint in one; training keeps
caches in one (``training.distill_topics``).
"""

import json
import os
from pathlib import Path
from typing import IO, Any, Dict, List, Optional

from .writers.files import fsync_dir


class Journal:
    """A JSON-lines file written one durable entry at a time (a job's checkpoint: a header, then a line per commit).

    Args:
        path: the journal file.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: Optional[IO[bytes]] = None

    def read(self) -> List[Dict[str, Any]]:
        """The journal's entries; a last line cut short by a crash is dropped from the file too."""
        entries = []
        good = 0
        with open(self.path, "rb") as f:
            for line in f:
                if not line.endswith(b"\n"):
                    break
                try:
                    entries.append(json.loads(line))
                except json.JSONDecodeError:
                    break
                good += len(line)
        if good < self.path.stat().st_size:
            with open(self.path, "r+b") as f:
                f.truncate(good)
        return entries

    def start(self, header: Dict[str, Any]) -> None:
        """Begin a new journal with ``header``."""
        with open(self.path, "wb") as f:
            f.write(_line(header))
            f.flush()
            os.fsync(f.fileno())
        fsync_dir(self.path.parent)

    def append(self, entry: Dict[str, Any]) -> None:
        """Append one entry durably."""
        if self._file is None:
            self._file = open(self.path, "ab")
        self._file.write(_line(entry))
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        """Close the file."""
        if self._file is not None:
            self._file.close()
            self._file = None

    def remove(self) -> None:
        """Close and delete the journal."""
        self.close()
        self.path.unlink(missing_ok=True)


def _line(entry: Dict[str, Any]) -> bytes:
    return (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8")
