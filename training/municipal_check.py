"""Hand-annotated real municipal paragraphs: a check set kept outside the repository.

No municipal text may be stored in the project, so each model change is also checked on real
municipal paragraphs that an annotator read with the project's search tool and annotated by
hand before any model ran (docs/gold.md). The annotator writes one JSON record per paragraph:

    {"id": "m16-001", "url": "...", "place": "Ljusdal", "kind": "protokoll", "text": "...",
     "entities": [{"start": 0, "end": 13, "label": "PERSON", "text": "Anna Svensson", "party": "S"},
                  {"start": 40, "end": 48, "label": "MONEY", "text": "0,6 mnkr", "amount_sek": 600000}],
     "topics": ["budget"]}

into a git-ignored folder (``corpus/municipal-vN/gold.jsonl``). This module turns such a file into
a DocBin that ``svpol evaluate`` scores like the gold corpus (entities, topics, a person's party
and ``amount_sek``), and writes the stand-off form that a closing note may carry (address,
offsets, labels, attributes; no text):

    python -m training municipal-check convert corpus/municipal-v16/gold.jsonl -o corpus/municipal-v16/gold.spacy
    svpol evaluate models/sv_svpol_cnn corpus/municipal-v16/gold.spacy
    python -m training municipal-check standoff corpus/municipal-v16/gold.jsonl
"""

import json
from pathlib import Path
from typing import Dict, Iterator

import typer
from spacy.tokens import DocBin

from svpol.labels import ENTITY_LABELS, TOPIC_LABELS

from .gold import make_doc

app = typer.Typer(help=__doc__.split("\n\n")[0], no_args_is_help=True)


def read_records(path: Path) -> Iterator[Dict[str, object]]:
    """The records of ``path``, each checked: offsets inside the text and matching the entity's
    ``text``, known labels and topics, no overlapping entities.

    Raises:
        ValueError: naming the file, the line and the problem.
    """
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{where}: not JSON ({err.msg})") from None
            text = record.get("text")
            if not isinstance(text, str) or not text:
                raise ValueError(f"{where}: the record has no text")
            ends = []
            for entity in record.get("entities", []):
                start, end, label = entity.get("start"), entity.get("end"), entity.get("label")
                if label not in ENTITY_LABELS:
                    raise ValueError(f"{where}: unknown entity label {label!r}")
                if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                    raise ValueError(f"{where}: entity offsets {start}-{end} outside the text")
                if "text" in entity and text[start:end] != entity["text"]:
                    raise ValueError(f"{where}: {text[start:end]!r} at {start}-{end}, the record says {entity['text']!r}")
                ends.append((start, end))
            for (_, end), (start, _) in zip(sorted(ends), sorted(ends)[1:]):
                if start < end:
                    raise ValueError(f"{where}: overlapping entities at {start}")
            unknown = [t for t in record.get("topics", []) if t not in TOPIC_LABELS]
            if unknown:
                raise ValueError(f"{where}: unknown topics {unknown}")
            yield record


def to_docbin(path: Path) -> DocBin:
    """The records of ``path`` as gold Docs (entities, topics, attributes) in a DocBin."""
    import svpol

    nlp = svpol.load("rules")  # the svpol tokenizer; make_doc cuts tokens at gold boundaries where it must
    docs = DocBin(store_user_data=True)
    for record in read_records(path):
        # An attribute left null (an amount not determinable) is not scored.
        entities = [{k: v for k, v in entity.items() if v is not None} for entity in record.get("entities", [])]
        doc = make_doc(nlp, record["text"], entities)
        doc.cats = {topic: float(topic in record.get("topics", [])) for topic in TOPIC_LABELS}
        docs.add(doc)
    return docs


def standoff_lines(path: Path) -> Iterator[str]:
    """One line per record: id, address, topics, entities as offsets and labels, attributes (no text)."""
    for record in read_records(path):
        entities = " ".join(f"{e['start']}-{e['end']} {e['label']}" for e in record.get("entities", []))
        attributes = [f"{e['start']}:{e['end']}={e[a]}" for e in record.get("entities", [])
                      for a in ("party", "amount_sek") if e.get(a) is not None]
        yield (f"{record.get('id', '')} {record.get('url', '')} — topics: {', '.join(record.get('topics', [])) or 'none'}; "
               f"entities: {entities or 'none'}" + (f"; attributes {', '.join(attributes)}" if attributes else ""))


@app.command("convert")
def convert_command(
    records: Path = typer.Argument(..., help="Hand-annotated municipal records (JSONL)."),
    output: Path = typer.Option(..., "--output", "-o", help="The DocBin to write (for svpol evaluate)."),
) -> None:
    """Turn hand-annotated municipal records into a DocBin that svpol evaluate scores."""
    try:
        docs = to_docbin(records)
    except (OSError, ValueError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1)
    output.parent.mkdir(parents=True, exist_ok=True)
    docs.to_disk(output)
    typer.echo(f"wrote {output}: {len(docs)} paragraphs")


@app.command("standoff")
def standoff_command(
    records: Path = typer.Argument(..., help="Hand-annotated municipal records (JSONL)."),
) -> None:
    """Print the records stand-off (address, offsets, labels, attributes; no text) for a closing note."""
    try:
        for line in standoff_lines(records):
            typer.echo(line)
    except (OSError, ValueError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1)


if __name__ == "__main__":
    app()
