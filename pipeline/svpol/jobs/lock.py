"""The output lock: one job per output at a time.

A job annotating into ``OUTPUT`` holds an exclusive lock on ``OUTPUT.lock``
(``fcntl.flock``) for its whole life: a second job on the same output is
refused at once (:class:`~svpol.jobs.errors.OutputLocked`) and touches none of
the first job's files. The kernel releases the lock when a job dies, even by ``kill -9``.
"""

import errno
import os
import socket
import time
from pathlib import Path
from typing import Any, Optional, Union

from .errors import OutputLocked
from .paths import lock_path


class OutputLock:
    """An exclusive lock on ``OUTPUT.lock`` (``fcntl.flock``), held while a job works on ``OUTPUT``.

    The lock file holds the pid, host and start time of the job holding it, for
    the message another job gets. It is removed on release; a job that died
    leaves it behind, unlocked, and the next job takes it over.

    Raises:
        OutputLocked: another job holds the lock (from :meth:`acquire`).
    """

    def __init__(self, output: Union[str, Path]) -> None:
        self.output = str(output)
        self.path = lock_path(output)
        self._fd: Optional[int] = None

    def acquire(self) -> None:
        """Take the lock, or raise :class:`OutputLocked` naming the job that holds it."""
        try:
            import fcntl
        except ImportError:  # not POSIX: no locking
            return
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as e:
                if e.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    os.close(fd)
                    raise
                try:
                    holder = os.read(fd, 200).decode("utf-8", "replace").strip()
                finally:
                    os.close(fd)
                raise OutputLocked(
                    f"{self.output} is being written by another svpol job ({holder or 'lock ' + str(self.path)}); "
                    "wait for it to finish, or write to another output"
                ) from None
            # The job that held the lock may have removed the file between our open and flock.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime())
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} on {socket.gethostname()} since {stamp}\n".encode())
        self._fd = fd

    def release(self) -> None:
        """Remove the lock file and release the lock (nothing if not held)."""
        if self._fd is not None:
            # Removed while still held, so that no other job can hold a lock on the removed file.
            self.path.unlink(missing_ok=True)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "OutputLock":
        self.acquire()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.release()
