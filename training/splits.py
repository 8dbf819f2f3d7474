"""Deterministic, seeded train/dev assignment by document.

A document's split depends only on the seed and its id (a hash), never on the order in
which documents are read or on how many there are, so adding a source or capping the
number of interpellations does not move any other document between splits.
"""

from __future__ import annotations

import hashlib
import random
from typing import Dict, Hashable, Iterable, List, Sequence, TypeVar

T = TypeVar("T")

TRAIN = "train"
DEV = "dev"


def unit_hash(seed: int, key: str) -> float:
    """A number in [0, 1) fixed by ``seed`` and ``key`` (stable across runs and Python versions)."""
    digest = hashlib.sha256(f"{seed}:{key}".encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def assign_split(doc_id: str, seed: int, dev_fraction: float) -> str:
    """Return ``"dev"`` for about ``dev_fraction`` of document ids, ``"train"`` for the rest.

    Raises:
        ValueError: if ``dev_fraction`` is not in [0, 1].
    """
    if not 0.0 <= dev_fraction <= 1.0:
        raise ValueError(f"dev_fraction must be between 0 and 1, got {dev_fraction}")
    return DEV if unit_hash(seed, doc_id) < dev_fraction else TRAIN


def split_ids(doc_ids: Iterable[str], seed: int, dev_fraction: float) -> Dict[str, str]:
    """Map each distinct document id to its split (see :func:`assign_split`)."""
    return {doc_id: assign_split(doc_id, seed, dev_fraction) for doc_id in dict.fromkeys(doc_ids)}


def seeded_sample(items: Sequence[T], k: int, seed: int) -> List[T]:
    """Pick ``k`` items (all if fewer) with a seeded RNG, keeping their original order."""
    if k < 0:
        raise ValueError(f"sample size must be non-negative, got {k}")
    if k >= len(items):
        return list(items)
    chosen = sorted(random.Random(seed).sample(range(len(items)), k))
    return [items[i] for i in chosen]


def check_disjoint(docs_by_split: Dict[str, Iterable[Hashable]]) -> None:
    """Raise ValueError if any document id occurs in more than one split."""
    seen: Dict[Hashable, str] = {}
    for split, ids in docs_by_split.items():
        for doc_id in ids:
            if seen.setdefault(doc_id, split) != split:
                raise ValueError(f"document {doc_id!r} is in both {seen[doc_id]!r} and {split!r}")
