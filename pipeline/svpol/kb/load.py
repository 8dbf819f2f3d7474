"""Loading a knowledge base: the one shipped with svpol, or another KB folder."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Iterable, Sequence, Union

from .index import KnowledgeBase
from .storage import KB_PARTS

# The KB shipped with svpol (built by ``python -m training.build_kb``).
DEFAULT_KB_PATH = Path(__file__).parent.parent / "resources" / "kb"


def load_kb(
    path: Union[str, Path, None] = None,
    extra_persons: Iterable[Union[str, Path]] = (),
    parts: Sequence[str] = KB_PARTS,
) -> KnowledgeBase:
    """Load a knowledge base folder (default: the one shipped with svpol).

    Args:
        path: a KB folder written by ``training.build_kb`` or ``KnowledgeBase.to_disk``.
        extra_persons: CSV files of local politicians to add (see ``add_persons_csv``).
        parts: the parts to read (persons are the slow part).

    Raises:
        ValueError: when the folder is not a KB.
    """
    kb = KnowledgeBase.from_disk(Path(path) if path else DEFAULT_KB_PATH, parts)
    for csv_path in extra_persons:
        kb.add_persons_csv(csv_path)
    return kb


@functools.lru_cache(maxsize=1)
def shipped_authorities() -> KnowledgeBase:
    """The shipped KB's authorities and municipalities, loaded once per process and shared by the components that
    check a name against it without a KB of their own (read only: callers must not change it)."""
    return load_kb(parts=("authorities",))
