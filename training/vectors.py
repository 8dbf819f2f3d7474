"""Static word vectors for the CPU pipeline, trained here on text we have (nothing downloaded).

Text: the training documents of a corpus (``train.spacy``: the UNER, klintan and SUC train
parts, the template paragraphs and the sampled interpellations) plus every interpellation of
the archive that ``training.corpus`` puts in the train split (the same seeded hash split, so no
dev document is read). Tokens come from svpol's tokenizer with their case kept, because the
pipeline looks vectors up by the token as written and capitals matter for names.

The vectors are trained with floret in plain fastText mode (skipgram); the ``max_words`` most
frequent words are kept and written as a spaCy pipeline folder that a config names in
``[initialize] vectors``::

    python -m training.vectors --data-dir ../shared/data --corpus corpus --output training_output/vectors
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Dict, Iterator, Optional

import numpy
import typer
from spacy.tokens import DocBin
from spacy.vectors import Vectors

from svpol.tokenizer import blank

from .gold import document_splits
from .interpellations import ARCHIVE_NAME, iter_interpellations
from .paths import DATA_DIR
from .splits import TRAIN, assign_split

app = typer.Typer(add_completion=False)
TEXT_FILE = "text.txt"
MODEL_DIR = "model"


def training_lines(corpus: Path, data_dir: Path, seed: int, dev_fraction: float) -> Iterator[str]:
    """Space-separated tokens, one line per training document or interpellation paragraph."""
    nlp = blank("sv")
    for doc in DocBin().from_disk(corpus / "train.spacy").get_docs(nlp.vocab):
        yield " ".join(token.text for token in doc if not token.is_space)
    archive = data_dir / ARCHIVE_NAME
    if not archive.exists():
        raise FileNotFoundError(f"{archive}: interpellation archive not found (see {data_dir}/README.md)")
    held_out = {doc for doc, split in document_splits().items() if split != "train"}
    for ip in iter_interpellations(archive):
        # Also the interpellations the corpus did not sample, but never one of the dev split
        # nor a document of gold-dev or gold-test.
        if assign_split(ip.doc_id, seed, dev_fraction) != TRAIN or ip.doc_id in held_out:
            continue
        for doc in nlp.pipe([ip.title] + ip.paragraphs):
            yield " ".join(token.text for token in doc if not token.is_space)


def write_text(path: Path, lines: Iterator[str]) -> Dict[str, int]:
    """Write the lines; returns the numbers of lines and tokens."""
    n_lines = n_tokens = 0
    with path.open("w", encoding="utf8") as f:
        for line in lines:
            if line:
                f.write(line + "\n")
                n_lines += 1
                n_tokens += line.count(" ") + 1
    return {"lines": n_lines, "tokens": n_tokens}


def train_vectors(text: Path, dim: int, min_count: int, epochs: int, threads: int):
    """A floret model in fastText mode (floret is imported here: only this command needs it)."""
    import floret

    return floret.train_unsupervised(str(text), model="skipgram", mode="fasttext", dim=dim, minCount=min_count,
                                     epoch=epochs, thread=threads, verbose=0)


def to_spacy(model, max_words: int, output: Path) -> int:
    """Keep the ``max_words`` most frequent words and write them as a spaCy pipeline folder."""
    words, counts = model.get_words(include_freq=True)
    order = numpy.argsort(-numpy.asarray(counts), kind="stable")
    # "</s>" is fastText's line end, not a word.
    kept = [words[i] for i in order if words[i] != "</s>"][:max_words]
    data = numpy.asarray([model.get_word_vector(w) for w in kept], dtype="float32")
    nlp = blank("sv")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=data, keys=[nlp.vocab.strings.add(w) for w in kept],
                                name="svpol_floret_vectors")
    nlp.to_disk(output)
    return len(kept)


@app.command()
def main(
    data_dir: Path = typer.Option(DATA_DIR, "--data-dir", help="Third-party data (see its README)"),
    corpus: Path = typer.Option(Path("corpus"), "--corpus", help="Corpus folder with train.spacy"),
    output: Path = typer.Option(Path("training_output/vectors"), "--output", "-o", help="Output folder"),
    dim: int = typer.Option(64, "--dim", help="Vector width"),
    max_words: int = typer.Option(50000, "--max-words", help="Most frequent words kept"),
    min_count: int = typer.Option(5, "--min-count", help="Rarest word trained"),
    epochs: int = typer.Option(5, "--epochs"),
    threads: int = typer.Option(1, "--threads", help="More than one is faster but not reproducible"),
    seed: int = typer.Option(0, "--seed", help="The corpus seed: decides the train split of interpellations"),
    dev_fraction: float = typer.Option(0.1, "--interpellation-dev", help="The corpus's interpellation dev share"),
    text: Optional[Path] = typer.Option(None, "--text", help="Reuse this token file instead of writing one"),
) -> None:
    """Train static word vectors on the training text and write them for ``[initialize] vectors``."""
    if not (corpus / "train.spacy").exists():
        typer.echo(f"{corpus}/train.spacy: not found (build the corpus first: python -m training.corpus)", err=True)
        raise typer.Exit(2)
    if dim < 1 or max_words < 1 or min_count < 1 or epochs < 1 or threads < 1:
        typer.echo("--dim, --max-words, --min-count, --epochs and --threads must be positive", err=True)
        raise typer.Exit(2)
    output.mkdir(parents=True, exist_ok=True)
    started = time.time()
    report: Dict[str, object] = {"corpus": str(corpus), "dim": dim, "max_words": max_words, "min_count": min_count,
                                 "epochs": epochs, "threads": threads}
    if text is None:
        text = output / TEXT_FILE
        try:
            report.update(write_text(text, training_lines(corpus, data_dir, seed, dev_fraction)))
        except FileNotFoundError as err:
            typer.echo(str(err), err=True)
            raise typer.Exit(2)
        typer.echo(f"{text}: {report['lines']:,} lines, {report['tokens']:,} tokens ({time.time() - started:.0f}s)",
                   err=True)
    model = train_vectors(text, dim, min_count, epochs, threads)
    report["trained_words"] = len(model.get_words())
    report["kept_words"] = to_spacy(model, max_words, output / MODEL_DIR)
    report["seconds"] = round(time.time() - started, 1)
    (output / "vectors.json").write_text(json.dumps(report, indent=2), encoding="utf8")
    typer.echo(json.dumps(report))


if __name__ == "__main__":
    app()
