"""How likely spaCy's ``ner`` model makes each entity of a doc (the raw score of ``svpol_confidence``).

Two ways:

- :func:`action_probabilities`: the softmax probabilities of the entity's actions (B-, I-, L-,
  U-label) among the actions valid in the state at each of its tokens, multiplied; the states
  are built from the tokens' features, as the model would reach them reading the doc's entities.
- :func:`beam_marginals`: re-parse a copy of the doc with its entities cleared with a beam and
  sum the probabilities of the analyses that hold the entity.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict, List, Optional, Sequence, Set, Tuple

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.ml.parser_model import precompute_hiddens
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


def _state_scores(ner: EntityRecognizer, docs: Sequence[Doc], tokens: List[int], ids: numpy.ndarray) -> numpy.ndarray:
    """The action scores of parser states given their token features (one row per state).

    Does what spaCy 3.8's ``ParserStepModel`` does for the states of one step (``spacy/ml/parser_model.pyx``,
    ``step_forward``), so that each row depends on its own features only and the states of many steps can be
    scored at once; but the lower layer is precomputed for the ``tokens`` (rows of the docs' token vectors) that
    ``ids`` hold, not for every token: the states read a tenth of them. (``step_forward`` also gives classes
    marked unseen the batch's lowest score; spaCy 3.8 never marks any: a parser's ``unseen_classes`` start
    empty and only shrink.)

    Args:
        ner: the entity recognizer.
        docs: the docs, in the order of the token rows.
        tokens: the token rows that the features read, ascending.
        ids: per state, its features as positions in ``tokens`` (-1: padding).
    """
    tok2vec, lower = ner.model.layers[:2]
    has_upper = ner.model.attrs["has_upper"]
    # ParserStepModel's activation: maxout where the lower layer has pieces, none before an upper layer
    activation = "maxout" if lower.get_dim("nP") >= 2 else (None if has_upper else "relu")
    tokvecs = tok2vec.predict(list(docs))  # every token: its vector may depend on its neighbours
    state2vec = precompute_hiddens(len(docs), tokvecs[tokens], lower, activation=activation, train=False)
    vector = state2vec.predict(ids)
    scores = ner.model.layers[-1].predict(vector) if has_upper else numpy.asarray(vector)
    return ner.model.ops.to_numpy(scores)


def _action_probability(row: numpy.ndarray, valid: List[int], target: int) -> float:
    """Softmax probability of ``target`` among the ``valid`` actions, from one state's scores."""
    logits = row[valid] - row[valid].max()
    weights = numpy.exp(logits)
    return float(weights[valid.index(target)] / weights.sum())


# A parser situation that decides which ``ner`` actions are valid when no entity is preset: the open entity's
# label (None: none open), whether the token is the last, whether a sentence starts after it, whether it is a
# space (see spaCy's ner.pyx).
Situation = Tuple[Optional[str], bool, bool, bool]
# Valid action indices per situation, per transition system (its class names): the same in every doc and batch.
_VALID_ACTIONS: Dict[Tuple[str, ...], Dict[Situation, Optional[List[int]]]] = {}


def _valid_actions(ner: EntityRecognizer, names: Tuple[str, ...], situation: Situation, doc: Doc, start: int,
                   token: int) -> Optional[List[int]]:
    """The actions valid in ``situation``, met at ``token`` of the entity starting at ``start`` (cached).

    On a miss a state is walked to ``token`` on an unannotated copy of ``doc``: outside before ``start``, then
    the entity's own begin and inside actions. None when that walk is not possible (an action on its way is
    invalid).
    """
    cache = _VALID_ACTIONS.setdefault(names, {})
    if situation in cache:
        return cache[situation]
    moves = ner.moves
    state = moves.init_batch([_unannotated_copy(doc)])[0]
    label = situation[0]
    path = ["O"] * start + ([f"B-{label}"] + [f"I-{label}"] * (token - start - 1) if label else [])
    for action in path:
        if state.is_final() or not moves.is_valid(state, action):
            return None  # not cached: another doc may reach the situation
        moves.apply_transition(state, action)
    valid = None if state.is_final() else [k for k, name in enumerate(names) if moves.is_valid(state, name)]
    cache[situation] = valid
    return valid


def action_probabilities(
    ner: EntityRecognizer, docs: Sequence[Doc], skip: Optional[Sequence[Set[SpanKey]]] = None
) -> List[Dict[SpanKey, float]]:
    """Score the actions by which ``ner`` would make each of the docs' entities.

    A ``ner`` state's features are the token it reads, the open entity's first token and the token before
    (spaCy's ``set_context_tokens`` for three features), so the state at each token of an entity is known
    without replaying the text before it: at its first token no entity is open, at the others the entity is.
    Every such state is scored in one batch of the network (the score of a state depends on its features
    alone); the valid actions come from :func:`_valid_actions`.

    Returns:
        Per doc, {(start, end, label): probability} of the entities not in ``skip`` (one set per doc) whose
        every action the model has and is valid where the entity stands.
    """
    moves = ner.moves
    names = tuple(moves.get_class_name(i) for i in range(moves.n_moves))
    index = {name: i for i, name in enumerate(names)}
    skip = skip or [set() for _ in docs]
    rows: List[Tuple[int, int, int]] = []  # token features (this token, the open entity's first, the one before)
    wanted: List[Tuple[int, SpanKey, List[int], int]] = []  # (doc, entity, valid actions, target)
    offset = 0
    for i, doc in enumerate(docs):
        ents = [ent for ent in doc.ents if (ent.start, ent.end, ent.label_) not in skip[i]]
        if ents:
            last = len(doc) - 1
            starts_next = (doc.to_array(SENT_START)[1:] == 1).tolist() + [False]
            space = doc.to_array(IS_SPACE).astype(bool).tolist()
        for ent in ents:
            key = (ent.start, ent.end, ent.label_)
            tokens = []
            for t in range(ent.start, ent.end):
                first, final = t == ent.start, t == ent.end - 1
                action = ("U-" if final else "B-") if first else ("L-" if final else "I-")
                target = index.get(action + ent.label_)
                situation = (None if first else ent.label_, t == last, starts_next[t], space[t])
                valid = _valid_actions(ner, names, situation, doc, ent.start, t)
                if target is None or valid is None or target not in valid:
                    break  # a label the model lacks or an action it cannot take here: the entity is not scored
                features = (offset + t, -1, -1) if first else (offset + t, offset + ent.start, offset + t - 1)
                tokens.append((features, valid, target))
            else:
                for features, valid, target in tokens:
                    rows.append(features)
                    wanted.append((i, key, valid, target))
        offset += len(doc)
    out: List[Dict[SpanKey, float]] = [{} for _ in docs]
    if rows:
        tokens = sorted({token for features in rows for token in features if token >= 0})
        position = {token: k for k, token in enumerate(tokens)}
        ids = numpy.asarray([[position.get(token, -1) for token in features] for features in rows], dtype="i")
        scores = _state_scores(ner, docs, tokens, ids)
        for (i, key, valid, target), state_scores in zip(wanted, scores):
            out[i][key] = out[i].get(key, 1.0) * _action_probability(state_scores, valid, target)
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
