"""Draw a blind sample of topic docs for hand annotation, and score labels against it.

    python -m training.sample_topics_check sample [DOCBIN] -o corpus/check/topics_blind_sample.jsonl
    python -m training.sample_topics_check predict MODEL corpus/check/topics_blind_sample.jsonl -o predictions.jsonl
    python -m training.sample_topics_check score corpus/check/topics_blind.jsonl predictions.jsonl

``sample`` writes ``{"index", "text"}`` lines only: the docs' ``cats`` (the weak labels)
are left out so that the annotator does not see them. Write the output under the
git-ignored ``corpus/`` folder: the texts are third-party data. ``score`` reads the hand
labels and a predictions file, both ``{"index", "topics": [labels]}`` per line, and prints
per-label and micro/macro precision, recall and F1 over the docs of the labels file.
``predict`` writes such a predictions file from a pipeline: its topic classifier and
``topic_evidence`` (where present) with the thresholds in its meta.
"""

import json
import random
from pathlib import Path
from typing import Dict, FrozenSet, List

import spacy
import typer
from spacy.tokens import Doc, DocBin

from svpol.evaluate import TEXTCAT, Counts, all_but_classifier, model_thresholds, summarize
from svpol.labels import TOPIC_LABELS

from .fit_topics import EVIDENCE

app = typer.Typer(add_completion=False, help="Blind topic sample for hand annotation, and its scoring.")


def n_words(doc: Doc) -> int:
    """Number of tokens that are neither punctuation nor whitespace."""
    return sum(1 for token in doc if not (token.is_punct or token.is_space))


def draw_sample(docs: List[Doc], *, n_short: int, n_long: int, min_words: int, long_words: int,
                seed: int) -> List[Dict[str, object]]:
    """Seeded sample of ``n_short`` docs under ``long_words`` words and ``n_long`` at or above it.

    Docs under ``min_words`` words are never drawn. Returns ``{"index", "text"}`` records,
    short ones first, each group in DocBin order.
    """
    counts = [n_words(doc) for doc in docs]
    short = [i for i, n in enumerate(counts) if min_words <= n < long_words]
    long = [i for i, n in enumerate(counts) if n >= long_words]
    for name, pool, wanted in (("short", short, n_short), ("long", long, n_long)):
        if len(pool) < wanted:
            raise ValueError(f"only {len(pool)} {name} docs to draw {wanted} from; lower the sample size")
    rng = random.Random(seed)
    picked = sorted(rng.sample(short, n_short)) + sorted(rng.sample(long, n_long))
    return [{"index": i, "text": docs[i].text} for i in picked]


