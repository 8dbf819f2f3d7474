"""A tiny corpus written for the model tests: entity sentences and topic documents.

The texts are made up for these tests (no third-party data). Entity sentences
have empty ``doc.cats`` (no topic labels); topic documents have all topic keys
and no entity annotation, as in the real corpus.
"""

from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import spacy
from spacy.tokens import Doc, DocBin

from svpol.labels import TOPIC_LABELS

# (text, [(substring, label), ...]); each substring occurs once in its text.
ENTITY_SENTENCES: List[Tuple[str, List[Tuple[str, str]]]] = [
    ("Ordföranden Berit Lundvall (S) öppnade mötet.", [("Berit Lundvall", "PERSON"), ("S", "PARTY")]),
    ("Kommunstyrelsen beviljar 2,5 mnkr till projektet.", [("Kommunstyrelsen", "AUTHORITY"), ("2,5 mnkr", "MONEY")]),
    ("Säkerhetspolisen varnar för våldsbejakande extremism.", [("Säkerhetspolisen", "AUTHORITY")]),
    ("Moderaterna vill sänka skatten i Göteborg.", [("Moderaterna", "PARTY"), ("Göteborg", "LOC")]),
    ("Jonas Ek (M) yrkar avslag på förslaget.", [("Jonas Ek", "PERSON"), ("M", "PARTY")]),
    ("Regeringen satsar 3 miljarder kronor på polisen.", [("Regeringen", "AUTHORITY"), ("3 miljarder kronor", "MONEY"), ("polisen", "AUTHORITY")]),
    ("Socialdemokraterna och Vänsterpartiet reserverar sig.", [("Socialdemokraterna", "PARTY"), ("Vänsterpartiet", "PARTY")]),
    ("Försvarshögskolan (FHS) har skrivit rapporten.", [("Försvarshögskolan", "AUTHORITY"), ("FHS", "AUTHORITY")]),
    ("Anna Berg arbetar på Volvo i Skövde.", [("Anna Berg", "PERSON"), ("Volvo", "ORG"), ("Skövde", "LOC")]),
    ("Utbildningsnämnden fick 500 tkr extra.", [("Utbildningsnämnden", "AUTHORITY"), ("500 tkr", "MONEY")]),
    ("Karin Holm (V) ställde en fråga till Per Nilsson (KD).", [("Karin Holm", "PERSON"), ("V", "PARTY"), ("Per Nilsson", "PERSON"), ("KD", "PARTY")]),
    ("Svenska kyrkan och LO ordnade ett möte i Malmö.", [("Svenska kyrkan", "ORG"), ("LO", "ORG"), ("Malmö", "LOC")]),
    ("Sverigedemokraterna kritiserar Migrationsverket.", [("Sverigedemokraterna", "PARTY"), ("Migrationsverket", "AUTHORITY")]),
    ("Underskottet uppgår till 12,4 mnkr enligt Lena Åberg.", [("12,4 mnkr", "MONEY"), ("Lena Åberg", "PERSON")]),
    ("Riksdagen röstade igenom budgeten i går.", [("Riksdagen", "AUTHORITY")]),
    ("Nämnden diskuterade frågan utan beslut.", []),
]

_TOPIC_TEXTS: Dict[str, Sequence[str]] = {
    "budget": (
        "Budgeten för nästa år visar ett underskott och kostnaderna ökar.",
        "Nämnden redovisar tertialrapporten med ett överskott i ekonomin.",
        "Skatten höjs för att finansiera de ökade kostnaderna i budgeten.",
    ),
    "education": (
        "Skolan behöver fler lärare och förskolan ska byggas ut.",
        "Eleverna i grundskolan ska få mer undervisning av behöriga lärare.",
        "Gymnasieskolan och vuxenutbildningen får nya utbildningsplatser.",
    ),
    "safety": (
        "Brottsligheten ökar och polisen behöver fler patruller på gatorna.",
        "Tryggheten i centrum ska öka med ordningsvakter och kameror.",
        "Gängvåldet och skjutningarna oroar de boende i området.",
    ),
}


def topic_documents() -> List[Tuple[str, Dict[str, float]]]:
    """Topic documents with all topic keys: texts of one or two topics each."""
    docs = []
    names = list(_TOPIC_TEXTS)
    for i, name in enumerate(names):
        other = names[(i + 1) % len(names)]
        for j, text in enumerate(_TOPIC_TEXTS[name]):
            cats = {label: 0.0 for label in TOPIC_LABELS}
            cats[name] = 1.0
            docs.append((text, dict(cats)))
            # A two-topic document: this text plus one of the next topic.
            cats[other] = 1.0
            docs.append((text + "\n\n" + _TOPIC_TEXTS[other][j], cats))
    return docs


def entity_doc(nlp: spacy.Language, text: str, spans: Sequence[Tuple[str, str]]) -> Doc:
    """A doc of ``text`` with the given entities and complete entity annotation."""
    doc = nlp.make_doc(text)
    ents = []
    for substring, label in spans:
        start = text.index(substring)
        span = doc.char_span(start, start + len(substring), label=label)
        if span is None:
            raise ValueError(f"{substring!r} does not align with the tokens of {text!r}")
        ents.append(span)
    doc.set_ents(ents, default="outside")
    return doc


def write_corpus(directory: Path) -> Dict[str, Path]:
    """Write train.spacy, dev.spacy, dev-topics.spacy and dev-indomain.spacy; returns their paths.

    The tests train on these to overfit, so dev holds the same texts as train.
    """
    nlp = spacy.blank("sv")
    ent_docs = [entity_doc(nlp, text, spans) for text, spans in ENTITY_SENTENCES]
    topic_docs = []
    for text, cats in topic_documents():
        doc = nlp.make_doc(text)
        doc.cats = cats
        topic_docs.append(doc)
    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, docs in (
        ("train", ent_docs + topic_docs),
        ("dev", ent_docs + topic_docs),
        ("dev-topics", topic_docs),
        ("dev-indomain", ent_docs),
    ):
        paths[name] = directory / f"{name}.spacy"
        DocBin(docs=docs, store_user_data=True).to_disk(paths[name])
    return paths


def assert_config_filled(config_path: Path) -> None:
    """Fail unless the config file already holds every section and setting spaCy would fill in."""
    config = spacy.util.load_config(config_path)
    filled = spacy.util.load_model_from_config(config, auto_fill=True, validate=True).config
    for section, values in filled.items():
        assert section in config, f"missing section [{section}]"
        if isinstance(values, dict):
            missing = set(values) - set(config[section])
            assert not missing, f"[{section}] lacks {sorted(missing)}"


TOPIC_GOLD_TEXTS = {
    "budget": "Budgeten innebär höjda skatter och ett underskott i statens finanser.",
    "education": "Eleverna i skolan behöver fler lärare och bättre läromedel.",
    "transport": "Järnvägen och vägarna i länet behöver underhåll och nya spår.",
}


def write_topic_docs(path: Path, copies: int = 8) -> Path:
    """Hand-annotated-style topic paragraphs (three separable topics, one document per copy) for the topic model."""
    from training.gold import SOURCE_KEY

    nlp = spacy.blank("sv")
    docs = []
    for n in range(copies):
        for topic, text in TOPIC_GOLD_TEXTS.items():
            doc = nlp.make_doc(text)
            doc.cats = {label: float(label == topic) for label in TOPIC_LABELS}
            doc.user_data[SOURCE_KEY] = {"doc": f"ipq-{topic}-{n}", "para": 1, "annotator": "t1"}
            docs.append(doc)
    DocBin(docs=docs, store_user_data=True).to_disk(path)
    return path
