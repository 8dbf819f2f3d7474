"""The training data of the stages: the corpus and vectors, built when missing, and the per-stage files."""

import subprocess
import sys
from pathlib import Path
from typing import Dict, List

import spacy
import typer
from spacy.tokens import DocBin

from .paths import REPO

# The hand-annotated gold dev set in the corpus (training.gold).
GOLD_DEV = "dev-gold.spacy"
# Where `python -m training gold build` writes the gold DocBins; the topic model is fitted on these.
GOLD_OUTPUT = Path("training_output/gold")
TOPIC_GOLD_FILES = ("gold-train.spacy", "topics-train.spacy", "topics-written.spacy", "topics-templates.spacy")


def _build(what: str, module: str, args: List[str]) -> None:
    """Run ``python -m module args`` from the repository root, saying what it builds."""
    cmd = [sys.executable, "-m", module, *args]
    typer.echo(f"building {what}: " + " ".join(cmd), err=True)
    subprocess.run(cmd, cwd=REPO, check=True)


def ensure_corpus(corpus: Path, data_dir: Path) -> None:
    """Build the training corpus with ``training.corpus`` unless ``corpus/train.spacy`` exists."""
    if not (corpus / "train.spacy").exists():
        _build("corpus", "training.corpus", ["--data-dir", str(data_dir), "--output", str(corpus)])


def ensure_vectors(vectors: Path, corpus: Path, data_dir: Path) -> Path:
    """The vectors pipeline folder ``vectors/model``; built with ``training.vectors`` unless it exists."""
    model = vectors / "model"
    if not (model / "vocab").is_dir():
        _build("static vectors", "training.vectors",
               ["--data-dir", str(data_dir), "--corpus", str(corpus), "--output", str(vectors)])
    return model


def ensure_topic_gold(gold_dir: Path, data_dir: Path) -> List[Path]:
    """The hand-annotated topic training files; built with ``training gold build`` unless they exist."""
    files = [gold_dir / name for name in TOPIC_GOLD_FILES]
    if not all(f.exists() for f in files):
        _build("gold DocBins", "training", ["gold", "build", "--data-dir", str(data_dir), "--output", str(gold_dir)])
    return files


def split_training_data(corpus: Path, work: Path, dev_tokens: int) -> Dict[str, Path]:
    """Write the per-stage training files into ``work``.

    - ``train-topics.spacy``: train docs with topic labels (stage 1, the topic classifier);
    - ``train-ner.spacy``: train docs with entity annotation (stage 2); whole documents
      that only carry topics would cost tok2vec and ner time and teach them nothing;
    - ``dev-select.spacy``: every k-th dev doc with entity annotation, about
      ``dev_tokens`` tokens, for choosing the stage 2 checkpoint quickly.
    """
    vocab = spacy.blank("sv").vocab
    train = list(DocBin().from_disk(corpus / "train.spacy").get_docs(vocab))
    dev = [d for d in DocBin().from_disk(corpus / "dev.spacy").get_docs(vocab) if d.has_annotation("ENT_IOB")]
    # Real gold decides: all of gold-dev is in the selection sample, the rest of dev is sampled.
    gold_dev = list(DocBin().from_disk(corpus / GOLD_DEV).get_docs(vocab)) if (corpus / GOLD_DEV).exists() else []
    gold_texts = {d.text for d in gold_dev}
    dev = [d for d in dev if d.text not in gold_texts]
    step = max(1, -(-sum(len(d) for d in dev) // dev_tokens))
    parts = {
        "train-topics": [d for d in train if d.cats],
        "train-ner": [d for d in train if d.has_annotation("ENT_IOB")],
        "dev-select": dev[::step] + gold_dev,
    }
    work.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, docs in parts.items():
        if not docs:
            raise ValueError(f"{corpus}: no docs for {name}")
        paths[name] = work / f"{name}.spacy"
        DocBin(docs=docs, store_user_data=True).to_disk(paths[name])
        typer.echo(f"{paths[name]}: {len(docs)} docs, {sum(len(d) for d in docs)} tokens", err=True)
    return paths

