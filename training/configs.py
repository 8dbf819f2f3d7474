"""The training configs: ``configs/cpu.cfg`` in full, every other variant as overrides of it.

``configs/cpu.cfg`` is a complete, filled spaCy config that describes the shipped pipeline.
A variant ``configs/<name>.cfg`` is written from it and the partial config
``configs/overrides/<name>.cfg``, so that the variant differs from cpu.cfg only where its
overrides say, and ``spacy train configs/<name>.cfg`` still takes a complete file::

    python -m training.configs          # write configs/<name>.cfg for every override file
    python -m training.configs --check  # exit 1 if a written variant is out of date

tests/training/test_config.py checks that the written variants are up to date.
"""

from pathlib import Path
from typing import Any, Dict, List

import typer
from spacy.util import load_config
from thinc.api import Config

from .paths import REPO

CONFIGS = REPO / "configs"
CPU_CONFIG = CONFIGS / "cpu.cfg"
OVERRIDES = CONFIGS / "overrides"
GENERATED = "# Written by `python -m training.configs` from cpu.cfg and overrides/{name}: edit those, not this file.\n"

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


def _in_base_order(merged: Dict[str, Any], base: Any) -> Dict[str, Any]:
    """``merged`` with its keys in the order of ``base`` (new keys after), at every level."""
    base = base if isinstance(base, dict) else {}
    keys = [k for k in base if k in merged] + [k for k in merged if k not in base]
    return {k: _in_base_order(merged[k], base.get(k)) if isinstance(merged[k], dict) else merged[k]
            for k in keys}


def variant_config(overrides: Path, base: Path = CPU_CONFIG) -> Config:
    """``base`` with the partial config ``overrides`` merged in.

    A block of ``overrides`` that names another registered function than the base's
    (``@architectures``, ``@batchers`` ...) replaces that block instead of being merged into
    it (``Config.merge``), and components the merged pipeline does not list are dropped
    (``transformer`` in place of ``tok2vec``).
    """
    base_config = load_config(base)
    merged = base_config.merge(load_config(overrides))
    pipeline: List[str] = merged["nlp"]["pipeline"]
    merged["components"] = {k: v for k, v in merged["components"].items() if k in pipeline}
    return Config(_in_base_order(merged, base_config))


def variant_text(overrides: Path) -> str:
    """The text of the variant written for ``overrides``: its leading comments, then the config."""
    lines = overrides.read_text(encoding="utf8").splitlines(keepends=True)
    comments = "".join(line for line in lines[: next(i for i, l in enumerate(lines) if not l.startswith("#"))])
    return GENERATED.format(name=overrides.name) + comments + variant_config(overrides).to_str() + "\n"


@app.command()
def main(check: bool = typer.Option(False, "--check", help="Only check that the written variants are up to date")) -> None:
    """Write configs/<name>.cfg from cpu.cfg and configs/overrides/<name>.cfg for every override file."""
    stale = []
    for overrides in sorted(OVERRIDES.glob("*.cfg")):
        target = CONFIGS / overrides.name
        text = variant_text(overrides)
        if target.exists() and target.read_text(encoding="utf8") == text:
            continue
        if check:
            stale.append(str(target))
        else:
            target.write_text(text, encoding="utf8")
            typer.echo(f"wrote {target}")
    if stale:
        typer.echo(f"out of date (run python -m training.configs): {', '.join(stale)}", err=True)
        raise typer.Exit(1)


if __name__ == "__main__":
    app()
