"""Evaluation of a pipeline on gold DocBin files: entities and topics, per label.

Entities are matched on character offsets and labels, so the scores do not depend
on how the gold data was tokenized. A gold doc without entity annotation is
skipped for entities; a predicted entity that touches tokens whose entity
annotation is missing in the gold doc counts neither as right nor as wrong
(the rule spaCy's own scorer follows). A gold doc with empty ``doc.cats`` has no
topic labels and is skipped for topics.

Topic predictions use per-label thresholds: by default those stored in the model
meta (``meta["svpol"]["topic_thresholds"]``), else the text classifier's threshold.
"""

import time
from collections import Counter
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example

from .labels import ENTITY_LABELS, TOPIC_LABELS

# The labels the in-domain entity target is defined over (see docs/model.md).
CORE_ENTITY_LABELS: Tuple[str, ...] = ("PERSON", "PARTY", "AUTHORITY", "MONEY")
TEXTCAT = "textcat_multilabel"
# Candidate thresholds: coarse enough not to fit noise in a dev set of a few hundred docs.
THRESHOLD_GRID: Tuple[float, ...] = tuple(round(0.05 * i, 2) for i in range(1, 20))


class Counts:
    """True positives, false positives and false negatives of one label."""

    __slots__ = ("tp", "fp", "fn")

    def __init__(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp, self.fp, self.fn = tp, fp, fn

    def add(self, other: "Counts") -> None:
        """Add another label's counts to these."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> Dict[str, float]:
        """Precision, recall, F1, support (gold count) and the raw counts."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": p, "r": r, "f": f, "support": self.tp + self.fn, "tp": self.tp, "fp": self.fp, "fn": self.fn}


def summarize(per_label: Mapping[str, Counts], labels: Sequence[str]) -> Dict[str, object]:
    """Per-label scores plus micro and macro averages over ``labels``.

    Macro averages only count labels with gold support or predictions, so a
    label that a data set does not annotate and the model never predicts does
    not pull the average to zero.
    """
    micro = Counts()
    scored = []
    for label in labels:
        counts = per_label.get(label, Counts())
        micro.add(counts)
        if counts.tp + counts.fp + counts.fn:
            scored.append(counts.to_dict())
    n = len(scored)
    macro = {k: (sum(s[k] for s in scored) / n if n else 0.0) for k in ("p", "r", "f")}
    return {
        "per_label": {label: per_label.get(label, Counts()).to_dict() for label in labels},
        "micro": micro.to_dict(),
        "macro": macro,
    }


def _missing_char_ranges(doc: Doc) -> List[Tuple[int, int]]:
    """Character ranges of tokens whose entity annotation is missing."""
    return [(t.idx, t.idx + len(t)) for t in doc if t.ent_iob == 0]


def entity_counts(examples: Iterable[Example]) -> Tuple[Dict[str, Counts], int]:
    """Count entity matches per label; returns the counts and the number of docs scored."""
    counts: Dict[str, Counts] = {}
    n_docs = 0
    for eg in examples:
        gold_doc = eg.reference
        if not gold_doc.has_annotation("ENT_IOB"):
            continue
        n_docs += 1
        gold = {(e.start_char, e.end_char, e.label_) for e in gold_doc.ents}
        missing = _missing_char_ranges(gold_doc)
        for ent in eg.predicted.ents:
            if any(s < ent.end_char and ent.start_char < e for s, e in missing):
                continue
            key = (ent.start_char, ent.end_char, ent.label_)
            label_counts = counts.setdefault(ent.label_, Counts())
            if key in gold:
                label_counts.tp += 1
                gold.discard(key)
            else:
                label_counts.fp += 1
        for _, _, label in gold:
            counts.setdefault(label, Counts()).fn += 1
    return counts, n_docs


def score_entities(examples: Sequence[Example], labels: Sequence[str] = ENTITY_LABELS) -> Dict[str, object]:
    """Entity P/R/F1 per label, micro and macro over ``labels`` and over the core labels."""
    counts, n_docs = entity_counts(examples)
    scores = summarize(counts, labels)
    core = [label for label in CORE_ENTITY_LABELS if label in labels]
    scores["core_micro"] = summarize(counts, core)["micro"]
    scores["n_docs"] = n_docs
    return scores


# Gold attributes of entities, written by training.gold into a gold doc's user data as
# [[start, end, attribute, value], ...].
GOLD_ATTRIBUTES_KEY = "svpol_gold_attributes"
ATTRIBUTES: Tuple[str, ...] = ("party", "amount_sek", "canonical")


