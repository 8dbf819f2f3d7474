"""Readers for the public Swedish NER sets and conversion of their tags to spans.

Each reader yields :class:`TaggedSentence` records with the source's own tokens and tags;
``tags_to_spans`` turns IO or IOB2 tags into token spans with the source label, and
``sentence_to_doc`` builds a ``Doc`` on the source tokens. Label mapping to our scheme
lives in :mod:`training.mapping`, so the readers know nothing of svpol's labels.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, List, Optional, Sequence, Tuple

from spacy.tokens import Doc
from spacy.vocab import Vocab

SOFT_HYPHEN = "\u00ad"
OUTSIDE = "O"

# (start token, end token exclusive, source label)
TokenSpan = Tuple[int, int, str]


@dataclass
class TaggedSentence:
    """One sentence of a tagged source, with enough context to split by document.

    Attributes:
        words: the tokens as given by the source (soft hyphens removed).
        tags: one tag per token, ``O`` or ``B-X``/``I-X`` (IOB2) or ``X`` (IO).
        doc_id: the document (or block of consecutive sentences) the sentence belongs to.
        index: running number of the sentence in its file.
        spaces: whether each token is followed by a space; guessed when the source has no text.
        line: line in the source file where the sentence starts (1-based).
    """

    words: List[str]
    tags: List[str]
    doc_id: str
    index: int
    spaces: List[bool] = field(default_factory=list)
    line: int = 0


class ConversionError(ValueError):
    """A source file that cannot be read; the message reads ``PATH[:LINE]: reason``."""


_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "»", "”"}
_NO_SPACE_AFTER = {"(", "[", "{", "«", "“"}


def guess_spaces(words: Sequence[str]) -> List[bool]:
    """Guess the whitespace after each token for sources that give tokens without text.

    Args:
        words: the tokens of one sentence.

    Returns:
        One flag per token: True if a space follows it. The last token gets False.
    """
    spaces = []
    for i, word in enumerate(words):
        if i + 1 == len(words):
            spaces.append(False)
        elif words[i + 1] in _NO_SPACE_BEFORE or word in _NO_SPACE_AFTER:
            spaces.append(False)
        else:
            spaces.append(True)
    return spaces


def spaces_from_text(words: Sequence[str], text: str) -> Optional[List[bool]]:
    """Recover the spaces after each token from the sentence text, if the tokens align.

    Returns:
        One flag per token, or None if the tokens do not occur in order in ``text``.
    """
    spaces = []
    pos = 0
    for word in words:
        found = text.find(word, pos)
        if found < 0 or text[pos:found].strip():
            return None
        if spaces:
            spaces[-1] = found > pos
        pos = found + len(word)
        spaces.append(False)
    if spaces:
        spaces[-1] = pos < len(text) and text[pos:pos + 1].isspace()
    return spaces


def _clean_word(word: str) -> str:
    # Soft hyphens are print artefacts ("­världen"); inference text drops them too.
    return word.replace(SOFT_HYPHEN, "")


def tags_to_spans(tags: Sequence[str], scheme: str) -> List[TokenSpan]:
    """Turn a tag sequence into token spans.

    Args:
        tags: ``O`` and entity tags; IO tags are bare labels (``PER``), IOB2 tags are
            ``B-PER``/``I-PER``.
        scheme: ``"io"`` (adjacent tokens with the same label form one span, so two
            adjacent entities of one type merge: a known limit of IO data) or ``"iob2"``
            (an ``I-`` tag that does not continue a span of its label starts a new one).

    Returns:
        ``(start, end, label)`` token spans, end exclusive.
    """
    if scheme not in ("io", "iob2"):
        raise ValueError(f"unknown tag scheme {scheme!r}; expected 'io' or 'iob2'")
    spans: List[TokenSpan] = []
    start, label = None, None
    for i, tag in enumerate(list(tags) + [OUTSIDE]):
        if scheme == "iob2" and tag != OUTSIDE:
            prefix, _, name = tag.partition("-")
            if prefix not in ("B", "I") or not name:
                raise ValueError(f"not an IOB2 tag: {tag!r}")
            begins = prefix == "B" or name != label
        else:
            name = None if tag == OUTSIDE else tag
            begins = name != label
        if tag == OUTSIDE or begins:
            if label is not None:
                spans.append((start, i, label))
            start, label = (i, name) if tag != OUTSIDE else (None, None)
    return spans


def read_uner(path: Path) -> Iterator[TaggedSentence]:
    """Read a Universal NER file (tab-separated, ``# newdoc``/``# text`` comments, IOB2 in column 3).

    Raises:
        ConversionError: on a token line with fewer than three columns.
    """
    path = Path(path)
    words: List[str] = []
    tags: List[str] = []
    text = ""
    doc_id = path.stem
    index = 0
    start_line = 1
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if line.startswith("#"):
                key, _, value = line[1:].partition("=")
                key = key.strip()
                if key == "newdoc id":
                    doc_id = value.strip()
                elif key == "text":
                    text = value.strip()
                continue
            if not line.strip():
                if words:
                    yield _uner_sentence(words, tags, text, doc_id, index, start_line)
                    index += 1
                words, tags, text = [], [], ""
                start_line = lineno + 1
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                raise ConversionError(f"{path}:{lineno}: expected at least 3 tab-separated columns")
            if not words:
                start_line = lineno
            words.append(cols[1])
            tags.append(cols[2])
    if words:
        yield _uner_sentence(words, tags, text, doc_id, index, start_line)


def _uner_sentence(words, tags, text, doc_id, index, line) -> TaggedSentence:
    spaces = spaces_from_text(words, text) or guess_spaces(words)
    cleaned = [_clean_word(w) for w in words]
    return TaggedSentence(cleaned, list(tags), f"uner:{doc_id}", index, spaces, line)


@dataclass
class ReadReport:
    """Problems met while reading a source that were worked around, not fatal."""

    malformed: List[str] = field(default_factory=list)


def read_klintan(path: Path, report: Optional[ReadReport] = None, block_size: int = 20) -> Iterator[TaggedSentence]:
    """Read the klintan swedish-ner-corpus: ``token label`` lines, IO tags, ``0`` means O.

    Columns are separated by a tab or by spaces. A line with a single field (the file
    has one) is kept as a token tagged O and recorded in ``report``. The file has no
    document boundaries, so consecutive sentences are grouped into blocks of
    ``block_size`` that act as documents for splitting.
    """
    if block_size < 1:
        raise ValueError(f"block_size must be at least 1, got {block_size}")
    path = Path(path)
    words: List[str] = []
    tags: List[str] = []
    index = 0
    start_line = 1

    def make() -> TaggedSentence:
        return TaggedSentence(list(words), list(tags), f"klintan:b{index // block_size:05d}", index,
                              guess_spaces(words), start_line)

    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            fields = line.split()
            if not fields:
                if words:
                    yield make()
                    index += 1
                words, tags = [], []
                continue
            if not words:
                start_line = lineno
            if len(fields) == 2:
                word, tag = fields
            else:
                # A broken line: keep its first field as an O token so the sentence stays whole.
                word, tag = fields[0], OUTSIDE
                if report is not None:
                    report.malformed.append(f"{path}:{lineno}: expected 'token label', got {line.strip()!r}")
            word = _clean_word(word)
            if not word:
                continue
            words.append(word)
            tags.append(OUTSIDE if tag == "0" else tag)
    if words:
        yield make()


def read_suc(path: Path, block_size: int = 20) -> Iterator[TaggedSentence]:
    """Read the SUC 3.0 JSONL (``{"tokens": [...], "ner_tags": [...]}``, IO tags).

    The file carries no document ids (all ``id`` are 0), so blocks of ``block_size``
    consecutive sentences act as documents for splitting.

    Raises:
        ConversionError: on a line that is not JSON or whose tokens and tags differ in length.
    """
    if block_size < 1:
        raise ValueError(f"block_size must be at least 1, got {block_size}")
    path = Path(path)
    index = 0
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                words, tags = record["tokens"], record["ner_tags"]
            except (json.JSONDecodeError, KeyError, TypeError) as err:
                raise ConversionError(f"{path}:{lineno}: not a SUC record ({err})") from None
            if len(words) != len(tags):
                raise ConversionError(f"{path}:{lineno}: {len(words)} tokens but {len(tags)} tags")
            pairs = [(_clean_word(w), t) for w, t in zip(words, tags)]
            pairs = [(w, t) for w, t in pairs if w]
            if not pairs:
                continue
            words = [w for w, _ in pairs]
            yield TaggedSentence(words, [t for _, t in pairs], f"suc:b{index // block_size:05d}", index,
                                 guess_spaces(words), lineno)
            index += 1


def sentence_to_doc(vocab: Vocab, sentence: TaggedSentence) -> Doc:
    """Build a Doc on the sentence's own tokens (no entities set yet).

    A token may contain a space (UNER has ``t ex``); spaCy keeps it as one token, as the
    svpol tokenizer does for ``1 200``.
    """
    return Doc(vocab, words=list(sentence.words), spaces=list(sentence.spaces or guess_spaces(sentence.words)))


def iter_spans(sentences: Iterable[TaggedSentence], scheme: str) -> Iterator[Tuple[TaggedSentence, List[TokenSpan]]]:
    """Pair each sentence with its source spans."""
    for sentence in sentences:
        yield sentence, tags_to_spans(sentence.tags, scheme)