def read_topics(path: Path) -> Dict[int, FrozenSet[str]]:
    """``{index: topics}`` from a JSONL file of ``{"index", "topics": [labels]}`` lines."""
    result: Dict[int, FrozenSet[str]] = {}
    with path.open(encoding="utf8") as f:
        for line_no, line in enumerate(f, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            unknown = set(record["topics"]) - set(TOPIC_LABELS)
            if unknown:
                raise ValueError(f"{path}:{line_no}: unknown topics {sorted(unknown)}; known: {TOPIC_LABELS}")
            if record["index"] in result:
                raise ValueError(f"{path}:{line_no}: index {record['index']} appears twice")
            result[record["index"]] = frozenset(record["topics"])
    return result


def read_sample(path: Path) -> List[Dict[str, object]]:
    """The ``{"index", "text"}`` records of a sample file written by ``sample``."""
    records = []
    with path.open(encoding="utf8") as f:
        for line_no, line in enumerate(f, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if not isinstance(record.get("index"), int) or not isinstance(record.get("text"), str):
                raise ValueError(f"{path}:{line_no}: expected {{\"index\": int, \"text\": str}}")
            records.append(record)
    return records


def predict_topics(model: Path, records: List[Dict[str, object]], *, batch_size: int = 16) -> List[Dict[str, object]]:
    """``{"index", "topics": [labels]}`` per record: the pipeline's topic scores (classifier,
    then ``topic_evidence`` where the pipeline has it) over its meta thresholds."""
    nlp = spacy.load(model)
    if TEXTCAT not in nlp.pipe_names:
        raise ValueError(f"{model}: the pipeline has no '{TEXTCAT}' component")
    thresholds = model_thresholds(nlp)
    disable = [name for name in all_but_classifier(nlp) if name != EVIDENCE]
    with nlp.select_pipes(disable=disable):
        docs = nlp.pipe((str(r["text"]) for r in records), batch_size=batch_size)
        return [{"index": r["index"], "topics": [label for label in TOPIC_LABELS
                                                   if doc.cats.get(label, 0.0) >= thresholds[label]]}
                for r, doc in zip(records, docs)]


def write_jsonl(path: Path, records: List[Dict[str, object]]) -> None:
    """Write one JSON line per record, creating the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def score_topics(gold: Dict[int, FrozenSet[str]], predicted: Dict[int, FrozenSet[str]]) -> Dict[str, object]:
    """Per-label and micro/macro P/R/F1 of ``predicted`` over the docs of ``gold``."""
    missing = sorted(set(gold) - set(predicted))
    if missing:
        raise ValueError(f"no prediction for indices {missing[:10]}{' ...' if len(missing) > 10 else ''}")
    counts = {label: Counts() for label in TOPIC_LABELS}
    for index, gold_topics in gold.items():
        for label in TOPIC_LABELS:
            is_gold, is_pred = label in gold_topics, label in predicted[index]
            counts[label].tp += is_gold and is_pred
            counts[label].fp += is_pred and not is_gold
            counts[label].fn += is_gold and not is_pred
    return summarize(counts, TOPIC_LABELS)


@app.command()
def sample(
    docbin: Path = typer.Argument(Path("training_output/corpus-v1/dev-topics.spacy"), help="DocBin to draw from."),
    output: Path = typer.Option(Path("corpus/check/topics_blind_sample.jsonl"), "--output", "-o",
                                help="JSONL of {index, text}; keep it out of git (corpus/ is ignored)."),
    n_short: int = typer.Option(40, "--n-short", help="Docs under --long-words words (paragraphs)."),
    n_long: int = typer.Option(20, "--n-long", help="Docs of at least --long-words words (whole documents)."),
    min_words: int = typer.Option(15, "--min-words", help="Shortest doc drawn, in words."),
    long_words: int = typer.Option(150, "--long-words", help="Words from which a doc counts as long."),
    seed: int = typer.Option(13, "--seed", help="Sampling seed."),
) -> None:
    """Write a seeded sample of DOCBIN's texts, without their labels, for blind annotation."""
    docs = list(DocBin().from_disk(docbin).get_docs(spacy.blank("sv").vocab))
    try:
        records = draw_sample(docs, n_short=n_short, n_long=n_long, min_words=min_words,
                              long_words=long_words, seed=seed)
    except ValueError as err:
        typer.echo(f"{docbin}: {err}", err=True)
        raise typer.Exit(1)
    write_jsonl(output, records)
    typer.echo(f"{output}: {len(records)} docs of {len(docs)} ({n_short} short, {n_long} long, seed {seed})")


@app.command()
def predict(
    model: Path = typer.Argument(..., help="Pipeline folder with a topic classifier."),
    sample_file: Path = typer.Argument(Path("corpus/check/topics_blind_sample.jsonl"), help="Sample of {index, text}."),
    output: Path = typer.Option(..., "--output", "-o", help="Predictions, JSONL of {index, topics}."),
    batch_size: int = typer.Option(16, "--batch-size"),
) -> None:
    """Write MODEL's topic labels for the texts of SAMPLE_FILE, for ``score``."""
    try:
        predictions = predict_topics(model, read_sample(sample_file), batch_size=batch_size)
    except (OSError, ValueError) as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(1)
    write_jsonl(output, predictions)
    typer.echo(f"{output}: topics of {len(predictions)} docs")


@app.command()
def score(
    gold: Path = typer.Argument(..., help="Hand labels, JSONL of {index, topics}."),
    predictions: Path = typer.Argument(..., help="Predicted labels, JSONL of {index, topics}."),
) -> None:
    """Print per-label and micro/macro P/R/F1 of PREDICTIONS against GOLD."""
    try:
        scores = score_topics(read_topics(gold), read_topics(predictions))
    except ValueError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(1)
    typer.echo(f"{'label':<16}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'pred':>6}")
    for label, s in scores["per_label"].items():
        typer.echo(f"{label:<16}{s['p'] * 100:7.1f}{s['r'] * 100:7.1f}{s['f'] * 100:7.1f}"
                   f"{s['support']:>6}{s['tp'] + s['fp']:>6}")
    for name in ("micro", "macro"):
        s = scores[name]
        typer.echo(f"{name:<16}{s['p'] * 100:7.1f}{s['r'] * 100:7.1f}{s['f'] * 100:7.1f}")


if __name__ == "__main__":
    app()