def same_attribute(attribute: str, predicted: object, gold: object, kb) -> bool:
    """Whether a predicted attribute value says what the gold one says (see :func:`score_attributes`)."""
    if predicted is None:
        return False
    if attribute == "amount_sek":
        return abs(float(predicted) - float(gold)) <= 0.005 * abs(float(gold))
    # Names through the KB: "fp" and "L" are one party, "Skolverket" and "Statens skolverk" one agency.
    match = kb.match_party if attribute == "party" else kb.match_authority

    def key(value: object) -> str:
        found = match(str(value))
        return (found.id if attribute == "party" else found.canonical).casefold() if found else str(value).casefold()

    return key(predicted) == key(gold)


def score_attributes(examples: Iterable[Example]) -> Dict[str, Dict[str, float]]:
    """Accuracy of entity attributes against the gold values stored in the gold docs.

    A gold attribute counts as right when the pipeline found an entity with the same offsets
    whose attribute has the same value: party letters compared by party (``fp`` = ``L``),
    authorities by the KB's canonical name (``Skolverket`` = ``Statens skolverk``), amounts
    within 0.5 %, other names case-insensitively. ``accuracy`` is over every gold value (a
    missed entity counts as wrong); ``accuracy_found`` only over the entities found.
    """
    from .kb import load_kb

    kb = load_kb(parts=("parties", "authorities"))

    counts = {attr: Counter() for attr in ATTRIBUTES}
    for eg in examples:
        predicted = {(e.start_char, e.end_char): e for e in eg.predicted.ents}
        for start, end, attribute, value in eg.reference.user_data.get(GOLD_ATTRIBUTES_KEY, []):
            if attribute not in counts:
                continue
            c = counts[attribute]
            c["gold"] += 1
            ent = predicted.get((start, end))
            if ent is None or not Span.has_extension(attribute):
                continue
            c["found"] += 1
            c["right"] += same_attribute(attribute, getattr(ent._, attribute), value, kb)
    return {attr: {"gold": c["gold"], "found": c["found"], "right": c["right"],
                   "accuracy": c["right"] / c["gold"] if c["gold"] else 0.0,
                   "accuracy_found": c["right"] / c["found"] if c["found"] else 0.0}
            for attr, c in counts.items() if c["gold"]}


def _topic_pairs(examples: Iterable[Example], labels: Sequence[str]) -> List[Tuple[Dict[str, float], Dict[str, float]]]:
    """(predicted scores, gold values) of the docs that have topic labels."""
    pairs = []
    for eg in examples:
        gold = {k: v for k, v in eg.reference.cats.items() if k in labels}
        if gold:
            pairs.append((eg.predicted.cats, gold))
    return pairs


def topic_counts(
    pairs: Sequence[Tuple[Mapping[str, float], Mapping[str, float]]], thresholds: Mapping[str, float]
) -> Dict[str, Counts]:
    """Count topic decisions per label at the given thresholds."""
    counts = {label: Counts() for label in thresholds}
    for pred, gold in pairs:
        for label, threshold in thresholds.items():
            if label not in gold:
                continue
            predicted = pred.get(label, 0.0) >= threshold
            actual = gold[label] >= 0.5
            if predicted and actual:
                counts[label].tp += 1
            elif predicted:
                counts[label].fp += 1
            elif actual:
                counts[label].fn += 1
    return counts


def score_topics(
    examples: Sequence[Example], thresholds: Mapping[str, float], labels: Sequence[str] = TOPIC_LABELS
) -> Dict[str, object]:
    """Topic P/R/F1 per label and micro/macro averages at the given per-label thresholds."""
    pairs = _topic_pairs(examples, labels)
    scores = summarize(topic_counts(pairs, {label: thresholds[label] for label in labels}), labels)
    scores["n_docs"] = len(pairs)
    scores["thresholds"] = {label: thresholds[label] for label in labels}
    return scores


def find_topic_thresholds(
    examples: Sequence[Example], labels: Sequence[str] = TOPIC_LABELS, min_support: int = 20
) -> Dict[str, object]:
    """Choose topic thresholds on labelled docs.

    One global threshold maximizes micro-F1; a label with at least ``min_support``
    positive docs gets its own threshold (maximizing its F1), the others keep the
    global one, so rare labels are not tuned on a handful of documents. Ties go to
    the value closest to 0.5.

    Returns:
        ``{"global": float, "per_label": {label: float}, "n_docs": int}``.
    """
    if min_support < 1:
        raise ValueError(f"min_support must be at least 1, got {min_support}")
    pairs = _topic_pairs(examples, labels)
    if not pairs:
        raise ValueError("no docs with topic labels to choose thresholds on")

    def best(score_at) -> float:
        return max(THRESHOLD_GRID, key=lambda t: (round(score_at(t), 6), -abs(t - 0.5)))

    def micro_f(t: float) -> float:
        total = Counts()
        for c in topic_counts(pairs, {label: t for label in labels}).values():
            total.add(c)
        return total.to_dict()["f"]

    global_t = best(micro_f)
    per_label = {}
    for label in labels:
        support = sum(1 for _, gold in pairs if gold.get(label, 0.0) >= 0.5)
        if support >= min_support:
            per_label[label] = best(lambda t, lb=label: topic_counts(pairs, {lb: t})[lb].to_dict()["f"])
        else:
            per_label[label] = global_t
    return {"global": global_t, "per_label": per_label, "n_docs": len(pairs)}


