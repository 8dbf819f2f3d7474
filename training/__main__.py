"""Every training command in one place: ``python -m training <subcommand>`` from the repository root.

    python -m training --help
    python -m training corpus --data-dir ../shared/data --output corpus/
    python -m training train --data-dir ../shared/data -o models/sv_svpol_cnn
    python -m training gold build

Each subcommand is the command of one module, registered here unchanged, so
``python -m training.<module> ...`` takes the same arguments (``python -m training corpus``
is ``python -m training.corpus``; ``python -m training distill`` is
``python -m training.distill_topics``; ``python -m training train-trf train`` is
``python -m training.train_trf train``; ``python -m training gpu-kit`` is the
package ``training.gpu_kit``, whose ``run.sh`` is the GPU run's one command).

Training lives in the checkout, not in the installed ``svpol`` package: it imports the
library, the library never imports it.
"""

import typer

from . import (
    backbone,
    build_kb,
    check_rules,
    corpus,
    distill_topics,
    fit_confidence,
    fit_topics,
    gold,
    gpu_kit,
    municipal_check,
    package,
    sample_topics_check,
    topic_embedding,
    train,
    train_trf,
    vectors,
)

app = typer.Typer(
    name="training",
    help="Train svpol: corpus, vectors, the CPU and transformer pipelines, the knowledge base, gold data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Modules with one command: their function becomes the subcommand.
app.command("corpus")(corpus.main)
app.command("vectors")(vectors.main)
app.command("train")(train.main)
app.command("fit-topics")(fit_topics.main)
app.command("fit-topic-model")(fit_topics.model_command)
app.command("tune-thresholds")(fit_topics.thresholds_command)
app.command("fit-confidence")(fit_confidence.main)
app.command("distill")(distill_topics.main)
app.command("build-kb")(build_kb.main)
app.command("upgrade")(package.upgrade_cli)

# Modules with several commands: their app becomes a group.
app.add_typer(train_trf.app, name="train-trf",
              help="Train the transformer pipeline in resumable chunks, package it, convert it to float16.")
app.add_typer(backbone.app, name="backbone")
app.add_typer(gpu_kit.app, name="gpu-kit")
app.add_typer(gold.app, name="gold")
app.add_typer(topic_embedding.app, name="topic-embedding")
app.add_typer(check_rules.app, name="check-rules")
app.add_typer(sample_topics_check.app, name="sample-topics-check")
app.add_typer(municipal_check.app, name="municipal-check")


def main() -> None:
    """Run the training command line."""
    app(prog_name="python -m training")


if __name__ == "__main__":
    main()
