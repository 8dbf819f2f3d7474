"""The jsonl format: one output record per line, UTF-8 (``-`` is standard output)."""

import json
import os
import sys
from pathlib import Path
from typing import IO, Any, Dict, Optional, Union

from .base import State, Writer
from .files import truncate


# Pieces of a line are joined and written once they hold this many characters.
_PIECE_CHARS = 1 << 20


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


class JsonlWriter(Writer):
    """Writes one JSON object per line; state: the committed size in bytes."""

    def __init__(self, path: Union[str, Path], state: Optional[State] = None) -> None:
        self.path = str(path)
        self._stdout = self.path == "-"
        self._file: IO[bytes]
        if self._stdout:
            if state:
                raise ValueError("standard output cannot be resumed")
            self._file = sys.stdout.buffer
        elif state:
            truncate(Path(path), state["bytes"])
            self._file = open(path, "ab")
        else:
            self._file = open(path, "wb")

    def write(self, record: Dict[str, Any]) -> None:
        """Write one record as a line of JSON (the bytes of ``json.dumps(record, ensure_ascii=False)``).

        The line is written in pieces, each list of the record item by item, so that a record of
        a very long document (a 20 MB text gives a 177 MB line) never exists as one string.
        """
        pieces = []
        size = 0
        for i, (key, value) in enumerate(record.items()):
            pieces.append(("{" if i == 0 else ", ") + _dumps(key) + ": ")
            if isinstance(value, list):
                for j, item in enumerate(value):
                    pieces.append(("[" if j == 0 else ", ") + _dumps(item))
                    size += len(pieces[-1])
                    if size > _PIECE_CHARS:
                        self._file.write("".join(pieces).encode("utf-8"))
                        pieces, size = [], 0
                pieces.append("]" if value else "[]")
            else:
                pieces.append(_dumps(value))
        pieces.append("}\n" if record else "{}\n")
        self._file.write("".join(pieces).encode("utf-8"))

    def commit(self) -> State:
        """Flush and fsync the file; the state is its size."""
        self._file.flush()
        if self._stdout:
            return {}
        os.fsync(self._file.fileno())
        return {"bytes": self._file.tell()}

    def finish(self) -> None:
        """Flush and close the file (standard output is only flushed)."""
        self.commit()
        self.abort()

    def abort(self) -> None:
        """Close the file."""
        if not self._stdout and not self._file.closed:
            self._file.close()
