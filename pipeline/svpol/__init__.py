"""svpol: a spaCy pipeline for Swedish political text.

Library use::

    import svpol
    nlp = svpol.load()
    doc = nlp("Ordföranden Elvir Kazinic (S) föreslår 0,6 mnkr till SÄPO.")
    print(doc.ents)
"""

from .about import __version__
from .labels import ENTITY_LABELS, TOPIC_LABELS
from .api import annotate
from .loading import ModelError, load
from . import components  # noqa: F401,E402  (registers the svpol factories)

__all__ = ["__version__", "ENTITY_LABELS", "TOPIC_LABELS", "ModelError", "annotate", "annotate_dataset", "load"]


def __getattr__(name: str):
    # annotate_dataset is imported on first use, so that `import svpol` does not import `datasets`.
    if name == "annotate_dataset":
        from .hf_datasets import annotate_dataset

        return annotate_dataset
    raise AttributeError(f"module 'svpol' has no attribute {name!r}")
