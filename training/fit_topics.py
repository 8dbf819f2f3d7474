"""Fit the topic evidence component of a trained pipeline on dev and choose its thresholds.

    python -m training.fit_topics models/sv_svpol_cnn corpus/dev-topics.spacy -o models/sv_svpol_cnn

Runs the text classifier on the dev docs with topic labels, fits the per-label
weights of ``svpol_topic_evidence`` (classifier score plus keyword evidence, see
``svpol.components.topic_evidence``), adds the component after the paragraph topics,
chooses per-label thresholds on the rescored dev docs and writes the pipeline with
the figures in ``meta["svpol"]``. The weights and thresholds are fitted on dev, so the
honest estimate is the 2-fold cross-fitted score (weights and thresholds fitted on one
half, scored on the other), which this command prints and stores next to the
classifier's own cross-fitted score. Run ``training.fit_confidence`` afterwards: the
topic calibration of ``svpol_confidence`` reads the rescored topics.
"""

import json
import shutil
import zlib
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Union

import numpy
import spacy
import srsly
import typer
from spacy.tokens import Doc
from spacy.training import Example

import svpol  # noqa: F401  (registers the svpol components)
from svpol.components.topic_evidence import TopicEvidence, blend_scores
from svpol.evaluate import (
    TEXTCAT,
    all_but_classifier,
    crossfit_topic_scores,
    find_topic_thresholds,
    model_thresholds,
    predict,
    read_docs,
    score_topics,
)
from svpol.labels import TOPIC_LABELS
from svpol.topic_text_model import L2_HASHED, TextTopicModel, TopicLexicon

from .fit_confidence import write_pipeline

EVIDENCE = "topic_evidence"
EVIDENCE_FACTORY = "svpol_topic_evidence"


def _fitted(raw: Dict[int, Dict[str, float]], examples: List[Example]) -> TopicEvidence:
    """A topic evidence component fitted on ``examples`` (their classifier scores in ``raw``)."""
    component = TopicEvidence(EVIDENCE, labels=TOPIC_LABELS)
    component.fit([raw[id(eg)] for eg in examples], [eg.reference.text for eg in examples],
                  [eg.reference.cats for eg in examples])
    return component


def _fitter(raw: Dict[int, Dict[str, float]]) -> Callable[[List[Example]], Callable[[Example], Dict[str, float]]]:
    """A ``refit`` for :func:`crossfit_topic_scores`: fit on the tuning half's raw scores."""

    def refit(tune: List[Example]) -> Callable[[Example], Dict[str, float]]:
        component = _fitted(raw, tune)
        return lambda eg: component.rescore(raw[id(eg)], eg.reference.text)

    return refit


def _replace_topic_dev_scores(dev_scores: Dict[str, Dict[str, object]], tuned: str, crossfit: Dict[str, object]) -> None:
    """Topic scores in the meta measured without the component are stale: the tuned set gets the
    cross-fitted scores, the others lose their topic scores."""
    for name, entry in dev_scores.items():
        entry.pop("topics_micro_f", None)
        entry.pop("topics_macro_f", None)
        if name == tuned:
            entry["topics_micro_f"] = round(crossfit["micro"]["f"], 4)
            entry["topics_macro_f"] = round(crossfit["macro"]["f"], 4)
            entry["topics_scored"] = "2-fold cross-fitted: evidence weights and thresholds fitted on the other half"


def _store_thresholds(meta: Dict[str, object], chosen: Dict[str, object], key: str,
                      record: Dict[str, object]) -> Dict[str, object]:
    """Put the chosen thresholds, and ``record`` under ``key``, into a pipeline meta's ``svpol`` part; returns it."""
    svpol_meta = meta.setdefault("svpol", {})
    svpol_meta["topic_thresholds"] = chosen["per_label"]
    svpol_meta["topic_threshold_global"] = chosen["global"]
    svpol_meta[key] = record
    return svpol_meta


def _store_topic_calibration(nlp, chosen: Dict[str, object], record: Dict[str, object]) -> Dict[str, object]:
    """Put the chosen thresholds and the calibration record into ``meta["svpol"]``; returns it."""
    return _store_thresholds(nlp.meta, chosen, "topic_calibration", record)


