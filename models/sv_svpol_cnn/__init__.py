"""The trained svpol pipeline as an importable package, following spaCy's package convention.

The svpol distribution installs this folder as the package ``sv_svpol_cnn``
(``package-dir`` in pyproject.toml), so every install route (editable, ``pip install .``,
a wheel) has the model. ``svpol.load()`` finds it; without svpol::

    import sv_svpol_cnn
    nlp = sv_svpol_cnn.load()

Training rewrites the rest of this folder; it keeps this file.
"""

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.util import get_model_meta, load_model_from_path

__version__ = get_model_meta(Path(__file__).parent)["version"]


def load(**overrides: Any) -> Language:
    """Load the pipeline; ``overrides`` as for :func:`spacy.util.load_model_from_path` (disable, exclude, config...)."""
    return load_model_from_path(Path(__file__).parent, **overrides)
