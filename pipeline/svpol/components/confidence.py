"""Confidence scores for entities (``span._.score``) and topics (``doc._.topic_confidence``).

How a score is computed:

- An entity the statistical ``ner`` found gets the **probability of its
  actions** (``method = "actions"``, the default): the transition-based ``ner``
  tags token by token with one action each (B-, I-, L-, U-label or O). The
  component replays the document's final entities through the model on a copy
  of the document and, at each of the entity's tokens, takes the softmax
  probability of the entity's action among the actions valid in that state; the
  score is the product over the entity's tokens, i.e. the model's probability of
  starting, continuing and closing exactly this span with this label given the
  analysis so far.
- With ``method = "beam"`` the score is the **beam marginal**: the ``ner`` model
  re-parses a copy of the document (entities cleared) with a beam of
  ``beam_width`` analyses, and an entity's score is the summed probability of the
  analyses that contain exactly this span with this label (0.0 when none does).
  The beam's probabilities are only meaningful for a ``ner`` trained with a beam
  objective; for the default greedy-trained model they favour longer spans.
- An entity found by ``svpol_entity_rules`` (it is in ``doc.spans[rules_key]``)
  gets the precision of the rules for its label (``rule_scores``): a measured
  number, refit on annotated data with ``fit``.
- Either raw score can be mapped through an isotonic calibration curve fitted on
  annotated data (``fit``), per source ("ner", "rules"), so that a score of 0.8
  means that about 80% of such entities are right.
- ``doc._.topic_confidence`` maps each topic to its probability: the
  ``textcat_multilabel`` score in ``doc.cats`` (a sigmoid output), through the
  topic's calibration curve when one was fitted. It is computed when read, so the
  component may sit before or after the text classifier; without topic scores it is None.

``reliability_table`` and ``evaluate_confidence`` measure how calibrated the
scores are (expected calibration error and a table of score bins).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import defaultdict
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Set, Tuple, Union

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from ..labels import ENTITY_LABELS, TOPIC_LABELS
from .entity_rules import DEFAULT_SPANS_KEY

CFG_FILE = "cfg.json"
METHODS = ("actions", "beam")
SpanKey = Tuple[int, int, str]
# doc.user_data key of the topic calibration curves, left by the component so that
# doc._.topic_confidence works wherever the component sits relative to the text classifier.
TOPIC_CALIBRATION_KEY = "svpol_topic_calibration"


# --------------------------------------------------------------------------- calibration
class Calibrator:
    """A monotone map from raw scores to calibrated probabilities (isotonic regression).

    Fitted with the pool-adjacent-violators algorithm; between fitted points the
    map interpolates linearly, outside them it is constant.
    """

    def __init__(self, xs: Sequence[float] = (), ys: Sequence[float] = ()) -> None:
        if len(xs) != len(ys):
            raise ValueError("xs and ys must have the same length")
        self.xs = [float(x) for x in xs]
        self.ys = [float(y) for y in ys]

    @classmethod
    def fit(cls, scores: Sequence[float], outcomes: Sequence[bool]) -> "Calibrator":
        """Fit on raw scores and whether each prediction was right."""
        if len(scores) != len(outcomes):
            raise ValueError("scores and outcomes must have the same length")
        pairs = sorted(zip(scores, outcomes))
        # Blocks of (sum of outcomes, count, mean score); merge while not increasing.
        blocks: List[List[float]] = []
        for score, outcome in pairs:
            blocks.append([float(outcome), 1.0, float(score)])
            while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
                total, count, mean = blocks.pop()
                prev = blocks[-1]
                prev[2] = (prev[2] * prev[1] + mean * count) / (prev[1] + count)
                prev[0] += total
                prev[1] += count
        return cls([b[2] for b in blocks], [b[0] / b[1] for b in blocks])

    def __call__(self, score: float) -> float:
        if not self.xs:
            return float(score)
        if score <= self.xs[0]:
            return self.ys[0]
        if score >= self.xs[-1]:
            return self.ys[-1]
        i = bisect_right(self.xs, score)
        x0, x1, y0, y1 = self.xs[i - 1], self.xs[i], self.ys[i - 1], self.ys[i]
        return y0 + (y1 - y0) * (score - x0) / (x1 - x0) if x1 > x0 else y1

    def to_dict(self) -> Dict[str, List[float]]:
        return {"xs": self.xs, "ys": self.ys}

    @classmethod
    def from_dict(cls, data: Dict[str, List[float]]) -> "Calibrator":
        return cls(data.get("xs", []), data.get("ys", []))


def topic_confidence(doc: Doc) -> Optional[Dict[str, float]]:
    """``doc._.topic_confidence``: each topic's probability, calibrated where a curve exists.

    Read from ``doc.cats`` when accessed; None while the doc has no topic scores.
    """
    if not doc.cats:
        return None
    curves = doc.user_data.get(TOPIC_CALIBRATION_KEY) or {}
    return {
        label: Calibrator.from_dict(curves[label])(float(p)) if label in curves else float(p)
        for label, p in doc.cats.items()
    }


if not Span.has_extension("score"):
    Span.set_extension("score", default=None)
if not Doc.has_extension("topic_confidence"):
    Doc.set_extension("topic_confidence", getter=topic_confidence)


def reliability_table(
    scores: Sequence[float], outcomes: Sequence[bool], n_bins: int = 10
) -> Tuple[List[Dict[str, float]], float]:
    """Bin predictions by score; return the bins and the expected calibration error.

    Each bin has ``low``, ``high``, ``count``, ``mean_score`` and ``accuracy`` (the
    share of right predictions); the ECE is the count-weighted mean of
    |accuracy - mean_score|.
    """
    if n_bins < 1:
        raise ValueError(f"n_bins must be positive, got {n_bins}")
    bins: List[Dict[str, float]] = []
    total = len(scores)
    ece = 0.0
    for b in range(n_bins):
        low, high = b / n_bins, (b + 1) / n_bins
        members = [(s, o) for s, o in zip(scores, outcomes)
                   if low <= s < high or (b == n_bins - 1 and s == high)]
        if not members:
            continue
        mean = sum(s for s, _ in members) / len(members)
        acc = sum(1 for _, o in members if o) / len(members)
        bins.append({"low": low, "high": high, "count": len(members), "mean_score": mean, "accuracy": acc})
        ece += len(members) / total * abs(acc - mean)
    return bins, ece


# --------------------------------------------------------------------------- replaying ner
def _unannotated_copy(doc: Doc) -> Doc:
    """A copy of ``doc`` for ``ner`` to re-read: same tokens and tensor, entities missing.

    The user data (extension values) and the topic scores are left out of the
    copy: deep-copying them is the slow part of ``Doc.copy`` and the parser never
    reads them.
    """
    user_data, cats = doc.user_data, doc.cats
    doc.user_data, doc.cats = {}, {}
    try:
        copy = doc.copy()
    finally:
        doc.user_data, doc.cats = user_data, cats
    # Cleared (missing) entities leave the parse free; set ones would bind it.
    copy.set_ents([], default="missing")
    return copy


def _entity_tokens(doc: Doc) -> Set[int]:
    """Indices of the tokens inside ``doc.ents``."""
    return {i for ent in doc.ents for i in range(ent.start, ent.end)}


def _target_actions(doc: Doc, index: Dict[str, int]) -> List[Optional[int]]:
    """The ``ner`` action (class index) that tags each token as in ``doc.ents`` (BILUO); None if ``ner`` lacks it."""
    actions = [index.get("O")] * len(doc)
    for ent in doc.ents:
        if len(ent) == 1:
            actions[ent.start] = index.get(f"U-{ent.label_}")
            continue
        actions[ent.start] = index.get(f"B-{ent.label_}")
        for i in range(ent.start + 1, ent.end - 1):
            actions[i] = index.get(f"I-{ent.label_}")
        actions[ent.end - 1] = index.get(f"L-{ent.label_}")
    return actions


def _state_scores(step, ids: numpy.ndarray) -> numpy.ndarray:
    """The action scores of parser states given their token features (one row per state).

    Does what spaCy 3.8's ``ParserStepModel.predict`` does for the states of one
    step (``spacy/ml/parser_model.pyx``, ``step_forward``), from the features
    ``step.get_token_ids`` recorded, so that each row depends on its own features
    only and the states of many steps can be scored at once. (``step_forward`` also
    gives classes marked unseen the batch's lowest score; spaCy 3.8 never marks
    any: a parser's ``unseen_classes`` start empty and only shrink.)
    """
    vector = step.state2vec.predict(ids)
    scores = step.vec2scores.predict(vector) if step.vec2scores is not None else numpy.asarray(vector)
    return step.ops.to_numpy(scores)


def _action_probability(row: numpy.ndarray, valid: List[int], target: int) -> float:
    """Softmax probability of ``target`` among the ``valid`` actions, from one state's scores."""
    logits = row[valid] - row[valid].max()
    weights = numpy.exp(logits)
    return float(weights[valid.index(target)] / weights.sum())


# --------------------------------------------------------------------------- component
class ConfidenceScorer:
    """Sets ``span._.score`` on every entity and ``doc._.topic_confidence``.

    Args:
        nlp: the pipeline, to reach the ``ner`` component.
        name: component name.
        ner_component: name of the statistical entity recognizer ("" for none).
        method: "actions" (probability of the entity's actions) or "beam" (beam marginal).
        beam_width: analyses in the beam; more gives smoother marginals, slower.
        beam_density: prune analyses below this share of the best score.
        rules_key: ``doc.spans`` key of the rule entities (see ``svpol_entity_rules``).
        rule_scores: score of a rule entity per label (the measured rule precision).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "confidence",
        ner_component: str = "ner",
        method: str = "actions",
        beam_width: int = 16,
        beam_density: float = 0.0001,
        rules_key: str = DEFAULT_SPANS_KEY,
        rule_scores: Optional[Dict[str, float]] = None,
    ) -> None:
        if method not in METHODS:
            raise ValueError(f"method must be one of {METHODS}, got {method!r}")
        if beam_width < 1:
            raise ValueError(f"beam_width must be at least 1, got {beam_width}")
        if not 0.0 <= beam_density < 1.0:
            raise ValueError(f"beam_density must be in [0, 1), got {beam_density}")
        for label, value in (rule_scores or {}).items():
            if label not in ENTITY_LABELS or not 0.0 <= float(value) <= 1.0:
                raise ValueError(f"rule_scores: {label}={value} needs an entity label and a score in [0, 1]")
        self.nlp = nlp
        self.name = name
        self.ner_component = ner_component
        self.method = method
        self.beam_width = beam_width
        self.beam_density = beam_density
        self.rules_key = rules_key
        self.rule_scores = {k: float(v) for k, v in (rule_scores or {}).items()}
        self.calibrators: Dict[str, Calibrator] = {}
        self.topic_calibrators: Dict[str, Calibrator] = {}

    # ------------------------------------------------------------------ raw scores
    def _ner(self):
        if self.ner_component and self.ner_component in self.nlp.pipe_names:
            return self.nlp.get_pipe(self.ner_component)
        return None

    def ner_marginals(self, docs: Sequence[Doc]) -> List[Dict[SpanKey, float]]:
        """Model scores {(start_token, end_token, label): probability} of each doc's entities."""
        ner = self._ner()
        if ner is None or not docs:
            return [{} for _ in docs]
        if self.method == "beam":
            return self._beam_marginals(ner, docs)
        # Only docs with entities have something to score.
        with_ents = [i for i, doc in enumerate(docs) if doc.ents]
        out: List[Dict[SpanKey, float]] = [{} for _ in docs]
        if with_ents:
            scored = self._action_probabilities(ner, [docs[i] for i in with_ents])
            for i, scores in zip(with_ents, scored):
                out[i] = scores
        return out

    def _beam_marginals(self, ner, docs: Sequence[Doc]) -> List[Dict[SpanKey, float]]:
        copies = [_unannotated_copy(doc) for doc in docs]
        beams = ner.beam_parse(copies, beam_width=self.beam_width, beam_density=self.beam_density)
        out = []
        for doc, beam in zip(docs, beams):
            marginals: Dict[SpanKey, float] = {(e.start, e.end, e.label_): 0.0 for e in doc.ents}
            for prob, parse in ner.moves.get_beam_parses(beam):
                for start, end, label in parse:
                    marginals[(start, end, label)] = marginals.get((start, end, label), 0.0) + prob
            out.append(marginals)
        return out

    def _action_probabilities(self, ner, docs: Sequence[Doc]) -> List[Dict[SpanKey, float]]:
        """Replay each doc's entities through ``ner`` and score the actions of the entity tokens.

        The parser states are walked with the entities' actions up to the last
        entity, recording the token features of every state; the network then
        scores only the states at entity tokens, all in one batch (the score of a
        state depends on its features alone), instead of scoring every state step
        by step.
        """
        copies = [_unannotated_copy(doc) for doc in docs]
        moves = ner.moves
        names = [moves.get_class_name(i) for i in range(moves.n_moves)]
        index = {name: i for i, name in enumerate(names)}
        opens = [name[2:] if name[:2] in ("B-", "I-") else None for name in names]  # the entity left open
        step = ner.model.predict(copies)
        # Without preset entities the valid actions depend only on the open entity's
        # label, the last token, a sentence start next and a space token (see spaCy's
        # ner.pyx), so they are looked up once per such situation.
        valid_cache: Dict[Tuple[Optional[str], bool, bool, bool], List[int]] = {}
        step_ids: List[numpy.ndarray] = []  # the token features of the states at each parser step
        wanted: List[Tuple[int, int, int, List[int], int]] = []  # (row, doc, token, valid, target) to score
        row = 0
        ent_tokens = [_entity_tokens(doc) for doc in docs]
        ends = [max(ent_tokens[i], default=-1) + 1 for i in range(len(docs))]  # the walk stops there
        targets = [_target_actions(doc, index) for doc in docs]
        # Per token: is it the last, does a sentence start after it, is it a space.
        last = [[False] * (len(copy) - 1) + [True] for copy in copies]
        starts_next = [(copy.to_array(SENT_START)[1:] == 1).tolist() + [False] for copy in copies]
        space = [copy.to_array(IS_SPACE).astype(bool).tolist() for copy in copies]
        open_label: List[Optional[str]] = [None] * len(docs)
        active = [(i, state) for i, state in enumerate(moves.init_batch(copies)) if not state.is_final()]
        while active:
            ids = step.get_token_ids([state for _, state in active])
            step_ids.append(ids)
            fallback_scores = None
            for position, (i, state) in enumerate(active):
                token = state.B(0)
                key = (open_label[i], last[i][token], starts_next[i][token], space[i][token])
                valid = valid_cache.get(key)
                if valid is None:
                    valid = valid_cache[key] = [k for k, name in enumerate(names) if moves.is_valid(state, name)]
                target = targets[i][token]
                if target in valid:
                    if token in ent_tokens[i]:
                        wanted.append((row + position, i, token, valid, target))
                else:  # a label the model lacks: follow the model, leave the token unscored
                    if fallback_scores is None:
                        fallback_scores = _state_scores(step, ids)
                    target = max(valid, key=lambda k: fallback_scores[position][k])
                moves.apply_transition(state, names[target])
                open_label[i] = opens[target]
            row += len(active)
            active = [(i, state) for i, state in active if not state.is_final() and state.B(0) < ends[i]]
        probs: List[Dict[int, float]] = [{} for _ in docs]
        if wanted:
            scores = _state_scores(step, numpy.concatenate(step_ids)[[r for r, *_ in wanted]])
            for (_, i, token, valid, target), state_scores in zip(wanted, scores):
                probs[i][token] = _action_probability(state_scores, valid, target)
        if hasattr(step, "clear_memory"):
            step.clear_memory()
        out = []
        for doc, token_probs in zip(docs, probs):
            scores_of: Dict[SpanKey, float] = {}
            for ent in doc.ents:
                parts = [token_probs.get(t) for t in range(ent.start, ent.end)]
                if all(p is not None for p in parts):
                    scores_of[(ent.start, ent.end, ent.label_)] = float(numpy.prod(parts))
            out.append(scores_of)
        return out

    def raw_scores(self, doc: Doc, marginals: Dict[SpanKey, float]) -> List[Tuple[Span, str, Optional[float]]]:
        """(entity, source, raw score) for every entity; source is "rules" or "ner"."""
        rule_spans = set()
        if self.rules_key in doc.spans:
            rule_spans = {(s.start, s.end, s.label_) for s in doc.spans[self.rules_key]}
        has_ner = self._ner() is not None
        out = []
        for ent in doc.ents:
            key = (ent.start, ent.end, ent.label_)
            if key in rule_spans:
                out.append((ent, "rules", self.rule_scores.get(ent.label_)))
            elif has_ner and key in marginals:
                out.append((ent, "ner", min(1.0, marginals[key])))
            else:
                out.append((ent, "unknown", None))
        return out

    # ------------------------------------------------------------------ running
    def _set(self, doc: Doc, marginals: Dict[SpanKey, float]) -> Doc:
        for ent, source, raw in self.raw_scores(doc, marginals):
            calibrator = self.calibrators.get(source)
            ent._.score = None if raw is None else (calibrator(raw) if calibrator else raw)
        if self.topic_calibrators:
            doc.user_data[TOPIC_CALIBRATION_KEY] = {k: c.to_dict() for k, c in self.topic_calibrators.items()}
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return self._set(doc, self.ner_marginals([doc])[0])

    def pipe(self, stream: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(stream, size=batch_size):
            for doc, marginals in zip(batch, self.ner_marginals(batch)):
                yield self._set(doc, marginals)

    # ------------------------------------------------------------------ fitting
    def fit(self, pairs: Iterable[Tuple[Doc, Doc]], calibrate: bool = True) -> Dict[str, object]:
        """Fit rule scores and calibration curves on (predicted doc, gold doc) pairs.

        The predicted docs come from the pipeline with this component left out. The
        rule score of a label becomes the share of its rule entities that match a
        gold entity exactly; with ``calibrate`` the ner marginals and the topic
        scores get isotonic calibration curves. Gold docs without entity annotation
        count for topics only.

        Returns:
            What was fitted: rule precision per label with counts, curve sizes.
        """
        pairs = list(pairs)
        rule_hits: Dict[str, List[bool]] = defaultdict(list)
        ner_scores: List[float] = []
        ner_hits: List[bool] = []
        topic_data: Dict[str, Tuple[List[float], List[bool]]] = defaultdict(lambda: ([], []))
        for (pred, gold), marginals in zip(pairs, self._marginals_for(p for p, _ in pairs)):
            gold_ents = {(e.start_char, e.end_char, e.label_) for e in gold.ents}
            # A gold doc without entity annotation (topics only) says nothing about entities.
            scored = self.raw_scores(pred, marginals) if gold.has_annotation("ENT_IOB") else []
            for ent, source, raw in scored:
                hit = (ent.start_char, ent.end_char, ent.label_) in gold_ents
                if source == "rules":
                    rule_hits[ent.label_].append(hit)
                elif source == "ner" and raw is not None:
                    ner_scores.append(raw)
                    ner_hits.append(hit)
            for label, p in pred.cats.items():
                if label in gold.cats:
                    topic_data[label][0].append(float(p))
                    topic_data[label][1].append(gold.cats[label] >= 0.5)
        report: Dict[str, object] = {"rules": {}}
        for label, hits in rule_hits.items():
            self.rule_scores[label] = sum(hits) / len(hits)
            report["rules"][label] = {"precision": self.rule_scores[label], "count": len(hits)}
        if calibrate and ner_scores:
            self.calibrators["ner"] = Calibrator.fit(ner_scores, ner_hits)
            report["ner_points"] = len(self.calibrators["ner"].xs)
        if calibrate:
            for label, (scores, outcomes) in topic_data.items():
                if label in TOPIC_LABELS and any(outcomes):
                    self.topic_calibrators[label] = Calibrator.fit(scores, outcomes)
            report["topics"] = sorted(self.topic_calibrators)
        return report

    def _marginals_for(self, docs: Iterable[Doc]) -> Iterator[Dict[SpanKey, float]]:
        for batch in minibatch(docs, size=64):
            yield from self.ner_marginals(batch)

    # ------------------------------------------------------------------ serialization
    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> None:
        """Write the rule scores and calibration curves."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        data = {
            "rule_scores": self.rule_scores,
            "calibrators": {k: c.to_dict() for k, c in self.calibrators.items()},
            "topic_calibrators": {k: c.to_dict() for k, c in self.topic_calibrators.items()},
        }
        (path / CFG_FILE).write_text(json.dumps(data, indent=1), "utf-8")

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> "ConfidenceScorer":
        """Read what ``to_disk`` wrote."""
        data = json.loads((Path(path) / CFG_FILE).read_text("utf-8"))
        self.rule_scores = {k: float(v) for k, v in data.get("rule_scores", {}).items()}
        self.calibrators = {k: Calibrator.from_dict(v) for k, v in data.get("calibrators", {}).items()}
        self.topic_calibrators = {k: Calibrator.from_dict(v) for k, v in data.get("topic_calibrators", {}).items()}
        return self


# Precision of the rules per label before a fit on annotated data: (correct + 1) / (checked + 2)
# from a hand check of 60 random rule matches per label in interpellations, all 60 correct
# (docs/knowledge.md). Municipal text was not part of that check.
DEFAULT_RULE_SCORES: Dict[str, float] = {"PARTY": 0.98, "AUTHORITY": 0.98, "MONEY": 0.98}


@Language.factory(
    "svpol_confidence",
    assigns=["span._.score", "doc._.topic_confidence"],
    requires=["doc.ents"],
    default_config={
        "ner_component": "ner",
        "method": "actions",
        "beam_width": 16,
        "beam_density": 0.0001,
        "rules_key": DEFAULT_SPANS_KEY,
        "rule_scores": DEFAULT_RULE_SCORES,
    },
)
def make_confidence(
    nlp: Language,
    name: str,
    ner_component: str,
    method: str,
    beam_width: int,
    beam_density: float,
    rules_key: str,
    rule_scores: Dict[str, float],
) -> ConfidenceScorer:
    """Create the confidence scorer (see the module docstring for how scores are made)."""
    return ConfidenceScorer(nlp, name, ner_component, method, beam_width, beam_density, rules_key, rule_scores)


def evaluate_confidence(
    nlp: Language, gold_docs: Sequence[Doc], n_bins: int = 10, batch_size: int = 64
) -> Dict[str, object]:
    """Reliability of entity scores and topic confidences of ``nlp`` on annotated docs.

    Runs ``nlp`` on the texts of ``gold_docs``; an entity is right when a gold
    entity has the same characters and label; a topic is right when the gold
    category is >= 0.5. Gold docs without entity annotation count for topics only.

    Returns:
        {"entities": {"bins", "ece", "count", "accuracy"}, "entities_ner": ...,
        "entities_rules": ..., "topics": ...}: all scored entities, those from the
        model and from the rules (in a ``doc.spans`` group) apart; topics only when
        the pipeline sets ``doc._.topic_confidence`` and the gold docs have cats.
    """
    data: Dict[str, Tuple[List[float], List[bool]]] = defaultdict(lambda: ([], []))
    for pred, gold in zip(nlp.pipe((d.text for d in gold_docs), batch_size=batch_size), gold_docs):
        gold_ents = {(e.start_char, e.end_char, e.label_) for e in gold.ents}
        rule_keys = {(s.start, s.end, s.label_) for group in pred.spans.values() for s in group}
        for ent in pred.ents if gold.has_annotation("ENT_IOB") else ():
            if ent._.score is None:
                continue
            hit = (ent.start_char, ent.end_char, ent.label_) in gold_ents
            source = "entities_rules" if (ent.start, ent.end, ent.label_) in rule_keys else "entities_ner"
            for key in ("entities", source):
                data[key][0].append(float(ent._.score))
                data[key][1].append(hit)
        if pred._.topic_confidence and gold.cats:
            for label, p in pred._.topic_confidence.items():
                if label in gold.cats:
                    data["topics"][0].append(float(p))
                    data["topics"][1].append(gold.cats[label] >= 0.5)
    report: Dict[str, object] = {}
    for key, (scores, hits) in data.items():
        bins, ece = reliability_table(scores, hits, n_bins)
        report[key] = {"bins": bins, "ece": ece, "count": len(scores),
                       "accuracy": sum(hits) / len(hits)}
    return report


def fit_confidence(
    nlp: Language, gold_docs: Sequence[Doc], component: Optional[str] = None, batch_size: int = 64
) -> Dict[str, object]:
    """Run ``nlp`` (without the confidence component) on the texts and fit the component.

    Args:
        nlp: a pipeline with an ``svpol_confidence`` component.
        gold_docs: annotated docs (entities, and cats for topic curves).
        component: the component's name; default: the first ``svpol_confidence``.

    Raises:
        ValueError: when the pipeline has no such component.
    """
    names = [n for n, _ in nlp.pipeline if nlp.get_pipe_meta(n).factory == "svpol_confidence"]
    name = component or (names[0] if names else None)
    if name is None or name not in nlp.pipe_names:
        raise ValueError(f"no svpol_confidence component in the pipeline ({nlp.pipe_names})")
    preds = nlp.pipe((d.text for d in gold_docs), batch_size=batch_size, disable=[name])
    return nlp.get_pipe(name).fit(zip(preds, gold_docs))


def held_out_reliability(
    nlp: Language, gold_docs: Sequence[Doc], n_bins: int = 10, batch_size: int = 64
) -> Dict[str, object]:
    """Reliability before and after calibration, measured on docs the fit did not see.

    Splits ``gold_docs`` into two halves (even and odd positions), measures the
    scores as the component makes them now (without its calibration curves) on
    the second half, fits rule scores and curves on the first half and measures
    again on the second. The component's own settings are restored afterwards.

    Returns:
        {"docs_fit", "docs_eval", "raw": report, "calibrated": report, "fit": what was fitted},
        reports as from ``evaluate_confidence``.
    """
    names = [n for n, _ in nlp.pipeline if nlp.get_pipe_meta(n).factory == "svpol_confidence"]
    if not names:
        raise ValueError(f"no svpol_confidence component in the pipeline ({nlp.pipe_names})")
    scorer = nlp.get_pipe(names[0])
    saved = (dict(scorer.rule_scores), dict(scorer.calibrators), dict(scorer.topic_calibrators))
    fit_half, eval_half = list(gold_docs[0::2]), list(gold_docs[1::2])
    try:
        scorer.calibrators, scorer.topic_calibrators = {}, {}
        raw = evaluate_confidence(nlp, eval_half, n_bins, batch_size)
        fitted = fit_confidence(nlp, fit_half, names[0], batch_size)
        calibrated = evaluate_confidence(nlp, eval_half, n_bins, batch_size)
    finally:
        scorer.rule_scores, scorer.calibrators, scorer.topic_calibrators = saved
    return {"docs_fit": len(fit_half), "docs_eval": len(eval_half), "raw": raw,
            "calibrated": calibrated, "fit": fitted}
