"""Helpers for the batch annotation tests: a small saved pipeline and invented documents.

Every text here is made up for the tests (no third-party data).
"""

import json
import random
from pathlib import Path
from typing import Any, Dict, List

from svpol.labels import TOPIC_LABELS

PERSONS = ["Karin Lindqvist", "Jonas Ek", "Berit Lundvall", "Per Nilsson", "Lena Åberg"]
PARTIES = ["S", "M", "V", "KD", "C"]
AUTHORITIES = ["Försvarshögskolan", "Kommunstyrelsen", "Migrationsverket", "Socialnämnden"]
_TEMPLATES = [
    "{person} ({party}) föreslår att {amount} mnkr avsätts till {authority}.",
    "Enligt {authority} behövs {amount} mnkr för arbetet i stadsdelen.",
    "{person} ({party}) yrkar avslag på förslaget från {authority}.",
    "Nämnden diskuterade frågan om skolan och äldreomsorgen utan beslut.",
]


def save_model(path: Path) -> Path:
    """Save a pipeline of the svpol tokenizer, an entity ruler and an untrained (initialized) topic classifier.

    Its entities are exact and its topic scores deterministic, so outputs can be compared.
    """
    from svpol.tokenizer import blank

    nlp = blank()
    ruler = nlp.add_pipe("entity_ruler")
    patterns: List[Dict[str, Any]] = [{"label": "PERSON", "pattern": p} for p in PERSONS]
    patterns += [{"label": "PARTY", "pattern": [{"ORTH": p}]} for p in PARTIES]
    patterns += [{"label": "AUTHORITY", "pattern": a} for a in AUTHORITIES]
    patterns.append({"label": "MONEY", "pattern": [{"LIKE_NUM": True}, {"LOWER": "mnkr"}]})
    textcat = nlp.add_pipe("textcat_multilabel")
    for label in TOPIC_LABELS:
        textcat.add_label(label)
    nlp.initialize()
    # After initialize, which clears the ruler.
    ruler.add_patterns(patterns)
    nlp.to_disk(path)
    return path


def paragraph(rng: random.Random) -> str:
    """One invented paragraph of one to three sentences."""
    sentences = []
    for _ in range(rng.randint(1, 3)):
        sentences.append(
            rng.choice(_TEMPLATES).format(
                person=rng.choice(PERSONS),
                party=rng.choice(PARTIES),
                authority=rng.choice(AUTHORITIES),
                amount=f"{rng.randint(1, 99)},{rng.randint(0, 9)}",
            )
        )
    return " ".join(sentences)


def document(rng: random.Random, paragraphs: int = 3) -> str:
    """An invented document of ``paragraphs`` paragraphs separated by blank lines."""
    return "\n\n".join(paragraph(rng) for _ in range(paragraphs))


def write_jsonl(path: Path, n: int, *, seed: int = 0, prefix: str = "d", paragraphs: int = 2) -> List[str]:
    """Write ``n`` invented records ``{"id", "text", "n"}``; returns their ids."""
    rng = random.Random(seed)
    ids = []
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            rid = f"{prefix}{i}"
            ids.append(rid)
            f.write(json.dumps({"id": rid, "text": document(rng, paragraphs), "n": i}, ensure_ascii=False) + "\n")
    return ids


def read_jsonl(path: Path) -> List[Dict[str, Any]]:
    """The records of a JSON lines file."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]