def fit_topic_evidence(model: Path, dev: Path, output: Path, *, batch_size: int = 64) -> Dict[str, object]:
    """Fit, add and threshold the topic evidence component of ``model``; write it to ``output``.

    Returns:
        The record stored in ``meta["svpol"]["topic_calibration"]``.
    """
    nlp = spacy.load(model)
    if TEXTCAT not in nlp.pipe_names:
        raise ValueError(f"{model}: the pipeline has no '{TEXTCAT}' component")
    if EVIDENCE in nlp.component_names:
        nlp.remove_pipe(EVIDENCE)
    examples, _ = predict(nlp, read_docs(nlp, dev), batch_size=batch_size, disable=all_but_classifier(nlp))
    examples = [eg for eg in examples if eg.reference.cats]
    if not examples:
        raise ValueError(f"{dev}: no docs with topic labels")
    raw = {id(eg): dict(eg.predicted.cats) for eg in examples}
    classifier_crossfit = crossfit_topic_scores(examples, TOPIC_LABELS)
    evidence_crossfit = crossfit_topic_scores(examples, TOPIC_LABELS, refit=_fitter(raw))

    after = "paragraph_topics" if "paragraph_topics" in nlp.pipe_names else TEXTCAT
    component = nlp.add_pipe(EVIDENCE_FACTORY, name=EVIDENCE, after=after)
    component.set_weights(_fitted(raw, examples).weights_dict())
    for eg in examples:
        eg.predicted.cats = component.rescore(raw[id(eg)], eg.reference.text)
    chosen = find_topic_thresholds(examples, TOPIC_LABELS)
    in_sample = score_topics(examples, chosen["per_label"])
    record = {
        "tuned_on": dev.name,
        "n_docs": chosen["n_docs"],
        "method": "svpol_topic_evidence weights and per-label thresholds fitted on dev",
        "crossfit_micro": evidence_crossfit["micro"],
        "crossfit_macro": evidence_crossfit["macro"],
        "crossfit_per_label": evidence_crossfit["per_label"],
        "classifier_only_crossfit_micro": classifier_crossfit["micro"],
        "classifier_only_crossfit_macro": classifier_crossfit["macro"],
        "in_sample_micro": in_sample["micro"],
    }
    meta = _store_topic_calibration(nlp, chosen, record)
    _replace_topic_dev_scores(meta.get("dev_scores", {}), dev.stem, evidence_crossfit)
    write_pipeline(nlp, output)
    return record


def evaluation_files(paths: Sequence[Path]) -> List[str]:
    """The files among ``paths`` that are dev or test sets by their name: they are never fitted on."""
    return [str(p) for p in paths if "dev" in Path(p).name or "test" in Path(p).name]


def files_of_test_sets(paths: Sequence[Path]) -> List[str]:
    """The files among ``paths`` that are test sets by their name: they judge models and choose nothing."""
    return [str(p) for p in paths if "test" in Path(p).name]


def _document_of(doc: Doc) -> str:
    """The source document of a gold paragraph (folds keep a document's paragraphs together)."""
    from .gold import SOURCE_KEY  # training.gold imports this module's neighbours: import at use

    return doc.user_data.get(SOURCE_KEY, {}).get("doc", doc.text)


def _grid(value: Union[float, Sequence[float]], name: str, upper: float = float("inf")) -> List[float]:
    """A setting given as one value or as the values to choose among, checked to lie in [0, ``upper``]."""
    values = [float(value)] if isinstance(value, (int, float)) else [float(v) for v in value]
    if not values:
        raise ValueError(f"{name}: give at least one value")
    for v in values:
        if not 0.0 <= v <= upper:
            raise ValueError(f"{name} must be between 0 and {upper}, got {v}")
    return values


