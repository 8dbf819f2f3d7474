import re
from pathlib import Path

import pytest

from svpol import ENTITY_LABELS, TOPIC_LABELS

GUIDELINES = Path(__file__).resolve().parents[2] / "shared" / "ANNOTATION.md"


def test_label_sets():
    assert ENTITY_LABELS == ("PERSON", "PARTY", "AUTHORITY", "ORG", "LOC", "MONEY")
    assert len(TOPIC_LABELS) == 14
    assert len(set(TOPIC_LABELS)) == 14


@pytest.mark.skipif(not GUIDELINES.exists(), reason="guidelines not beside the checkout")
def test_topic_labels_match_guidelines():
    text = GUIDELINES.read_text(encoding="utf-8")
    topics_part = text.split("## Topics", 1)[1]
    in_doc = [m for m in re.findall(r"^\| ([a-z_]+) \|", topics_part, flags=re.M) if m != "label"]
    assert tuple(in_doc) == TOPIC_LABELS
