"""Package metadata kept apart so that it can be read without importing spaCy.

``__version__`` is svpol's only version number: pyproject.toml reads it
(``[tool.setuptools.dynamic]``) and training writes :func:`model_requirement`
into every pipeline's meta, which :func:`svpol.loading.check_version` checks.
"""

__version__ = "0.1.0"


def model_requirement(version: str = __version__) -> str:
    """The svpol versions a pipeline built with ``version`` works with, as a requirement string.

    Releases that share the minor version (before 1.0) or the major version
    (from 1.0) are compatible: ``"0.1.0"`` gives ``"svpol>=0.1,<0.2"``,
    ``"1.4.2"`` gives ``"svpol>=1.4,<2"``.

    Raises:
        ValueError: ``version`` does not start with MAJOR.MINOR.
    """
    parts = version.split(".")
    if len(parts) < 2 or not parts[0].isdigit() or not parts[1].isdigit():
        raise ValueError(f"expected a version MAJOR.MINOR[.PATCH], got {version!r}")
    major, minor = int(parts[0]), int(parts[1])
    upper = f"{major}.{minor + 1}" if major == 0 else str(major + 1)
    return f"svpol>={major}.{minor},<{upper}"