def fit_topic_model(
    model: Path, train: Sequence[Path], output: Path, *, hashed_features: int = 4096, static_vectors: bool = True,
    classifier: bool = False, blend: Union[float, Sequence[float]] = 0.0,
    l2_hashed: Union[float, Sequence[float]] = L2_HASHED, folds: int = 5, batch_size: int = 64,
    distilled: Sequence[Path] = (), compound_parts: bool = True, lexicon: Optional[Path] = None,
) -> Dict[str, object]:
    """Fit the text topic model of ``topic_evidence`` on hand-annotated paragraphs; write the pipeline.

    The thresholds are chosen on out-of-fold predictions (``folds`` folds by source document),
    which are also the honest estimate stored in ``meta["svpol"]["topic_calibration"]``; the
    model is then fitted on all paragraphs. With ``blend`` the component averages the text
    model's scores with those of MODEL's keyword evidence weights (kept as they are), with
    that weight on the evidence. ``blend`` and ``l2_hashed`` (the hashed features' L2 weight)
    may each be several values: the pair with the best out-of-fold micro F1 is fitted (ties go
    to the first), and every pair's score is in the returned record's ``grid``. The paragraphs of ``distilled``
    (soft labels from ``topic-embedding distill``) join the training data of every fold and of the final fit,
    but never a held-out fold: thresholds and the grid are chosen on the hand-annotated paragraphs alone.
    ``compound_parts``: compounds without a static vector count with their parts' vectors (docs/model.md).
    ``lexicon``: an ``.npz`` of ``topic-embedding lexicon`` (words and an encoder's topic logits per word), stored
    with the text model, whose features it adds.

    Returns:
        The record stored in ``meta["svpol"]["topic_calibration"]``.
    """
    if folds < 2:
        raise ValueError(f"folds must be at least 2, got {folds}")
    blends, l2_values = _grid(blend, "blend", upper=1.0), _grid(l2_hashed, "l2_hashed")
    # The classifier runs in a pipeline of its own: the training texts' strings must not grow the
    # string store of the pipeline that is written.
    analysis = spacy.load(model)
    if TEXTCAT not in analysis.pipe_names:
        raise ValueError(f"{model}: the pipeline has no '{TEXTCAT}' component")
    if any(blends) and EVIDENCE not in analysis.component_names:
        raise ValueError(f"{model}: blend needs the keyword evidence weights of a '{EVIDENCE}' component")
    evidence = analysis.get_pipe(EVIDENCE) if EVIDENCE in analysis.component_names else None
    docs = [d for path in train for d in read_docs(spacy.blank(analysis.lang), path) if d.cats]
    if not docs:
        raise ValueError(f"{', '.join(map(str, train))}: no docs with topic labels")
    soft = [d for path in distilled for d in read_docs(spacy.blank(analysis.lang), path) if d.cats]
    if distilled and not soft:
        raise ValueError(f"{', '.join(map(str, distilled))}: no docs with topic scores to learn from")
    # hand-annotated paragraphs first, then the distilled ones (the indices below rely on that order)
    texts = [d.text for d in docs + soft]
    gold = [dict(d.cats) for d in docs + soft]
    # The classifier's scores are features of every paragraph with classifier=True; the evidence needs them for the
    # hand-annotated paragraphs only (it blends held-out folds, which are never distilled).
    scored = docs + soft if classifier else docs if any(blends) else []
    predicted = predict(analysis, scored, batch_size=batch_size, disable=all_but_classifier(analysis))[0] \
        if scored else []
    scores = [dict(eg.predicted.cats) for eg in predicted] + [{} for _ in range(len(texts) - len(scored))]
    evidence_scores = ([evidence.evidence_scores(s, t) for s, t in zip(scores[:len(docs)], texts)]
                       if any(blends) else None)
    nlp = spacy.load(model)
    lexicon_table = read_lexicon(lexicon) if lexicon is not None else None

    def fitted(indices: Sequence[int], l2: float) -> TextTopicModel:
        text_model = TextTopicModel(TOPIC_LABELS, hashed_features=hashed_features, static_vectors=static_vectors,
                                    classifier=classifier, vocab=nlp.vocab, compound_parts=compound_parts,
                                    lexicon=lexicon_table is not None)
        text_model.lexicon_table = lexicon_table
        text_model.fit([scores[i] for i in indices], [texts[i] for i in indices], [gold[i] for i in indices],
                       l2_hashed=l2)
        return text_model

    # distilled paragraphs (fold -1) are in every fold's training data and never held out
    fold_of = [zlib.crc32(_document_of(d).encode("utf-8")) % folds for d in docs] + [-1] * len(soft)
    grid = []
    for l2 in l2_values:
        out_of_fold: List[Dict[str, float]] = [{} for _ in docs]
        for fold in range(folds):
            held_out = [i for i, f in enumerate(fold_of) if f == fold]
            if not held_out:
                continue
            probabilities = fitted([i for i, f in enumerate(fold_of) if f != fold], l2).predict(
                [scores[i] for i in held_out], [texts[i] for i in held_out])
            for i, row in zip(held_out, probabilities):
                out_of_fold[i] = dict(zip(TOPIC_LABELS, map(float, row)))
        # The blend weight needs no refit: it mixes the same out-of-fold scores.
        for weight in blends:
            examples = []
            for i, doc in enumerate(docs):
                predicted = doc.copy()
                predicted.cats = (blend_scores(evidence_scores[i], out_of_fold[i], weight) if weight
                                  else out_of_fold[i])
                examples.append(Example(predicted, doc))
            chosen = find_topic_thresholds(examples, TOPIC_LABELS)
            grid.append({"blend": weight, "l2_hashed": l2, "chosen": chosen,
                         "scores": score_topics(examples, chosen["per_label"])})
    best = max(grid, key=lambda g: g["scores"]["micro"]["f"])  # max keeps the first of equals

    if EVIDENCE in nlp.component_names:
        nlp.remove_pipe(EVIDENCE)
    after = "paragraph_topics" if "paragraph_topics" in nlp.pipe_names else TEXTCAT
    component = nlp.add_pipe(EVIDENCE_FACTORY, name=EVIDENCE, after=after, config={
        "hashed_features": hashed_features, "static_vectors": static_vectors, "classifier": classifier,
        "blend": best["blend"], "compound_parts": bool(compound_parts), "lexicon": lexicon_table is not None})
    if evidence is not None:
        component.set_weights(evidence.weights_dict())
    component.text_model = fitted(range(len(texts)), best["l2_hashed"])
    cross_validated = best["scores"]
    record = {
        "tuned_on": [path.name for path in train],
        "n_docs": len(docs),
        "distilled": [path.name for path in distilled],
        "n_distilled": len(soft),
        "lexicon": {"file": lexicon.name, "words": len(lexicon_table.keys)} if lexicon_table else None,
        "method": (f"svpol_topic_evidence text model ({hashed_features} hashed word features, static vectors "
                   f"{static_vectors}, compound parts {bool(compound_parts)}, classifier scores {classifier}, "
                   + (f"a topic lexicon of {len(lexicon_table.keys)} words ({lexicon.name}), " if lexicon_table else "")
                   + f"L2 weight of the hashed features {best['l2_hashed']}) fitted on hand-annotated paragraphs"
                   + (f" and the soft labels of {len(soft)} distilled paragraphs" if soft else "")
                   + ", averaged with the keyword evidence "
                   f"scores at weight {best['blend']}; per-label thresholds on {folds}-fold out-of-fold predictions "
                   "of the hand-annotated paragraphs (folds by document)"),
        "blend": best["blend"],
        "l2_hashed": best["l2_hashed"],
        "grid": [{"blend": g["blend"], "l2_hashed": g["l2_hashed"], "crossfit_micro_f": g["scores"]["micro"]["f"]}
                 for g in grid],
        "crossfit_micro": cross_validated["micro"],
        "crossfit_macro": cross_validated["macro"],
        "crossfit_per_label": cross_validated["per_label"],
    }
    meta = _store_topic_calibration(nlp, best["chosen"], record)
    for entry in meta.get("dev_scores", {}).values():
        # Topic scores measured before the text model are stale.
        for key in ("topics_micro_f", "topics_macro_f", "topics_scored"):
            entry.pop(key, None)
    write_pipeline(nlp, output)
    return record


