"""The sentence-encoder topic head of ``svpol_topic_embedding``: fit it, and add it to a pipeline.

The CPU route of issue #18 that pays for topics (docs/transformer.md, "Topics from a frozen
sentence encoder"). The backbone stays frozen and runs once per paragraph, so fitting costs one
pass of the encoder over the hand-annotated topic paragraphs (about 4 minutes here) and seconds
of head training::

    pip install -e ".[trf,backbone]"
    python -m training backbone build -o backbones/me5-small
    python -m training gold build -o training_output/gold
    python -m training topic-embedding fit -o models/topic_head_me5
    python -m training topic-embedding assemble models/sv_svpol_cnn -o training_output/sv_svpol_cnn_e5

``fit`` chooses the head's thresholds on out-of-fold predictions (folds by source document, as
``fit-topic-model``) and then fits the head on every paragraph. ``assemble`` adds the component
after ``topic_evidence`` and sets each topic's threshold to the same weighted mean as the scores
(``(1 - blend) * pipeline threshold + blend * head threshold``); gold-dev and the municipal sets
stay clean for choosing.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Dict, List, Sequence

import numpy
import spacy
import typer
from spacy.training import Example

import svpol  # noqa: F401  (registers the svpol components)
from svpol.components.topic_embedding import DEFAULT_PREFIX, HEAD_FILE, Encoder, TopicHead
from svpol.evaluate import find_topic_thresholds, model_thresholds, read_docs, score_topics
from svpol.labels import TOPIC_LABELS

from .fit_confidence import write_pipeline
from .fit_topics import _document_of, evaluation_files
from .paths import REPO

app = typer.Typer(help=__doc__.split("\n")[0], no_args_is_help=True)

COMPONENT = "topic_embedding"
GOLD = REPO / "training_output" / "gold"
DEFAULT_TRAIN = [GOLD / f"{name}.spacy" for name in ("gold-train", "topics-train", "topics-written", "topics-templates")]
RECORD_FILE = "head.json"


def fit_head(vectors: numpy.ndarray, gold: numpy.ndarray, *, hidden: int = 256, l2: float = 1e-5,
             epochs: int = 300, scale: float = 10.0, dropout: float = 0.2, seed: int = 0) -> TopicHead:
    """Fit the head by full-batch Adam on binary cross-entropy with L2 on the weights (deterministic)."""
    import torch

    if vectors.ndim != 2 or gold.shape != (len(vectors), len(TOPIC_LABELS)):
        raise ValueError(f"fit_head: vectors {vectors.shape} and gold {gold.shape} do not match "
                         f"({len(TOPIC_LABELS)} topics)")
    torch.manual_seed(seed)
    hidden_layer = torch.nn.Linear(vectors.shape[1], hidden)
    output_layer = torch.nn.Linear(hidden, gold.shape[1])
    model = torch.nn.Sequential(hidden_layer, torch.nn.GELU(approximate="tanh"), torch.nn.Dropout(dropout),
                                output_layer)
    x, y = torch.tensor(vectors * scale), torch.tensor(gold, dtype=torch.float32)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
    for _ in range(epochs):
        model.train()
        optimizer.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(model(x), y)
        loss = loss + l2 * ((hidden_layer.weight ** 2).sum() + (output_layer.weight ** 2).sum())
        loss.backward()
        optimizer.step()
    detach = lambda t: t.detach().numpy().copy()  # noqa: E731
    return TopicHead(detach(hidden_layer.weight).T, detach(hidden_layer.bias), detach(output_layer.weight).T,
                     detach(output_layer.bias), scale=scale)


def _examples(docs, probabilities: numpy.ndarray) -> List[Example]:
    examples = []
    for doc, row in zip(docs, probabilities):
        predicted = doc.copy()
        predicted.cats = dict(zip(TOPIC_LABELS, map(float, row)))
        examples.append(Example(predicted, doc))
    return examples


def fit(train: Sequence[Path], backbone: Path, output: Path, *, folds: int = 5, hidden: int = 256,
        l2: float = 1e-5, epochs: int = 300, seed: int = 0, batch_size: int = 32) -> Dict[str, object]:
    """Encode the topic paragraphs of ``train``, choose thresholds out of fold, fit the head; write ``output``.

    Returns:
        The record written to ``output/head.json`` (settings, thresholds, out-of-fold scores).
    """
    if folds < 2:
        raise ValueError(f"folds must be at least 2, got {folds}")
    if evaluation_files(train):
        raise ValueError(f"{', '.join(evaluation_files(train))}: dev and test sets choose and judge models; "
                         "they are not for fitting")
    blank = spacy.blank("sv")
    docs = []
    for path in train:
        if not Path(path).is_file():
            raise ValueError(f"{path}: no such DocBin (build the gold files with python -m training gold build)")
        docs += [d for d in read_docs(blank, path) if d.cats]
    if not docs:
        raise ValueError(f"{', '.join(map(str, train))}: no docs with topic labels")
    encoder = Encoder(backbone, batch_size=batch_size)
    vectors = encoder([d.text for d in docs])
    gold = numpy.asarray([[float(d.cats.get(label, 0.0)) >= 0.5 for label in TOPIC_LABELS] for d in docs],
                         dtype="float32")
    settings = {"hidden": hidden, "l2": l2, "epochs": epochs, "seed": seed}
    fold_of = numpy.asarray([zlib.crc32(_document_of(d).encode("utf-8")) % folds for d in docs])
    out_of_fold = numpy.zeros_like(gold)
    for fold in range(folds):
        held_out = fold_of == fold
        if held_out.any():
            head = fit_head(vectors[~held_out], gold[~held_out], **settings)
            out_of_fold[held_out] = head.predict(vectors[held_out])
    examples = _examples(docs, out_of_fold)
    chosen = find_topic_thresholds(examples, TOPIC_LABELS)
    crossfit = score_topics(examples, chosen["per_label"])
    head = fit_head(vectors, gold, **settings)
    record = {
        "backbone": Path(backbone).name, "prefix": DEFAULT_PREFIX, "width": int(vectors.shape[1]),
        "tuned_on": [Path(p).name for p in train], "n_docs": len(docs), "folds": folds, **settings,
        "thresholds": chosen["per_label"], "threshold_global": chosen["global"],
        "crossfit_micro": crossfit["micro"], "crossfit_macro": crossfit["macro"],
    }
    output.mkdir(parents=True, exist_ok=True)
    (output / HEAD_FILE).write_bytes(head.to_bytes())
    (output / RECORD_FILE).write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return record


def assemble(model: Path, head_dir: Path, backbone: Path, output: Path, *, blend: float = 0.5) -> Dict[str, float]:
    """Add ``svpol_topic_embedding`` with the head of ``head_dir`` to ``model``; write ``output``.

    Returns:
        The pipeline's new topic thresholds.
    """
    if not 0.0 < blend <= 1.0:
        raise ValueError(f"blend must be in (0, 1], got {blend}")
    if not (head_dir / HEAD_FILE).is_file() or not (head_dir / RECORD_FILE).is_file():
        raise ValueError(f"{head_dir}: no {HEAD_FILE} and {RECORD_FILE} (fit the head with topic-embedding fit)")
    record = json.loads((head_dir / RECORD_FILE).read_text(encoding="utf-8"))
    nlp = spacy.load(model)
    if "topic_evidence" not in nlp.pipe_names:
        raise ValueError(f"{model}: the pipeline has no 'topic_evidence' component to follow")
    if COMPONENT in nlp.pipe_names:
        nlp.remove_pipe(COMPONENT)
    before = model_thresholds(nlp)
    component = nlp.add_pipe("svpol_topic_embedding", name=COMPONENT, after="topic_evidence",
                             config={"backbone": str(Path(backbone).resolve()), "blend": blend,
                                     "prefix": record["prefix"]})
    component.from_disk(head_dir)
    thresholds = {label: round((1.0 - blend) * before[label] + blend * float(record["thresholds"][label]), 4)
                  for label in TOPIC_LABELS}
    meta = nlp.meta.setdefault("svpol", {})
    meta["topic_thresholds"] = thresholds
    meta["topic_embedding"] = {"head": record, "blend": blend, "thresholds_before": before,
                               "method": "thresholds: the same weighted mean as the scores"}
    write_pipeline(nlp, output)
    return thresholds


@app.command("fit")
def fit_command(
    train: List[Path] = typer.Argument(None, help="Topic DocBins (default: gold-train, topics-train, -written, "
                                       "-templates of training_output/gold); never dev or test."),
    backbone: Path = typer.Option(REPO / "backbones" / "me5-small", "--backbone"),
    output: Path = typer.Option(REPO / "models" / "topic_head_me5", "--output", "-o"),
    folds: int = typer.Option(5, "--folds"),
    seed: int = typer.Option(0, "--seed"),
) -> None:
    """Fit the topic head on hand-annotated paragraphs (thresholds out of fold)."""
    try:
        record = fit(train or DEFAULT_TRAIN, backbone, output, folds=folds, seed=seed)
    except (ValueError, RuntimeError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2)
    m = record["crossfit_micro"]
    typer.echo(f"{record['n_docs']} paragraphs; {folds}-fold out-of-fold micro P {m['p']:.3f} R {m['r']:.3f} "
               f"F1 {m['f']:.3f}; macro F1 {record['crossfit_macro']['f']:.3f}; wrote {output}")


@app.command("assemble")
def assemble_command(
    model: Path = typer.Argument(..., help="A trained svpol pipeline with topic_evidence."),
    head: Path = typer.Option(REPO / "models" / "topic_head_me5", "--head"),
    backbone: Path = typer.Option(REPO / "backbones" / "me5-small", "--backbone"),
    output: Path = typer.Option(..., "--output", "-o"),
    blend: float = typer.Option(0.5, "--blend", help="The head's weight in the average."),
) -> None:
    """Add the topic head to a pipeline and set its thresholds."""
    try:
        thresholds = assemble(model, head, backbone, output, blend=blend)
    except (ValueError, OSError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2)
    typer.echo(f"wrote {output}; topic thresholds {json.dumps(thresholds)}")
