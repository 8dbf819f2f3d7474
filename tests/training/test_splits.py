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


def test_corpus_refuses_a_document_in_two_splits(blank_nlp):
    from training.corpus import Collected

    collected = Collected()
    collected.add("train", "src", "doc-1", blank_nlp.make_doc("a"))
    collected.add("train", "src", "doc-1", blank_nlp.make_doc("b"))  # same document, same split: fine
    with pytest.raises(ValueError, match="doc-1"):
        collected.add("dev", "src", "doc-1", blank_nlp.make_doc("c"))


def test_corpus_folder_is_replaced_whole(tmp_path):
    from training.corpus import _replace_dir

    target = tmp_path / "corpus"
    target.mkdir()
    (target / "old.spacy").write_text("old")
    new = tmp_path / ".corpus-tmp"
    new.mkdir()
    (new / "train.spacy").write_text("new")
    _replace_dir(new, target)
    assert sorted(p.name for p in target.iterdir()) == ["train.spacy"]
    assert not new.exists() and [p.name for p in tmp_path.iterdir()] == ["corpus"]


def test_datacard_renders_counts_and_checks(tmp_path):
    from training.datacard import HAND_CHECKS, write_datacard
    from training.mapping import MappingStats

    stats = MappingStats()
    stats.before["ORG"] = 2
    stats.after["AUTHORITY"] = 1
    stats.note_org("AUTHORITY", "Polisen")
    manifest = {
        "created": "now", "command": "python -m training.corpus", "git_commit": "abc", "seconds": 1.0,
        "options": {"seed": 0},
        "files": {"train.spacy": {"docs": 1, "counts": {"tokens": 3, "AUTHORITY": 1}}},
        "per_source": {"train": {"klintan": {"docs": 1, "tokens": 3, "AUTHORITY": 1}}},
        "mapping": {"klintan": {"before": {"ORG": 2}, "after": {"AUTHORITY": 1}, "added_by_rules": {},
                                "org_examples": stats.org_examples}},
        "notes": ["x.txt:3: expected 'token label'"],
    }
    path = tmp_path / "DATACARD.md"
    write_datacard(path, manifest)
    text = path.read_text("utf-8")
    assert "| train.spacy | 1 | 3 | 0 | 0 | 1 |" in text
    assert "klintan ORG -> AUTHORITY: `Polisen`" in text and "x.txt:3" in text
    assert all(key in text for key, _ in HAND_CHECKS)