def crossfit_topic_scores(
    examples: Sequence[Example],
    labels: Sequence[str] = TOPIC_LABELS,
    min_support: int = 20,
    refit: Optional[Callable[[List[Example]], Callable[[Example], Dict[str, float]]]] = None,
) -> Dict[str, object]:
    """Topic scores with thresholds chosen on the other half of the docs (2-fold).

    Scoring on the docs the thresholds were tuned on is optimistic; this gives the
    honest estimate for unseen docs of the same kind.

    Args:
        examples: predicted docs with their gold topics.
        labels: the topics to score.
        min_support: as in :func:`find_topic_thresholds`.
        refit: for a model that is itself fitted on these docs: called with the tuning
            half, it returns a function giving an example's new predicted scores, which
            replace ``predicted.cats`` in both halves before the thresholds are chosen
            (it sees the original scores; they are restored afterwards).
    """
    folds = [list(examples[0::2]), list(examples[1::2])]
    original = [dict(eg.predicted.cats) for eg in examples]
    counts: Dict[str, Counts] = {label: Counts() for label in labels}
    for tune, test in ((folds[0], folds[1]), (folds[1], folds[0])):
        if refit is not None:
            for eg, cats in zip(examples, original):
                eg.predicted.cats = dict(cats)
            rescore = refit(tune)
            new_cats = [rescore(eg) for eg in tune + test]
            for eg, cats in zip(tune + test, new_cats):
                eg.predicted.cats = cats
        thresholds = find_topic_thresholds(tune, labels, min_support=max(1, min_support // 2))["per_label"]
        for label, c in topic_counts(_topic_pairs(test, labels), thresholds).items():
            counts[label].add(c)
    for eg, cats in zip(examples, original):
        eg.predicted.cats = cats
    return summarize(counts, labels)


def model_thresholds(nlp: Language, labels: Sequence[str] = TOPIC_LABELS) -> Dict[str, float]:
    """The per-label topic thresholds of a pipeline: from its meta, else its textcat's threshold."""
    stored = nlp.meta.get("svpol", {}).get("topic_thresholds", {})
    default = 0.5
    if TEXTCAT in nlp.pipe_names:
        default = float(nlp.get_pipe(TEXTCAT).cfg.get("threshold", 0.5))
    return {label: float(stored.get(label, default)) for label in labels}


def all_but_classifier(nlp: Language) -> List[str]:
    """Components to disable when only the topics matter: all but the text classifier and
    the embedding layers it listens to (none for a bag-of-words classifier)."""
    keep = {TEXTCAT} | {name for name, pipe in nlp.pipeline if TEXTCAT in getattr(pipe, "listening_components", [])}
    return [name for name in nlp.pipe_names if name not in keep]


def read_docs(nlp: Language, path: Path) -> List[Doc]:
    """The gold docs of a ``.spacy`` file."""
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def predict(
    nlp: Language, gold_docs: Sequence[Doc], *, batch_size: int = 64, disable: Sequence[str] = ()
) -> Tuple[List[Example], float]:
    """Run ``nlp`` on the texts of the gold docs; returns examples and the seconds it took."""
    start = time.perf_counter()
    with nlp.select_pipes(disable=[name for name in disable if name in nlp.pipe_names]):
        predicted = list(nlp.pipe((d.text for d in gold_docs), batch_size=batch_size))
    seconds = time.perf_counter() - start
    return [Example(p, g) for p, g in zip(predicted, gold_docs)], seconds


KINDS: Tuple[str, ...] = ("entities", "topics")
# Components that do not change the scored annotation; evaluation skips them for speed.
DEFAULT_SKIP: Tuple[str, ...] = ("paragraph_topics", "confidence")


def score_examples(
    examples: Sequence[Example], thresholds: Mapping[str, float], kinds: Sequence[str] = KINDS
) -> Dict[str, object]:
    """Entity and/or topic scores of predicted examples; a kind left out reads ``{"n_docs": 0}``."""
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown kinds {sorted(unknown)}: choose from {list(KINDS)}")
    scores = {
        "entities": score_entities(examples) if "entities" in kinds else {"n_docs": 0, "not_scored": True},
        "topics": score_topics(examples, thresholds) if "topics" in kinds else {"n_docs": 0, "not_scored": True},
    }
    attributes = score_attributes(examples) if "entities" in kinds else {}
    if attributes:
        scores["attributes"] = attributes
    return scores


def evaluate(
    nlp: Language,
    path: Path,
    *,
    batch_size: int = 64,
    thresholds: Optional[Mapping[str, float]] = None,
    disable: Sequence[str] = DEFAULT_SKIP,
    kinds: Sequence[str] = KINDS,
) -> Dict[str, object]:
    """Evaluate ``nlp`` on the gold docs of one ``.spacy`` file.

    Args:
        nlp: The pipeline.
        path: A DocBin file with gold entities and/or topics.
        batch_size: Batch size for ``nlp.pipe``.
        thresholds: Per-label topic thresholds; default: the pipeline's own.
        disable: Components not to run; default: those that do not change the scored annotation.
        kinds: What to score: "entities", "topics" or both.
    """
    gold_docs = read_docs(nlp, path)
    examples, seconds = predict(nlp, gold_docs, batch_size=batch_size, disable=disable)
    scores = score_examples(examples, thresholds or model_thresholds(nlp), kinds)
    scores["n_docs"] = len(gold_docs)
    scores["words"] = sum(len(d) for d in gold_docs)
    scores["seconds"] = seconds
    return scores


def format_scores(name: str, scores: Mapping[str, object]) -> str:
    """A plain-text report: per-label tables for entities and topics."""
    lines = [f"== {name}: {scores.get('n_docs', '?')} docs, {scores.get('words', '?')} words"]
    for kind in ("entities", "topics"):
        part = scores[kind]
        if not part["n_docs"]:
            lines.append(f"{kind}: no annotated docs")
            continue
        lines.append(f"{kind} ({part['n_docs']} docs)")
        lines.append(f"  {'label':<16}{'P':>7}{'R':>7}{'F1':>7}{'support':>9}")
        rows = list(part["per_label"].items()) + [("micro", part["micro"]), ("macro", part["macro"])]
        if "core_micro" in part:
            rows.append(("core micro", part["core_micro"]))
        for label, s in rows:
            support = s.get("support", "")
            lines.append(f"  {label:<16}{s['p'] * 100:7.1f}{s['r'] * 100:7.1f}{s['f'] * 100:7.1f}{support:>9}")
    if scores.get("attributes"):
        lines.append("attributes (right / gold values; accuracy over all, over entities found)")
        for attr, a in scores["attributes"].items():
            lines.append(f"  {attr:<16}{a['right']:>5} / {a['gold']:<5}{a['accuracy'] * 100:7.1f}{a['accuracy_found'] * 100:7.1f}")
    return "\n".join(lines)


def scores_markdown(results: Mapping[str, Mapping[str, object]]) -> str:
    """Markdown tables of :func:`evaluate` results by data set: a summary, then per-label tables."""
    lines = [
        "| data set | docs | entity micro F1 | core micro F1 (PERSON, PARTY, AUTHORITY, MONEY) | topic micro F1 | topic macro F1 |",
        "|---|---|---|---|---|---|",
    ]

    def pct(part: Mapping[str, object], key: str) -> str:
        return f"{part[key]['f'] * 100:.1f}" if part["n_docs"] else "-"

    for name, s in results.items():
        ents, topics = s["entities"], s["topics"]
        lines.append(
            f"| {name} | {s['n_docs']} | {pct(ents, 'micro')} | {pct(ents, 'core_micro')} "
            f"| {pct(topics, 'micro')} | {pct(topics, 'macro')} |"
        )
    for kind in ("entities", "topics"):
        for name, s in results.items():
            part = s[kind]
            if not part["n_docs"]:
                continue
            lines += ["", f"{kind}, {name} ({part['n_docs']} docs): P / R / F1 (support)", ""]
            lines += ["| label | P | R | F1 | support |", "|---|---|---|---|---|"]
            rows = list(part["per_label"].items()) + [("micro", part["micro"]), ("macro", part["macro"])]
            for label, v in rows:
                support = v.get("support", "")
                lines.append(f"| {label} | {v['p'] * 100:.1f} | {v['r'] * 100:.1f} | {v['f'] * 100:.1f} | {support} |")
    return "\n".join(lines) + "\n"
