"""Text normalization with an offset map back to the raw input.

Text extracted from PDFs carries layout: words hyphenated across line breaks,
hard-wrapped lines, private-use bullet glyphs, runs of spaces. ``normalize``
turns it into clean running text for the model and keeps, for every clean
character, the raw span it came from, so that entity offsets found in the clean
text can be reported in the raw text (``raw[start:end]`` is the entity exactly
as written, hyphen and line break included).

Rules, applied in one left-to-right pass:

- a hyphen (or soft hyphen) between a letter and a line break, followed by a
  letter, joins the word parts: ``kommun-\\n\\nfullmäktiges`` → ``kommunfullmäktiges``.
  The hyphen is kept when the next part starts with an upper-case letter or a
  digit (``Rinkeby-\\nKista`` → ``Rinkeby-Kista``), and kept with a space when the
  next word is a conjunction (``vård-\\noch omsorg`` → ``vård- och omsorg``);
- a whitespace run holding a blank line becomes a paragraph break ``\\n\\n``;
- a single line break becomes a space (unwrapping hard-wrapped lines), except
  before a list item (a bullet, a dash or ``1.``/``a)``), where it stays ``\\n``;
- any other whitespace run (tabs, no-break spaces, several spaces) becomes one space;
- private-use bullets of Symbol/Wingdings fonts (U+F0B7 and kin) become ``•``;
- zero-width characters, soft hyphens inside words and control characters are dropped;
- leading and trailing whitespace is removed.

This module knows nothing of spaCy.
"""

import re
from array import array
from bisect import bisect_right
from typing import List, Optional, Sequence, Tuple

# Private-use glyphs that PDF extraction emits for bullets (Symbol and Wingdings fonts).
_PUA_BULLETS = "\uf0b7\uf0a7\uf0a8\uf0d8\uf076\uf0fc\uf06c\uf06e\uf0e0\uf0d7"
_BULLET = "\u2022"
# Conjunctions after which a line-end hyphen is a suspended compound ("vård- och omsorg").
_CONJUNCTIONS = ("och", "eller", "samt", "respektive", "resp", "som", "till", "än")
_LINE_BREAK = re.compile(r"\r\n|[\n\r\v\x85\u2028]")
_PARA_BREAK_CHARS = "\f\u2029"
# A list item at the start of a line: a bullet or dash and a space, or "1." / "a)" and a space.
_LIST_ITEM = re.compile(
    r"(?:[\u2022\u25aa\u25cf\u25e6\u2013\u2014*\-" + _PUA_BULLETS + r"]\s|\d{1,2}[.)]\s|[a-zåäö]\)\s)"
)
_PATTERN = re.compile(
    # hyphen (or soft hyphen) after a letter, then whitespace holding a line break, then a word
    r"(?P<hyphen>(?<=[^\W\d_])[-\u00ad])(?P<hyws>[^\S\n\r\v\f\x85\u2028\u2029]*"
    r"(?:\r\n|[\n\r\v\f\x85\u2028\u2029])\s*)(?=\w)"
    r"|(?P<ws>\s+)"
    r"|(?P<drop>[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f])"
    r"|(?P<pua>[" + _PUA_BULLETS + r"])"
)
# A line shorter than this share of the longest line of its block ends early: a heading
# or the last line of a list entry, not a hard wrap.
_SHORT_LINE = 0.6
_CONJ_AHEAD = re.compile(r"(?:" + "|".join(_CONJUNCTIONS) + r")\b")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")

# Letters that a case-insensitive pattern reads as "i" or "s" but ``str.lower()`` does not turn into them. In a text
# without them, the lower-cased text holds every letter of a match of such a pattern in lower case, in place: a
# pattern's words can be looked for there before the slow case-insensitive search.
ODD_CASE_LETTERS = ("İ", "ı", "ſ")


def fold_case(text: str) -> Optional[str]:
    """``text`` in lower case, where a case-insensitive pattern's words can be looked for before its slow search;
    None where ``text`` holds one of ``ODD_CASE_LETTERS`` (search it always)."""
    return None if any(letter in text for letter in ODD_CASE_LETTERS) else text.lower()


class OffsetMap:
    """Maps character offsets of the clean text to offsets of the raw text.

    Each clean character ``i`` came from the raw span ``[starts[i], ends[i])``:
    a copied character from itself, a collapsed whitespace run or a replaced
    glyph from the whole run or glyph.
    """

    __slots__ = ("_starts", "_ends", "_raw_len")

    def __init__(self, starts: array, ends: array, raw_len: int) -> None:
        if len(starts) != len(ends):
            raise ValueError("OffsetMap needs as many start as end offsets")
        self._starts = starts
        self._ends = ends
        self._raw_len = raw_len

    def __len__(self) -> int:
        return len(self._starts)

    def to_raw(self, start: int, end: int) -> Tuple[int, int]:
        """Map the clean span ``[start, end)`` to the raw span it came from.

        Args:
            start: start offset in the clean text.
            end: end offset in the clean text (exclusive), ``start <= end``.

        Returns:
            ``(raw_start, raw_end)`` such that ``raw[raw_start:raw_end]`` holds
            the span as written in the input, including anything normalization
            removed inside it (hyphens, line breaks).
        """
        n = len(self._starts)
        if not 0 <= start <= end <= n:
            raise ValueError(f"span ({start}, {end}) is outside the clean text of length {n}")
        if start == end:
            pos = self._starts[start] if start < n else (self._ends[n - 1] if n else 0)
            return pos, pos
        return self._starts[start], self._ends[end - 1]


