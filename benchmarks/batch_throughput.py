"""Words/s of `svpol annotate` at several --n-process values on a generated JSON lines corpus.

Usage (from the repository root)::

    python benchmarks/batch_throughput.py --docs 10000 --n-process 1 2 [--model PATH] [--workdir /tmp/svpol-bench]

The corpus is generated from invented sentences (seeded, so every run sees the
same text). Each setting runs the real command line in a fresh process, with
``--overwrite``; the words/s reported are those of the command's own summary
(annotation time, model loading excluded), next to the wall time of the whole
command. The machine's load average is printed too: on a shared machine it
decides the numbers as much as the pipeline does.
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

_NAMES = ["Karin Lindqvist", "Jonas Ek", "Berit Lundvall", "Per Nilsson", "Lena Åberg", "Ahmed Yusuf", "Eva Strand"]
_PARTIES = ["S", "M", "SD", "V", "C", "KD", "L", "MP"]
_BODIES = ["kommunstyrelsen", "socialnämnden", "Migrationsverket", "Polismyndigheten", "Skolverket", "regionen"]
_TOPICS = [
    "Budgeten för nästa år visar ett underskott på {n} mnkr och kostnaderna för {what} ökar.",
    "Skolan behöver fler behöriga lärare och förskolan i {place} ska byggas ut.",
    "Tryggheten i centrum ska öka med fler ordningsvakter och bättre belysning.",
    "Äldreomsorgen får {n} mnkr extra för hemtjänsten under året.",
    "Arbetslösheten bland unga i {place} har minskat enligt den senaste rapporten.",
    "Bostadsbolaget planerar {n} nya hyresrätter nära stationen.",
]
_SPEECH = [
    "{name} ({party}) yrkar bifall till förslaget från {body}.",
    "{name} ({party}) anser att {body} måste redovisa kostnaderna tydligare.",
    "Ordföranden {name} ({party}) konstaterar att ärendet återremitteras.",
]
_PLACES = ["Norrvik", "Södertull", "Granby", "Västerhamn", "Ekdala"]


def _sentence(rng: random.Random) -> str:
    template = rng.choice(_TOPICS + _SPEECH)
    return template.format(
        n=f"{rng.randint(1, 250)},{rng.randint(0, 9)}",
        what=rng.choice(["hemtjänsten", "skolskjutsar", "försörjningsstöd", "lokaler"]),
        place=rng.choice(_PLACES),
        name=rng.choice(_NAMES),
        party=rng.choice(_PARTIES),
        body=rng.choice(_BODIES),
    )


def write_corpus(path: Path, docs: int, seed: int = 0) -> int:
    """Write ``docs`` invented documents of 2-5 paragraphs; returns the number of whitespace words."""
    rng = random.Random(seed)
    words = 0
    with open(path, "w", encoding="utf-8") as f:
        for i in range(docs):
            paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(2, 5))]
            text = "\n\n".join(paragraphs)
            words += len(text.split())
            f.write(json.dumps({"id": f"bench-{i}", "text": text}, ensure_ascii=False) + "\n")
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--n-process", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--model", default=None, help="pipeline (default: what svpol.load() gives)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/svpol-bench"))
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    corpus = args.workdir / f"corpus-{args.docs}.jsonl"
    words = write_corpus(corpus, args.docs)
    print(f"corpus: {corpus} ({args.docs} documents, {words} whitespace words, {corpus.stat().st_size / 1e6:.1f} MB)")
    for n in args.n_process:
        out = args.workdir / f"out-{n}.jsonl"
        cmd = [sys.executable, "-c", "from svpol.cli import main; main()", "annotate", str(corpus), "-o", str(out)]
        cmd += ["--n-process", str(n), "--batch-size", str(args.batch_size), "--overwrite"]
        if args.model:
            cmd += ["--model", args.model]
        load_before = os.getloadavg()[0]
        start = time.perf_counter()
        result = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "TQDM_DISABLE": "1"})
        wall = time.perf_counter() - start
        summary = [line for line in result.stderr.splitlines() if "words/s" in line]
        if result.returncode != 0 or not summary:
            sys.exit(f"--n-process {n} failed ({result.returncode}):\n{result.stderr[-3000:]}")
        rate = re.search(r"\(([\d,]+) words/s\)", summary[-1]).group(1)
        print(f"--n-process {n}: {rate} words/s (annotation), {wall:.1f} s wall in all; "
              f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after")
        print(f"  summary: {summary[-1]}")
        pipeline = [line for line in result.stderr.splitlines() if "pipeline" in line.lower()]
        if pipeline:
            print(f"  model: {pipeline[0]}")


if __name__ == "__main__":
    main()