def read_lexicon(path: Path) -> TopicLexicon:
    """The topic lexicon of an ``.npz`` with ``words`` and their ``logits`` (``topic-embedding lexicon``).

    Raises:
        ValueError: naming the file, where it is no such archive or its arrays do not fit the topics.
    """
    try:
        with numpy.load(path) as arrays:
            words, logits = [str(w) for w in arrays["words"]], arrays["logits"]
    except (OSError, ValueError, KeyError) as err:
        raise ValueError(f"{path}: no topic lexicon (an .npz with words and logits; {err})") from None
    if logits.ndim != 2 or logits.shape[1] != len(TOPIC_LABELS):
        raise ValueError(f"{path}: the logits have shape {logits.shape}, one column per topic "
                         f"({len(TOPIC_LABELS)}) is needed")
    return TopicLexicon.from_words(words, logits)


def main(
    model: Path = typer.Argument(..., help="Trained pipeline with a textcat_multilabel component."),
    dev: Path = typer.Argument(..., help="Dev DocBin with topic labels (never the training data)."),
    output: Path = typer.Option(..., "--output", "-o", help="Where the pipeline goes (may be MODEL)."),
    batch_size: int = typer.Option(64, "--batch-size"),
) -> None:
    """Fit the topic evidence component; print cross-fitted topic scores with and without it."""
    record = fit_topic_evidence(model, dev, output, batch_size=batch_size)
    for key in ("classifier_only_crossfit_micro", "crossfit_micro", "in_sample_micro"):
        m = record[key]
        typer.echo(f"{key}: P {m['p']:.3f} R {m['r']:.3f} F1 {m['f']:.3f}")
    typer.echo(f"cross-fitted macro F1: {record['classifier_only_crossfit_macro']['f']:.3f} (classifier only) -> "
               f"{record['crossfit_macro']['f']:.3f} (with evidence)")
    typer.echo(json.dumps({k: round(v["f"], 3) for k, v in record["crossfit_per_label"].items()}))


