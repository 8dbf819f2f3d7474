"""``python -m training``: one command line for every training command; the library never imports training."""

import ast
import subprocess
import sys

from typer.testing import CliRunner

from training.__main__ import app
from training.paths import DATA_DIR, REPO

SUBCOMMANDS = [
    "corpus", "vectors", "train", "fit-topics", "fit-topic-model", "fit-confidence", "distill", "train-trf", "backbone",
    "build-kb", "gold", "check-rules", "sample-topics-check", "gpu-kit", "upgrade", "topic-embedding",
    "municipal-check", "tune-thresholds",
]
GROUPS = {
    "gold": ["sample", "check", "convert", "build", "agreement", "errors"],
    "backbone": ["build", "verify", "trim"],
    "train-trf": ["train", "package", "fp16"],
    "check-rules": ["sample", "score"],
    "sample-topics-check": ["sample", "predict", "score"],
    "gpu-kit": ["prepare", "run"],
    "topic-embedding": ["fit", "finetune", "lexicon", "distill", "assemble"],
    "municipal-check": ["convert", "standoff", "errors"],
}


def command_names(typer_app):
    import typer.main

    return list(typer.main.get_command(typer_app).commands)


def test_every_training_command_is_a_subcommand():
    assert sorted(command_names(app)) == sorted(SUBCOMMANDS)
    for group, commands in GROUPS.items():
        sub = next(info.typer_instance for info in app.registered_groups if info.name == group)
        assert command_names(sub) == commands, group


def test_python_m_training_runs_from_the_repository_root():
    result = subprocess.run([sys.executable, "-m", "training", "--help"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert all(name in result.stdout for name in SUBCOMMANDS)
    result = subprocess.run([sys.executable, "-m", "training", "gold", "--help"], cwd=REPO, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr
    assert all(name in result.stdout for name in GROUPS["gold"])


def test_subcommands_take_the_modules_options():
    runner = CliRunner()
    result = runner.invoke(app, ["corpus", "--help"])
    assert result.exit_code == 0 and "--data-dir" in result.stdout and str(DATA_DIR) in result.stdout
    # The same function as python -m training.vectors: a missing corpus is a usage error.
    result = runner.invoke(app, ["vectors", "--corpus", "nowhere-corpus", "--output", "nowhere-out"])
    assert result.exit_code == 2 and "train.spacy: not found" in result.stderr


def test_default_data_dir_is_the_shared_folder_next_to_the_checkout():
    assert DATA_DIR.as_posix() == "../shared/data"
    assert (REPO / "training" / "paths.py").is_file() and (REPO / "pyproject.toml").is_file()


def test_the_library_never_imports_or_runs_training():
    offenders = []
    for path in sorted((REPO / "pipeline" / "svpol").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] if node.level == 0 else []
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                # python -m training..., subprocess or importlib with the name as a string
                names = [node.value] if node.value.startswith("training") and " " not in node.value else []
            else:
                continue
            offenders += [f"{path.relative_to(REPO)}:{node.lineno}: {name}"
                          for name in names if name == "training" or name.startswith("training.")]
    assert offenders == []
