"""Distil a teacher pipeline's topic scores into training data for the CNN's topic classifier.

    python -m training.distill_topics training_output/trf/model-best training_output/corpus-v3/train.spacy \\
        -o training_output/distill/train-topics.spacy --max-words 1000000
    python -m training.train --corpus training_output/corpus-v3 --training-dir training_output/cpu-distill \\
        --stages topics --topics-train training_output/distill/train-topics.spacy ...

The teacher (the transformer pipeline, whose classifier learned the weak topic labels
better than the bag-of-words one) scores the training docs that have topic labels; each
scored doc's target becomes ``weight * teacher + (1 - weight) * weak label`` (soft
targets: ``textcat_multilabel`` trains on scores between 0 and 1). Docs the teacher did
not score (beyond ``--max-words``) keep their weak labels. Only training docs are read:
dev stays out of the targets.

A teacher on a CPU is slow (about 500 words/s for the transformer), so the scores are
appended to ``OUTPUT.scores.jsonl`` (``--scores``) as they come and a rerun continues
where the last one stopped; the docs are scored in a seeded random order, so any prefix is a sample.
"""

import random
import time
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence

import spacy
import typer
from spacy.tokens import Doc, DocBin

import svpol  # noqa: F401  (registers the svpol components)
from svpol.journal import Journal
from svpol.evaluate import TEXTCAT, all_but_classifier
from svpol.labels import TOPIC_LABELS

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


def scoring_order(docs: Sequence[Doc], *, seed: int, max_words: int) -> List[int]:
    """Indices of the docs the teacher scores: a seeded shuffle, cut after ``max_words`` tokens
    (0: all)."""
    order = list(range(len(docs)))
    random.Random(seed).shuffle(order)
    if max_words <= 0:
        return order
    chosen, words = [], 0
    for i in order:
        if words >= max_words:
            break
        chosen.append(i)
        words += len(docs[i])
    return chosen


def read_cache(path: Path) -> Dict[int, Dict[str, float]]:
    """Teacher scores written so far: ``{doc index: cats}``. A last line cut short by a killed
    run is dropped from the file too (:class:`svpol.journal.Journal`), so appending after it
    cannot glue the next score onto the torn line."""
    if not path.exists():
        return {}
    return {int(entry["i"]): entry["cats"] for entry in Journal(path).read()}


def _batches(items: List[int], size: int) -> Iterator[List[int]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def score_with_teacher(teacher: Path, docs: Sequence[Doc], todo: List[int], cache_path: Path, *,
                       batch_size: int, total_words: int, done_words: int) -> None:
    """Score ``docs[todo]`` with the teacher's topic classifier, appending to ``cache_path``."""
    nlp = spacy.load(teacher)
    if TEXTCAT not in nlp.pipe_names:
        raise ValueError(f"{teacher}: the pipeline has no '{TEXTCAT}' component")
    start, words = time.perf_counter(), 0
    cache = Journal(cache_path)  # each score is on disk once appended: a killed run loses none
    try:
        with nlp.select_pipes(disable=all_but_classifier(nlp)):
            for batch in _batches(todo, batch_size):
                for i, doc in zip(batch, nlp.pipe([docs[i].text for i in batch], batch_size=batch_size)):
                    cats = {label: round(float(doc.cats[label]), 4) for label in TOPIC_LABELS}
                    cache.append({"i": i, "cats": cats})
                    words += len(docs[i])
                rate = words / (time.perf_counter() - start)
                left = total_words - done_words - words
                typer.echo(f"{done_words + words:,}/{total_words:,} words scored, {rate:,.0f} words/s, "
                           f"{left / rate / 60:.0f} min left", err=True)
    finally:
        cache.close()


def distilled_docs(docs: Sequence[Doc], scores: Dict[int, Dict[str, float]], weight: float) -> List[Doc]:
    """The docs with the targets blended from teacher scores and weak labels (unscored docs as they are)."""
    for i, teacher in scores.items():
        weak = docs[i].cats
        docs[i].cats = {label: weight * teacher[label] + (1 - weight) * float(weak.get(label, 0.0))
                        for label in TOPIC_LABELS}
    return list(docs)


@app.command()
def main(
    teacher: Path = typer.Argument(..., help="Pipeline whose topic classifier scores the docs."),
    train: Path = typer.Argument(..., help="Training DocBin (the corpus's train.spacy); docs without topics are skipped."),
    output: Path = typer.Option(..., "--output", "-o", help="DocBin of the topic docs with distilled targets."),
    max_words: int = typer.Option(0, "--max-words", help="Tokens of docs the teacher scores (0: all)."),
    weight: float = typer.Option(1.0, "--weight", help="Share of the teacher in the target (1: teacher only)."),
    seed: int = typer.Option(0, "--seed", help="Seed of the scoring order."),
    scores_file: Optional[Path] = typer.Option(
        None, "--scores", help="Teacher scores cache (default: OUTPUT with suffix .scores.jsonl); "
                               "share it between runs that differ only in --weight"),
    batch_size: int = typer.Option(16, "--batch-size"),
) -> None:
    """Score topic docs with TEACHER and write them with distilled targets to OUTPUT."""
    if not 0.0 <= weight <= 1.0:
        typer.echo(f"--weight must be between 0 and 1, got {weight}", err=True)
        raise typer.Exit(2)
    for path in (teacher, train):
        if not path.exists():
            typer.echo(f"{path}: not found", err=True)
            raise typer.Exit(2)
    docs = [d for d in DocBin().from_disk(train).get_docs(spacy.blank("sv").vocab) if d.cats]
    if not docs:
        typer.echo(f"{train}: no docs with topic labels", err=True)
        raise typer.Exit(2)
    order = scoring_order(docs, seed=seed, max_words=max_words)
    cache_path = scores_file or output.with_suffix(".scores.jsonl")
    output.parent.mkdir(parents=True, exist_ok=True)
    cache = read_cache(cache_path)
    unknown = [i for i in cache if i >= len(docs)]
    if unknown:
        typer.echo(f"{cache_path}: doc index {unknown[0]} beyond the {len(docs)} topic docs of {train}; "
                   "it belongs to another corpus: delete it", err=True)
        raise typer.Exit(2)
    todo = [i for i in order if i not in cache]
    total_words = sum(len(docs[i]) for i in order)
    typer.echo(f"{len(order)} of {len(docs)} topic docs to score ({total_words:,} words); "
               f"{len(order) - len(todo)} already in {cache_path}", err=True)
    if todo:
        try:
            score_with_teacher(teacher, docs, todo, cache_path, batch_size=batch_size, total_words=total_words,
                               done_words=total_words - sum(len(docs[i]) for i in todo))
        except ValueError as err:
            typer.echo(str(err), err=True)
            raise typer.Exit(2)
    chosen = set(order)
    scores = {i: cats for i, cats in read_cache(cache_path).items() if i in chosen}
    DocBin(docs=distilled_docs(docs, scores, weight), store_user_data=True).to_disk(output)
    typer.echo(f"{output}: {len(docs)} topic docs, {len(scores)} with teacher targets (weight {weight})")


if __name__ == "__main__":
    app()