def model_command(
    model: Path = typer.Argument(..., help="Trained pipeline with a textcat_multilabel component."),
    train: List[Path] = typer.Argument(..., help="Hand-annotated topic DocBins (gold-train.spacy, topics-train.spacy); "
                                       "never dev or test."),
    output: Path = typer.Option(..., "--output", "-o", help="Where the pipeline goes (may be MODEL)."),
    hashed_features: int = typer.Option(4096, "--hashed-features", help="Hash buckets for words and word beginnings."),
    static_vectors: bool = typer.Option(True, "--static-vectors/--no-static-vectors"),
    compound_parts: bool = typer.Option(True, "--compound-parts/--no-compound-parts",
                                        help="Compounds without a static vector count with their parts' vectors."),
    classifier: bool = typer.Option(False, "--classifier/--no-classifier",
                                    help="Use the text classifier's scores as features (only if it never saw TRAIN)."),
    blend: List[float] = typer.Option([0.0], "--blend", help="Weight of MODEL's keyword evidence scores in the "
                                      "average with the text model's (0: the text model alone); repeat it to "
                                      "choose the best by the cross-validated score."),
    l2_hashed: List[float] = typer.Option([L2_HASHED], "--l2-hashed", help="L2 weight of the hashed word features; "
                                          "repeat it to choose the best by the cross-validated score."),
    folds: int = typer.Option(5, "--folds"),
    distilled: List[Path] = typer.Option([], "--distilled", help="DocBins of paragraphs with soft topic labels "
                                         "(topic-embedding distill) to learn from too; never held out."),
    lexicon: Optional[Path] = typer.Option(None, "--lexicon", help="Topic lexicon (.npz of topic-embedding "
                                           "lexicon) whose word logits the text model reads; stored with it."),
) -> None:
    """Fit topic_evidence's text model on hand-annotated paragraphs; print the cross-validated scores."""
    bad = evaluation_files(list(train) + list(distilled))
    if bad:
        typer.echo(f"error: {', '.join(bad)}: dev and test sets choose and judge models; they are not for fitting",
                   err=True)
        raise typer.Exit(2)
    try:
        record = fit_topic_model(model, train, output, hashed_features=hashed_features, static_vectors=static_vectors,
                                 classifier=classifier, blend=blend, l2_hashed=l2_hashed,
                                 folds=folds, distilled=distilled, compound_parts=compound_parts, lexicon=lexicon)
    except (ValueError, OSError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1)
    if len(record["grid"]) > 1:
        for g in record["grid"]:
            typer.echo(f"blend {g['blend']:g}, l2 hashed {g['l2_hashed']:g}: cross-validated micro F1 "
                       f"{g['crossfit_micro_f']:.3f}")
    typer.echo(f"fitted: blend {record['blend']:g}, l2 hashed {record['l2_hashed']:g}")
    m = record["crossfit_micro"]
    typer.echo(f"{record['n_docs']} paragraphs; {folds}-fold cross-validated micro P {m['p']:.3f} R {m['r']:.3f} "
               f"F1 {m['f']:.3f}, macro F1 {record['crossfit_macro']['f']:.3f}")
    typer.echo(json.dumps({k: round(v["f"], 3) for k, v in record["crossfit_per_label"].items()}))