class _Lines:
    """The lines of a raw text with their lengths and the longest line of their block."""

    def __init__(self, raw: str) -> None:
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(raw)]
        ends = [m.start() for m in _LINE_BREAK.finditer(raw)] + [len(raw)]
        self.lengths = [len(raw[s:e].strip()) for s, e in zip(self.starts, ends)]
        self.block_max = _block_max(self.lengths)

    def ends_early(self, pos: int, next_char: str) -> bool:
        """Whether the line holding ``pos`` is short for its block and the next line starts a new unit."""
        if next_char.islower():
            return False
        i = bisect_right(self.starts, pos) - 1
        return self.lengths[i] < _SHORT_LINE * self.block_max[i]


def _block_max(lengths: Sequence[int]) -> List[int]:
    """For each line, the longest line of its block (lines between blank lines)."""
    out = [0] * len(lengths)
    start = 0
    for i in range(len(lengths) + 1):
        if i == len(lengths) or lengths[i] == 0:
            longest = max(lengths[start:i], default=0)
            out[start:i] = [longest] * (i - start)
            start = i + 1
    return out


def _line_breaks(ws: str) -> int:
    """Count line breaks in a whitespace run; form feeds count as a paragraph break."""
    count = len(_LINE_BREAK.findall(ws))
    if any(ch in ws for ch in _PARA_BREAK_CHARS):
        count += 2
    return count


def normalize(raw: str) -> Tuple[str, OffsetMap]:
    """Normalize PDF-style text for the model and keep the offset map back to ``raw``.

    Args:
        raw: the input text exactly as decoded.

    Returns:
        The clean text and an :class:`OffsetMap` from clean to raw offsets.
    """
    out: List[str] = []
    # 4-byte offsets where they fit (half the memory of the map for a huge text).
    typecode = "i" if len(raw) < 2**31 - 1 else "q"
    starts = array(typecode)
    ends = array(typecode)

    def emit(piece: str, raw_start: int, raw_end: int) -> None:
        # The piece replaces raw[raw_start:raw_end] as a whole.
        out.append(piece)
        starts.extend([raw_start] * len(piece))
        ends.extend([raw_end] * len(piece))

    def copy(raw_start: int, raw_end: int) -> None:
        out.append(raw[raw_start:raw_end])
        starts.extend(range(raw_start, raw_end))
        ends.extend(range(raw_start + 1, raw_end + 1))

    lines = _Lines(raw)
    pos = 0
    raw_len = len(raw)
    for m in _PATTERN.finditer(raw):
        if m.start() > pos:
            copy(pos, m.start())
        pos = m.end()
        kind = m.lastgroup
        if kind == "hyws":
            h = m.start("hyphen")
            nxt = raw[m.end()]
            if _CONJ_AHEAD.match(raw, m.end()):
                emit("-", h, h + 1)
                emit(" ", m.start("hyws"), m.end())
            elif nxt.isupper() or nxt.isdigit():
                emit("-", h, h + 1)
            # else: a word broken across lines; drop hyphen and whitespace to join it
        elif kind == "ws":
            if not out:  # leading whitespace
                continue
            breaks = _line_breaks(m.group())
            if breaks >= 2:
                emit("\n\n", m.start(), m.end())
            elif breaks == 1 and (_LIST_ITEM.match(raw, m.end()) or lines.ends_early(m.start(), raw[m.end() : m.end() + 1])):
                emit("\n", m.start(), m.end())
            else:
                emit(" ", m.start(), m.end())
        elif kind == "pua":
            emit(_BULLET, m.start(), m.end())
        # kind == "drop": emit nothing
    if pos < raw_len:
        copy(pos, raw_len)
    clean = "".join(out)
    trimmed = clean.rstrip()
    if len(trimmed) < len(clean):
        del starts[len(trimmed) :]
        del ends[len(trimmed) :]
    return trimmed, OffsetMap(starts, ends, raw_len)


def paragraphs(text: str) -> List[Tuple[int, int]]:
    """Return the ``(start, end)`` spans of the paragraphs of a clean text.

    Paragraphs are separated by blank lines (``\\n\\n`` after :func:`normalize`);
    single line breaks (list items) stay inside a paragraph.
    """
    spans = []
    for m in _PARAGRAPH.finditer(text):
        start, end = m.span()
        # Trim whitespace that is not a line break (e.g. trailing spaces in unnormalized text).
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def chunks(text: str, max_chars: int) -> List[Tuple[int, int]]:
    """Split a clean text into spans of at most ``max_chars`` characters for the model.

    Splits fall on paragraph boundaries where possible, else on line breaks,
    sentence ends or spaces, and only inside a word when nothing else fits.
    The spans cover the text in order; the separators between them are left out.

    Args:
        text: clean text (see :func:`normalize`).
        max_chars: the longest chunk, at least 1.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    spans: List[Tuple[int, int]] = []
    start = 0
    n = len(text)
    while start < n:
        while start < n and text[start].isspace():
            start += 1
        if start >= n:
            break
        if n - start <= max_chars:
            spans.append((start, n))
            break
        limit = start + max_chars
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            i = text.rfind(sep, start + 1, limit + 1)
            if i > start:
                cut = i + (1 if sep == ". " else 0)
                break
        if cut <= start:
            cut = limit
        end = cut
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
        start = cut
    return spans
