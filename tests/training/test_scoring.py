"""training.scoring: which components dev scoring may skip."""

import spacy
from spacy.language import Language

from training.scoring import _non_scoring


class _Extension:
    """A component that only sets an extension attribute."""

    def __init__(self, listened: bool) -> None:
        # an embedding layer's listeners (spaCy's Tok2Vec and spacy-transformers' Transformer name them so)
        self.listening_components = ["ner"] if listened else []

    def __call__(self, doc):
        return doc


@Language.factory("test_scoring_embedding", assigns=["doc._.trf_data"])
def _embedding(nlp, name):
    return _Extension(listened=True)


@Language.factory("test_scoring_enricher", assigns=["span._.party"])
def _enricher(nlp, name):
    return _Extension(listened=False)


def test_an_embedding_layer_others_listen_to_is_never_skipped():
    nlp = spacy.blank("sv")
    nlp.add_pipe("test_scoring_embedding", name="transformer")
    nlp.add_pipe("test_scoring_enricher", name="politicians")
    nlp.add_pipe("sentencizer")
    # the transformer assigns only an extension, but ner reads it: skipping it scored ner 0 (issue #18's package)
    assert _non_scoring(nlp) == ["politicians"]