def tune_topic_thresholds(
    model: Path, docs: Sequence[Path], output: Path, *, batch_size: int = 64
) -> Dict[str, object]:
    """Re-choose ``model``'s per-label topic thresholds on hand-labelled docs scored by the whole pipeline.

    The thresholds in a pipeline's meta were chosen when its topic model was fitted, on that model's
    out-of-fold scores; a later change to what feeds the scores (the keyword stems) shifts them. This
    chooses them again (:func:`svpol.evaluate.find_topic_thresholds`) on the pipeline's own scores and
    changes nothing else: only ``meta.json`` is rewritten (``output`` gets a copy of ``model`` first).

    Returns:
        The record stored in ``meta["svpol"]["topic_thresholds_record"]``: the docs, the previous and
        chosen thresholds, and micro/macro F1 with each (in sample, and 2-fold cross-fitted for the
        chosen ones).
    """
    nlp = spacy.load(model)
    examples: List[Example] = []
    for path in docs:
        found, _ = predict(nlp, read_docs(nlp, path), batch_size=batch_size)
        labelled = [eg for eg in found if any(label in eg.reference.cats for label in TOPIC_LABELS)]
        if not labelled:
            raise ValueError(f"{path}: no docs with topic labels")
        examples += labelled
    previous = model_thresholds(nlp)
    chosen = find_topic_thresholds(examples, TOPIC_LABELS)
    before, after = score_topics(examples, previous), score_topics(examples, chosen["per_label"])
    crossfit = crossfit_topic_scores(examples, TOPIC_LABELS)
    record = {
        # the folder too: hand-annotated sets are kept as <set>/gold.spacy
        "tuned_on": ["/".join(path.parts[-2:]) for path in docs],
        "n_docs": chosen["n_docs"],
        "method": "per-label thresholds re-chosen on the whole pipeline's scores (find_topic_thresholds)",
        "previous": previous,
        "chosen": chosen["per_label"],
        "previous_micro_f": round(before["micro"]["f"], 4), "previous_macro_f": round(before["macro"]["f"], 4),
        "chosen_micro_f": round(after["micro"]["f"], 4), "chosen_macro_f": round(after["macro"]["f"], 4),
        "crossfit_micro_f": round(crossfit["micro"]["f"], 4), "crossfit_macro_f": round(crossfit["macro"]["f"], 4),
    }
    if output.resolve() != model.resolve():
        shutil.copytree(model, output)
    meta_path = output / "meta.json"
    meta = srsly.read_json(meta_path)
    _store_thresholds(meta, chosen, "topic_thresholds_record", record)
    srsly.write_json(meta_path, meta)
    return record


def thresholds_command(
    model: Path = typer.Argument(..., help="Packaged pipeline whose topic thresholds to re-choose."),
    docs: List[Path] = typer.Argument(..., help="DocBins with hand-labelled topics (gold-dev.spacy, "
                                      "topics-check.spacy, ...); never a test set."),
    output: Path = typer.Option(..., "--output", "-o", help="Where the pipeline goes (may be MODEL; a new "
                                "directory gets a copy of MODEL)."),
    batch_size: int = typer.Option(64, "--batch-size"),
) -> None:
    """Re-choose the per-label topic thresholds on hand-labelled docs; print the scores before and after."""
    bad = files_of_test_sets(docs)
    if bad:
        typer.echo(f"error: {', '.join(bad)}: a test set judges the model; it chooses nothing", err=True)
        raise typer.Exit(2)
    if output.resolve() != model.resolve() and output.exists():
        typer.echo(f"error: {output} exists; give MODEL itself or a new directory", err=True)
        raise typer.Exit(2)
    try:
        record = tune_topic_thresholds(model, docs, output, batch_size=batch_size)
    except (ValueError, OSError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1)
    typer.echo(f"{record['n_docs']} paragraphs; micro F1 {record['previous_micro_f']:.4f} -> "
               f"{record['chosen_micro_f']:.4f} in sample ({record['crossfit_micro_f']:.4f} cross-fitted), macro "
               f"{record['previous_macro_f']:.4f} -> {record['chosen_macro_f']:.4f}")
    changed = {label: (round(record["previous"][label], 4), value) for label, value in record["chosen"].items()
               if round(value, 4) != round(record["previous"][label], 4)}
    typer.echo(json.dumps(changed))


if __name__ == "__main__":
    typer.run(main)
