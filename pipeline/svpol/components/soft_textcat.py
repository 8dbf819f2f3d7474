"""A multi-label text classifier that also trains on soft targets (scores between 0 and 1).

spaCy's ``textcat_multilabel`` refuses any ``doc.cats`` value other than 0 or 1 when it
trains, although its loss (squared error of the scores against the targets) is defined for
any target in [0, 1]. Distillation needs exactly that: ``training.distill_topics`` writes a
teacher's topic scores as targets, and ``training.train --topics-train`` trains stage 1 with
this factory. Model, prediction, labels and serialization are spaCy's; a pipeline trained
with it predicts like one trained with ``textcat_multilabel``.
"""

from __future__ import annotations

from typing import Callable, Iterable, List, Optional

from spacy.language import Language
from spacy.pipeline.textcat_multilabel import DEFAULT_MULTI_TEXTCAT_MODEL, MultiLabel_TextCategorizer
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import Model
from thinc.types import Floats2d

SOFT_TEXTCAT_FACTORY = "svpol_soft_textcat_multilabel"


class SoftTextCategorizer(MultiLabel_TextCategorizer):
    """``textcat_multilabel`` whose training targets may be any score in [0, 1]."""

    def _validate_categories(self, examples: Iterable[Example]) -> None:
        for eg in examples:
            for label, value in eg.reference.cats.items():
                if not 0.0 <= value <= 1.0:
                    raise ValueError(f"topic target {label}={value!r} outside [0, 1] in doc "
                                     f"{eg.reference.text[:40]!r}")


@Language.factory(
    SOFT_TEXTCAT_FACTORY,
    assigns=["doc.cats"],
    default_config={
        "threshold": 0.5,
        "model": DEFAULT_MULTI_TEXTCAT_MODEL,
        "scorer": {"@scorers": "spacy.textcat_multilabel_scorer.v2"},
    },
    default_score_weights={"cats_score": 1.0, "cats_micro_f": None, "cats_macro_f": None},
)
def make_soft_textcat(
    nlp: Language, name: str, model: Model[List[Doc], List[Floats2d]], threshold: float, scorer: Optional[Callable]
) -> SoftTextCategorizer:
    """Create the classifier (the arguments of spaCy's ``textcat_multilabel``)."""
    return SoftTextCategorizer(nlp.vocab, model, name, threshold=threshold, scorer=scorer)
