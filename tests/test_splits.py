"""Seeded, document-level splits."""

import pytest

from training.splits import assign_split, check_disjoint, seeded_sample, split_ids, unit_hash


def test_split_is_deterministic_and_order_free():
    ids = [f"doc-{i}" for i in range(2000)]
    first = split_ids(ids, seed=7, dev_fraction=0.1)
    again = split_ids(list(reversed(ids)), seed=7, dev_fraction=0.1)
    assert first == again
    share = sum(v == "dev" for v in first.values()) / len(ids)
    assert 0.07 < share < 0.13


def test_adding_documents_moves_no_other_document():
    base = split_ids([f"d{i}" for i in range(500)], seed=1, dev_fraction=0.2)
    more = split_ids([f"d{i}" for i in range(1000)], seed=1, dev_fraction=0.2)
    assert all(more[k] == v for k, v in base.items())


def test_seed_changes_the_split():
    ids = [f"d{i}" for i in range(500)]
    assert split_ids(ids, 1, 0.2) != split_ids(ids, 2, 0.2)


def test_edges_and_validation():
    assert assign_split("x", 0, 0.0) == "train"
    assert assign_split("x", 0, 1.0) == "dev"
    with pytest.raises(ValueError):
        assign_split("x", 0, 1.5)
    assert 0.0 <= unit_hash(3, "abc") < 1.0


def test_seeded_sample_is_stable_and_ordered():
    items = list(range(100))
    a = seeded_sample(items, 10, seed=5)
    assert a == seeded_sample(items, 10, seed=5) and a == sorted(a) and len(set(a)) == 10
    assert seeded_sample(items, 500, seed=5) == items
    with pytest.raises(ValueError):
        seeded_sample(items, -1, 0)


def test_check_disjoint():
    check_disjoint({"train": ["a", "b"], "dev": ["c"]})
    with pytest.raises(ValueError, match="'b'"):
        check_disjoint({"train": ["a", "b"], "dev": ["b"]})
