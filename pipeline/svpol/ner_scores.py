"""How likely spaCy's ``ner`` model makes each entity of a doc (the raw score of ``svpol_confidence``).

Two ways, both on a copy of the doc with its entities cleared:

- :func:`action_probabilities`: replay the doc's entities through the model, token by
  token, and multiply the softmax probabilities of the entity's actions (B-, I-, L-,
  U-label) among the actions valid in each state.
- :func:`beam_marginals`: re-parse with a beam and sum the probabilities of the
  analyses that hold the entity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, List, Optional, Sequence, Set, Tuple

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.tokens import Doc

if TYPE_CHECKING:
    from spacy.pipeline import EntityRecognizer

# An entity as (start token, end token, label).
SpanKey = Tuple[int, int, str]


def _unannotated_copy(doc: Doc) -> Doc:
    """A copy of ``doc`` for ``ner`` to re-read: same tokens and tensor, entities missing.

    The user data (extension values), the topic scores and the span groups are left
    out of the copy: deep-copying them is the slow part of ``Doc.copy`` and the parser
    never reads them.
    """
    user_data, cats, groups = doc.user_data, doc.cats, dict(doc.spans)
    doc.user_data, doc.cats = {}, {}
    doc.spans.clear()  # not assignable: emptied and refilled with the same groups
    try:
        copy = doc.copy()
    finally:
        doc.user_data, doc.cats = user_data, cats
        doc.spans.update(groups)
    # Cleared (missing) entities leave the parse free; set ones would bind it.
    copy.set_ents([], default="missing")
    return copy


def _entity_tokens(doc: Doc, skip: Set[SpanKey]) -> Set[int]:
    """Indices of the tokens inside ``doc.ents``, but not of those in ``skip``."""
    return {i for ent in doc.ents if (ent.start, ent.end, ent.label_) not in skip for i in range(ent.start, ent.end)}


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


def action_probabilities(
    ner: EntityRecognizer, docs: Sequence[Doc], skip: Optional[Sequence[Set[SpanKey]]] = None
) -> List[Dict[SpanKey, float]]:
    """Replay each doc's entities through ``ner`` and score the actions of the entity tokens.

    The parser states are walked with the entities' actions up to the last
    entity to score (the entities in ``skip``, one set per doc, are walked but
    not scored: the walk ends at the last other one), recording the token features of every state; the network then
    scores only the states at entity tokens, all in one batch (the score of a
    state depends on its features alone), instead of scoring every state step
    by step.

    Returns:
        Per doc, {(start, end, label): probability} of the entities not in
        ``skip`` whose every action the model has (an entity with a label it
        lacks is left out).
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
    skip = skip or [set() for _ in docs]
    ent_tokens = [_entity_tokens(doc, skipped) for doc, skipped in zip(docs, skip)]
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
    for doc, token_probs, skipped in zip(docs, probs, skip):
        scores_of: Dict[SpanKey, float] = {}
        for ent in doc.ents:
            if (ent.start, ent.end, ent.label_) in skipped:
                continue
            parts = [token_probs.get(t) for t in range(ent.start, ent.end)]
            if all(p is not None for p in parts):
                scores_of[(ent.start, ent.end, ent.label_)] = float(numpy.prod(parts))
        out.append(scores_of)
    return out


def beam_marginals(
    ner: EntityRecognizer, docs: Sequence[Doc], beam_width: int, beam_density: float
) -> List[Dict[SpanKey, float]]:
    """The beam marginals of each doc's entities, from ``ner`` re-parsing copies of the docs.

    Args:
        ner: the entity recognizer.
        docs: docs with entities.
        beam_width: analyses in the beam.
        beam_density: prune analyses below this share of the best score.

    Returns:
        Per doc, {(start, end, label): summed probability of the analyses holding
        exactly this span with this label}: every entity of the doc (0.0 when no
        analysis holds it) and every span of an analysis.
    """
    copies = [_unannotated_copy(doc) for doc in docs]
    beams = ner.beam_parse(copies, beam_width=beam_width, beam_density=beam_density)
    out = []
    for doc, beam in zip(docs, beams):
        marginals: Dict[SpanKey, float] = {(e.start, e.end, e.label_): 0.0 for e in doc.ents}
        for prob, parse in ner.moves.get_beam_parses(beam):
            for start, end, label in parse:
                marginals[(start, end, label)] = marginals.get((start, end, label), 0.0) + prob
        out.append(marginals)
    return out
