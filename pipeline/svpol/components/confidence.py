"""Confidence scores for entities (``span._.score``) and topics (``doc._.topic_confidence``).

How a score is computed:

- An entity the statistical ``ner`` found gets the **probability of its
  actions** (``method = "actions"``, the default): the transition-based ``ner``
  tags token by token with one action each (B-, I-, L-, U-label or O). At each
  of the entity's tokens the component takes the softmax probability of the
  entity's action among the actions valid in the state the model would be in
  there, reading the document's final entities (a state's features are the token,
  the open entity's first token and the one before, so the states are built
  directly: :func:`svpol.ner_scores.action_probabilities`); the score is the
  product over the entity's tokens, i.e. the model's probability of starting,
  continuing and closing exactly this span with this label.
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

``evaluate_confidence`` measures how calibrated the scores are (expected calibration
error and a table of score bins, :func:`svpol.calibration.reliability_table`);
``fit_confidence`` fits the component on annotated docs.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Set, Tuple, Union

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from ..calibration import Calibrator, reliability_table
from ..labels import ENTITY_LABELS, TOPIC_LABELS
from ..ner_scores import SpanKey, action_probabilities, beam_marginals
from .entity_rules import DEFAULT_SPANS_KEY

CFG_FILE = "cfg.json"
METHODS = ("actions", "beam")
# doc.user_data key of the topic calibration curves, left by the component so that
# doc._.topic_confidence works wherever the component sits relative to the text classifier.
TOPIC_CALIBRATION_KEY = "svpol_topic_calibration"


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
        return dict(self.nlp.pipeline).get(self.ner_component) if self.ner_component else None

    def ner_marginals(self, docs: Sequence[Doc]) -> List[Dict[SpanKey, float]]:
        """Model scores {(start_token, end_token, label): probability} of each doc's entities."""
        ner = self._ner()
        if ner is None or not docs:
            return [{} for _ in docs]
        if self.method == "beam":
            return beam_marginals(ner, docs, self.beam_width, self.beam_density)
        # Only docs with an entity that no rule made have something for the model to score; the rule
        # entities are scored by the rules' precision (raw_scores), not by the model.
        rules = [self._rule_keys(doc) for doc in docs]
        with_ents = [i for i, doc in enumerate(docs) if self._has_model_entity(doc, rules[i])]
        out: List[Dict[SpanKey, float]] = [{} for _ in docs]
        if with_ents:
            scored = action_probabilities(ner, [docs[i] for i in with_ents], [rules[i] for i in with_ents])
            for i, scores in zip(with_ents, scored):
                out[i] = scores
        return out

    def _rule_keys(self, doc: Doc) -> Set[SpanKey]:
        """(start, end, label) of the doc's rule entities (scored by the rules' precision, not the model)."""
        if self.rules_key not in doc.spans:
            return set()
        return {(s.start, s.end, s.label_) for s in doc.spans[self.rules_key]}

    @staticmethod
    def _has_model_entity(doc: Doc, rules: Set[SpanKey]) -> bool:
        return any((e.start, e.end, e.label_) not in rules for e in doc.ents)

    def raw_scores(self, doc: Doc, marginals: Dict[SpanKey, float]) -> List[Tuple[Span, str, Optional[float]]]:
        """(entity, source, raw score) for every entity; source is "rules" or "ner"."""
        rule_spans = self._rule_keys(doc)
        has_ner = bool(marginals) and self._ner() is not None  # without model scores, no need to look ner up
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
