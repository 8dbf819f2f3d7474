"""The svpol tokenizer: spaCy's Swedish tokenizer plus rules for political text.

spaCy's Swedish defaults already give most of what the text needs:
``(FHS)och`` → ``(`` ``FHS`` ``)`` ``och``, ``(M)`` as three tokens, abbreviations
such as ``m.fl.``, ``bl.a.``, ``t.ex.``, ``kr.`` kept whole, ``22,2`` one token,
``Rinkeby-Kista`` kept whole and ``SÄPO:s`` kept whole. On top of that:

- money units glued to a number are split off: ``5mnkr`` → ``5`` ``mnkr``;
- ``kr.`` stays whole inside a sentence (``100 kr. per år``) but is split into
  ``kr`` ``.`` where it ends one (end of text, or a capital follows), so that the
  full stop stays out of a MONEY entity;
- more abbreviations of Swedish administrative text are kept whole (``ang.``, ``enl.``, ...);
- a number written with spaces as thousands separators is **one token**:
  ``1 200``, ``3 500 000``, ``1 200,50``. Only groups of exactly three digits after
  a first group of one to three digits are joined, so lists of years or other
  numbers (``2017 2018``, ``12 13``, ``5 1200``) stay apart. The token keeps its
  space (``token.text == "1 200"``), its norm is ``1200`` and ``token.like_num``
  is true.

Use it in a config with::

    [nlp.tokenizer]
    @tokenizers = "svpol.Tokenizer.v10"

``svpol.Tokenizer.v2`` adds one rule to ``v1`` (kept unchanged for the pipelines built with it):
an en dash, em dash or slash between two names is a token of its own, so that place ranges
and alternatives (``Malmö–Staffanstorp–Dalby``, ``Göteborg/Borås``) give one token per place.
A hyphen still joins (``Rinkeby-Kista`` is one district). ``svpol.Tokenizer.v3`` adds to ``v2``
a sign in front of a number as a token of its own (``-5,3 mnkr``), so that the sign can stay
outside a MONEY span. ``svpol.Tokenizer.v4`` adds to ``v3`` a plus between letters as a token of its
own (``S+V+MP``, ``(m+kd)``), so that each party's letters are a PARTY entity. ``svpol.Tokenizer.v5`` adds to
``v4`` a slash before a capital at a token's start as a token of its own, as electronically signed protocols
write their signatures (``/Eva Ekholm, ordförande/``). ``svpol.Tokenizer.v6`` adds to ``v5`` a listed first name
glued to a lower-case word before it as a token of its own (``videospelarenAnna Berg``, a web page's link text run
into a speaker's name). ``svpol.Tokenizer.v7`` adds to ``v6`` a hyphen between the two places of a stretch as a token
of its own (``sträckan Svensbyn-Vitsand``). ``svpol.Tokenizer.v8`` adds to ``v7`` the full stop after a party's
letter that ends a sentence as a token of its own (``lämnade S. Sedan``), so that the letter can be a PARTY entity
(an initial keeps its stop: ``Göran S. Persson``), and so is the stop after an amount's abbreviated unit that ends a
sentence (``7,5 milj. Skolans``), which stays out of the MONEY span. ``svpol.Tokenizer.v9`` adds to ``v8`` a hyphen between
two municipalities as a token of its own (``linjen Karlskoga-Örebro``), unless the two make one known name
(``Malung-Sälen``) or follow a capitalised word (``Räddningstjänsten Sala-Heby``). ``svpol.Tokenizer.v10`` adds to
``v9`` the full stop after a party's letter that follows a name's comma at a line's end (``utses Eva Ek, M.``) and
the slash that closes a signature opened by one (``/Eva Ek/``) as tokens of their own.

The function is also an entry point (``spacy_tokenizers``), so ``spacy.load`` finds
it without importing svpol first.
"""

import re
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex, registry

from .doc_cache import remember_text

# v2: a dash or slash between a word and a capitalised word ("Malmö–Lund", "Göteborg/Borås").
_NAME_RANGE_INFIX = r"(?<=[\wåäöÅÄÖ])[–—/](?=[A-ZÅÄÖ])"
# Money units written straight after a number ("5mnkr", "12MSEK").
_UNIT_SUFFIX = r"(?<=[0-9])(?:[mM][nd]kr|[tTmM]kr|kkr|MSEK|SEK|kr)"
_EXTRA_ABBREVIATIONS = (
    "ang.", "anm.", "bil.", "dnr.", "enl.", "exkl.", "fr.o.m.", "förv.", "inkl.",
    "jfr.", "kap.", "milj.", "mdr.", "mn.", "nr.", "ordf.", "p.g.a.", "prop.", "sekr.",
    "t.o.m.", "tf.", "tjf.", "v.g.", "Ordf.", "Sekr.", "Ang.",
    "Enl.", "Bil.", "Dnr.", "Jfr.", "Anm.", "Prop.",
)  # fmt: skip
# A number with spaces (or no-break / narrow no-break spaces) as thousands separators.
# The check on the character before the number follows its first digit: a pattern that starts with a digit lets the
# regex engine skip the positions that hold none (same matches, several times faster than a leading look-behind).
_SPACED_NUMBER = re.compile(r"\d(?<![\d,.]\d)\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d]|[,.]\d)")


# Chunks whose tokens are cached (spaCy's default: 10,000); a few MB at most.
_TOKENIZER_CACHE_SIZE = 100_000

# Kept whole inside a sentence ("100 kr. per år"), split at the end of one ("kostar 100 kr.
# Sedan"), where the full stop ends the sentence and stays out of a MONEY span.
_SENTENCE_FINAL_UNIT = "kr."


class SvpolTokenizer:
    """spaCy's rule tokenizer followed by merging of space-separated thousands.

    Wraps a :class:`spacy.tokenizer.Tokenizer` (available as ``.inner``) and
    serializes through it, so ``nlp.to_disk`` / ``spacy.load`` keep its rules.
    """

    def __init__(self, inner: Tokenizer, split_stretches: bool = False, split_final_letters: bool = False,
                 split_place_pairs: bool = False, split_list_ends: bool = False) -> None:
        self.inner = inner
        self.split_stretches = split_stretches  # v7: see split_stretch_hyphens
        self.split_final_letters = split_final_letters  # v8: see split_sentence_final_letters
        self.split_place_pairs = split_place_pairs  # v9: see split_place_pair_hyphens
        self.split_list_ends = split_list_ends  # v10: see split_comma_letter_stops, split_signature_slashes

    @property
    def vocab(self):
        """The vocab of the wrapped tokenizer."""
        return self.inner.vocab

    def __call__(self, text: str) -> Doc:
        """Tokenize ``text`` into a Doc."""
        doc = self.inner(text)
        remember_text(doc, text)  # a Doc's text is its input, also after the merges and splits below
        if _SPACED_NUMBER.search(text):  # the doc's text is the input: only look for numbers where there are some
            merge_spaced_numbers(doc)
        if _SENTENCE_FINAL_UNIT in text:
            split_sentence_final_units(doc)
        if self.split_stretches and "träck" in text:
            split_stretch_hyphens(doc)
        if self.split_final_letters and (_FINAL_LETTER_RE.search(text) or _FINAL_UNIT_RE.search(text)):
            split_sentence_final_letters(doc)
        if self.split_place_pairs and "-" in text:
            split_place_pair_hyphens(doc)
        if self.split_list_ends:
            if ", " in text and _COMMA_LETTER_STOP_RE.search(text):
                split_comma_letter_stops(doc)
            if "/" in text and _SIGNATURE_CLOSE_RE.search(text):
                split_signature_slashes(doc)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenize a stream of texts."""
        for text in texts:
            yield self(text)

    def explain(self, text: str):
        """Explain the rule tokenization (before number merging), see ``Tokenizer.explain``."""
        return self.inner.explain(text)

    def add_special_case(self, string: str, substrings: Any) -> None:
        """Add a special case to the wrapped tokenizer."""
        self.inner.add_special_case(string, substrings)

    @property
    def rules(self) -> Dict[str, Any]:
        """The special cases of the wrapped tokenizer."""
        return self.inner.rules

    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        """Serialize the wrapped tokenizer's rules."""
        return self.inner.to_bytes(exclude=exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = tuple()) -> "SvpolTokenizer":
        """Load the wrapped tokenizer's rules."""
        self.inner.from_bytes(bytes_data, exclude=exclude)
        return self

    def to_disk(self, path: Union[str, Any], *, exclude: Iterable[str] = tuple()) -> None:
        """Save the wrapped tokenizer's rules to ``path``."""
        self.inner.to_disk(path, exclude=exclude)

    def from_disk(self, path: Union[str, Any], *, exclude: Iterable[str] = tuple()) -> "SvpolTokenizer":
        """Load the wrapped tokenizer's rules from ``path``."""
        self.inner.from_disk(path, exclude=exclude)
        return self


def merge_spaced_numbers(doc: Doc) -> Doc:
    """Merge numbers written with thousands separators (``1 200``) into one token, in place."""
    spans = []
    for m in _SPACED_NUMBER.finditer(doc.text):
        span = doc.char_span(m.start(), m.end())
        # Only merge where the number lines up with token boundaries ("1 200" not "x1 200").
        if span is not None and len(span) > 1:
            spans.append(span)
    if spans:
        with doc.retokenize() as retokenizer:
            for span in spans:
                # NORM without separators, so "1 200" and "1200" share features.
                norm = "".join(ch for ch in span.text if not ch.isspace())
                retokenizer.merge(span, attrs={"NORM": norm, "LIKE_NUM": True})
    return doc


def split_tokens(doc: Doc, splits: Sequence[Tuple[Token, List[str]]]) -> Doc:
    """Split each token of ``splits`` into its texts, in place; the pieces hang on the token (no parser reads it)."""
    if splits:
        with doc.retokenize() as retokenizer:
            for token, orths in splits:
                retokenizer.split(token, orths, heads=[(token, 0)] * len(orths))
    return doc


def split_sentence_final_units(doc: Doc) -> Doc:
    """Split ``kr.`` into ``kr`` and ``.`` where it ends a sentence (end of text or a capital next), in place."""
    text = doc.text
    final = []
    for token in doc:
        if token.text == _SENTENCE_FINAL_UNIT:
            rest = text[token.idx + len(token) :].lstrip()
            if not rest or rest[0].isupper():
                final.append(token)
    return split_tokens(doc, [(token, ["kr", "."]) for token in final])


# v7: a hyphen between the two places of a road's or railway's stretch ("sträckan Svensbyn-Vitsand", "sträckan
# Södra Ekby-Norrby") is a token of its own, so that each place is found; elsewhere a hyphen still joins a name
# ("Malung-Sälen", "Rinkeby-Kista"), and so it does in a plural's list of stretches ("sträckorna Ekby-Norrby och
# ...", which the annotators of m-v105 kept whole).
_STRETCH_RE = re.compile(
    r"(?<![\w-])[Ss]träckan[ \t]+(?:(?:Norra|Södra|Östra|Västra|Stora|Lilla|Övre|Nedre)[ \t]+)?"
    r"[A-ZÅÄÖ][a-zåäö]+(?P<hyphen>-)[A-ZÅÄÖ][a-zåäö]+(?![\w-])")


def split_stretch_hyphens(doc: Doc) -> Doc:
    """Split ``Svensbyn-Vitsand`` into ``Svensbyn``, ``-``, ``Vitsand`` after ``sträckan``, in place."""
    splits = []
    for m in _STRETCH_RE.finditer(doc.text):
        hyphen = m.start("hyphen")
        span = doc.char_span(hyphen, hyphen + 1, alignment_mode="expand")
        if span is not None and len(span) == 1 and span[0].idx < hyphen < span[0].idx + len(span[0]) - 1:
            token = span[0]
            at = hyphen - token.idx
            splits.append((token, [token.text[:at], "-", token.text[at + 1:]]))
    return split_tokens(doc, splits)


# v9: a hyphen between two municipalities ("linjen Karlskoga-Örebro", "trafikerar Falun-Borlänge", m-v481) is a token
# of its own, as v7's after "sträckan", so that each place is found. A hyphen still joins a name that is itself known
# ("Malung-Sälen", "Upplands-Bro"), the parts of a city district or a locality that are no municipalities
# ("Hägersten-Liljeholmen", "Spånga-Tensta", "Munka-Ljungby"), two places after a capitalised word, where they
# name a joint body ("Räddningstjänsten Sala-Heby"), and each pair of a plural's list of stretches ("sträckorna
# Göteborg-Malmö, Göteborg-Karlstad och ...", kept whole by convention 55).
_PLACE_PAIR_RE = re.compile(r"(?<![\w-])(?P<first>[A-ZÅÄÖ][a-zåäö]+)(?P<hyphen>-)(?P<second>[A-ZÅÄÖ][a-zåäö]+)(?![\w-])")
_CAPITALISED_WORD_BEFORE_RE = re.compile(r"[A-ZÅÄÖ][\w]*[ \t]+$")
_STRETCH_LIST_BEFORE_RE = re.compile(r"[Ss]träckorna\b[^.!?\n]*$")


def split_place_pair_hyphens(doc: Doc) -> Doc:
    """Split ``Karlskoga-Örebro`` into ``Karlskoga``, ``-``, ``Örebro`` where both are municipalities, in place."""
    # the knowledge base's municipalities and svpol_place_names' lists; imported here, where a candidate is found,
    # since the tokenizer is built before any component
    from .components.place_names import is_place, municipality_names

    municipalities = municipality_names()
    text = doc.text  # once: the text is joined from the tokens on every read
    splits = []
    for m in _PLACE_PAIR_RE.finditer(text):
        if m.group("first") not in municipalities or m.group("second") not in municipalities \
                or is_place(m.group()) or _CAPITALISED_WORD_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()) \
                or _STRETCH_LIST_BEFORE_RE.search(text, max(0, m.start() - 100), m.start()):
            continue
        token = doc.char_span(m.start(), m.end())
        if token is not None and len(token) == 1:
            splits.append((token[0], [m.group("first"), "-", m.group("second")]))
    return split_tokens(doc, splits)


# v8: a party's one-letter abbreviation ends a sentence with its full stop in one token ("lämnade S.", "från L.",
# "med M och L. I en tid"), which no entity can then cover; about a dozen such letters were missed in the real sets.
# The stop is split off where the sentence ends (the text's end, or a capital, dash or quote next) after a lower-case
# word: after a first name or a list's bracket the letter is an initial ("Göran S. Persson", "(M) M. Ekholm").
# (The look-behinds follow the first letter, as in _SPACED_NUMBER.)
_FINAL_LETTER_RE = re.compile(r"[SMCVL](?<![\w.][SMCVL])\.(?=\s*$|\s+[A-ZÅÄÖ–—\-”\"])")
# ... and an amount's abbreviated unit, which keeps its stop as an abbreviation ("underskott på 7,5 milj.
# Skolans", "överskott på 2,1 milj kr. (Det finns"): the stop ends the sentence where a capital, or a bracket
# and a capital, follows, and stays out of the MONEY span ("kr." before a capital is split by every version).
_FINAL_UNIT_RE = re.compile(
    r"[mtk](?<![\w.][mtk])(?:(?<=m)(?:ilj|dr|nkr|kr)|(?<=t)kr|(?<=k)r)\.(?=\s*$|\s+\(?[A-ZÅÄÖ])")  # milj mdr mnkr mkr tkr kr


def split_sentence_final_letters(doc: Doc) -> Doc:
    """Split ``S.`` into ``S`` and ``.`` where a party's letter ends a sentence after a lower-case word, and
    ``milj.`` into ``milj`` and ``.`` where an amount's unit ends one, in place."""
    text = doc.text  # once: the text is joined from the tokens on every read
    splits = []
    for m in _FINAL_LETTER_RE.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1 or span.start == 0:
            continue
        if doc[span.start - 1].is_lower:  # "från L.", "och C."; not a list's ") M. Ekholm" nor "Göran S. Persson"
            splits.append(span[0])
    for m in _FINAL_UNIT_RE.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is not None and len(span) == 1:
            splits.append(span[0])
    return split_tokens(doc, [(token, [token.text[:-1], "."]) for token in splits])


# v10: a party's one-letter abbreviation after a name's comma at a line's or the text's end keeps its full stop in
# one token ("utses Eva Ek, M.\n"), which v8 splits only after a lower-case word; and the closing slash of an
# electronically signed name stays on its last word ("/Eva Ek/"), which v5 splits only before a capital. Round 92's
# real sets lost a person's party and a signer's name to each. An initial before a surname keeps its stop
# ("Ek, M. Berg"): only a line's or the text's end follows the letter here.
_COMMA_LETTER_STOP_RE = re.compile(r"(?<=[^\W\d_], )[SMCVL]\.(?=[ \t]*(?:\n|$))")
# A slash after a word that ends a signature opened by a slash before a capital on the same line
_SIGNATURE_CLOSE_RE = re.compile(r"(?<![^\s(])/[A-ZÅÄÖ][^/\n]{0,60}?[a-zåäö](?P<close>/)(?![^\W\d_])")


def split_comma_letter_stops(doc: Doc) -> Doc:
    """Split ``M.`` into ``M`` and ``.`` where a party's letter after a name's comma ends a line or the text, in
    place."""
    text = doc.text  # once: the text is joined from the tokens on every read
    splits = []
    for m in _COMMA_LETTER_STOP_RE.finditer(text):
        span = doc.char_span(m.start(), m.end())
        if span is not None and len(span) == 1 and span.start >= 2 and doc[span.start - 2].is_title:
            splits.append((span[0], [span.text[:-1], "."]))
    return split_tokens(doc, splits)


def split_signature_slashes(doc: Doc) -> Doc:
    """Split ``Ek/`` into ``Ek`` and ``/`` where the slash closes a signature that a slash opened (``/Eva Ek/``), in
    place."""
    text = doc.text
    splits = []
    for m in _SIGNATURE_CLOSE_RE.finditer(text):
        token = _token_ending_at(doc, m.end("close"))
        if token is not None and len(token) > 1 and token.text.endswith("/") and token.text[:-1].isalpha():
            splits.append((token, [token.text[:-1], "/"]))
    return split_tokens(doc, splits)


def _token_ending_at(doc: Doc, end: int) -> Optional[Token]:
    """The token that ends at character ``end`` of ``doc``, or None."""
    span = doc.char_span(0, end, alignment_mode="contract")
    return span[-1] if span is not None and len(span) and span.end_char == end else None


def _build_inner(nlp: Language) -> Tokenizer:
    """spaCy's default tokenizer for ``nlp``'s language plus the svpol rules."""
    inner = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
    # spaCy caches the tokens of 10,000 whitespace-separated chunks; a thousand paragraphs of political
    # text already hold more distinct chunks, and past the limit every chunk goes through the affix
    # rules again (the svpol rules' look-behinds make that 2-3x slower than the cache). Tokens are the same.
    inner.max_cache_size = _TOKENIZER_CACHE_SIZE
    suffixes = list(nlp.Defaults.suffixes or []) + [_UNIT_SUFFIX]
    inner.suffix_search = compile_suffix_regex(suffixes).search
    for abbr in _EXTRA_ABBREVIATIONS:
        if abbr not in inner.rules:
            inner.add_special_case(abbr, [{"ORTH": abbr}])
    return inner


@registry.tokenizers("svpol.Tokenizer.v1")
def create_tokenizer() -> Callable[[Language], SvpolTokenizer]:
    """Registered tokenizer factory: ``@tokenizers = "svpol.Tokenizer.v1"``."""

    def make_tokenizer(nlp: Language) -> SvpolTokenizer:
        return SvpolTokenizer(_build_inner(nlp))

    return make_tokenizer


def _set_prefixes(inner: Tokenizer, nlp: Language, prefixes: Sequence[str]) -> None:
    """Give ``inner`` the language's prefixes and then the svpol ones (each version lists all of its own)."""
    inner.prefix_search = compile_prefix_regex([*(nlp.Defaults.prefixes or []), *prefixes]).search


def _set_infixes(inner: Tokenizer, nlp: Language, infixes: Sequence[str]) -> None:
    """Give ``inner`` the language's infixes and then the svpol ones (each version lists all of its own)."""
    inner.infix_finditer = compile_infix_regex([*(nlp.Defaults.infixes or []), *infixes]).finditer


# v2: an en dash, em dash or slash between two names is a token of its own (_NAME_RANGE_INFIX).
_V2_INFIXES = (_NAME_RANGE_INFIX,)


@registry.tokenizers("svpol.Tokenizer.v2")
def create_tokenizer_v2() -> Callable[[Language], SvpolTokenizer]:
    """Registered tokenizer factory: ``@tokenizers = "svpol.Tokenizer.v2"`` (v1 plus name ranges)."""

    def make_tokenizer(nlp: Language) -> SvpolTokenizer:
        inner = _build_inner(nlp)
        _set_infixes(inner, nlp, _V2_INFIXES)
        return SvpolTokenizer(inner)

    return make_tokenizer


# v3: a sign in front of a number is a token of its own ("-5,3 mnkr", "+3 mnkr"): the sign stays
# outside a MONEY span (docs/annotation.md, convention 26).
_SIGN_PREFIX = r"[-−+](?=\d)"
_V3_PREFIXES = (_SIGN_PREFIX,)


@registry.tokenizers("svpol.Tokenizer.v3")
def create_tokenizer_v3() -> Callable[[Language], SvpolTokenizer]:
    """Registered tokenizer factory: ``@tokenizers = "svpol.Tokenizer.v3"`` (v2 plus signs before numbers)."""

    def make_tokenizer(nlp: Language) -> SvpolTokenizer:
        tokenizer = create_tokenizer_v2()(nlp)
        _set_prefixes(tokenizer.inner, nlp, _V3_PREFIXES)
        return tokenizer

    return make_tokenizer


# v4: a plus between letters joins party letters ("S+V+MP", "(m+kd)"): each party is a token of its own.
_PLUS_INFIX = r"(?<=[A-Za-zÅÄÖåäö])\+(?=[A-Za-zÅÄÖåäö])"
_V4_INFIXES = (*_V2_INFIXES, _PLUS_INFIX)


@registry.tokenizers("svpol.Tokenizer.v4")
def create_tokenizer_v4() -> Callable[[Language], SvpolTokenizer]:
    """Registered tokenizer factory: ``@tokenizers = "svpol.Tokenizer.v4"`` (v3 plus a plus between letters)."""

    def make_tokenizer(nlp: Language) -> SvpolTokenizer:
        tokenizer = create_tokenizer_v3()(nlp)
        _set_infixes(tokenizer.inner, nlp, _V4_INFIXES)
        return tokenizer

    return make_tokenizer


# v5: a slash that opens a name in an electronically signed protocol ("/Eva Ekholm, ordförande/") is a token of
# its own, so that the name is found whole.
_SLASH_PREFIX = r"/(?=[A-ZÅÄÖ])"
_V5_PREFIXES = (*_V3_PREFIXES, _SLASH_PREFIX)


@registry.tokenizers("svpol.Tokenizer.v5")
def create_tokenizer_v5() -> Callable[[Language], SvpolTokenizer]:
    """Registered tokenizer factory: ``@tokenizers = "svpol.Tokenizer.v5"`` (v4 plus a signature's slash)."""

    def make_tokenizer(nlp: Language) -> SvpolTokenizer:
        tokenizer = create_tokenizer_v4()(nlp)
        _set_prefixes(tokenizer.inner, nlp, _V5_PREFIXES)
        return tokenizer

    return make_tokenizer


# v6: a first name glued to the word before it, as web pages and PDFs join a link's text or a column to the next
# name ("Hoppa till i videospelarenAnna Berg (S)"), is a token of its own, so that the whole name is found. Only
# after a lower-case word of four letters or more and only before a listed first name: brands written with an
# inner capital ("PowerPoint", "VafabMiljö") stay one token. The names are those of first_names.txt when a pipeline
# is built; a saved pipeline keeps its pattern (spaCy serializes the tokenizer's infixes).
def _glued_first_name_infix() -> str:
    from .components.name_list import resource_names  # imported here: the components package is large

    names = "|".join(sorted(map(re.escape, resource_names("first_names.txt")), key=len, reverse=True))
    return rf"(?<=[a-zåäö]{{4}})(?=[A-ZÅÄÖ])(?=(?:{names})(?![a-zåäöéü]))"


@registry.tokenizers("svpol.Tokenizer.v6")
def create_tokenizer_v6() -> Callable[[Language], SvpolTokenizer]:
    """Registered tokenizer factory: ``@tokenizers = "svpol.Tokenizer.v6"`` (v5 plus glued first names)."""

    def make_tokenizer(nlp: Language) -> SvpolTokenizer:
        tokenizer = create_tokenizer_v5()(nlp)
        _set_infixes(tokenizer.inner, nlp, (*_V4_INFIXES, _glued_first_name_infix()))
        return tokenizer

    return make_tokenizer


@registry.tokenizers("svpol.Tokenizer.v7")
def create_tokenizer_v7() -> Callable[[Language], SvpolTokenizer]:
    """Registered tokenizer factory: ``@tokenizers = "svpol.Tokenizer.v7"`` (v6 plus a stretch's hyphen)."""

    def make_tokenizer(nlp: Language) -> SvpolTokenizer:
        tokenizer = create_tokenizer_v6()(nlp)
        tokenizer.split_stretches = True
        return tokenizer

    return make_tokenizer


@registry.tokenizers("svpol.Tokenizer.v8")
def create_tokenizer_v8() -> Callable[[Language], SvpolTokenizer]:
    """Registered tokenizer factory: ``@tokenizers = "svpol.Tokenizer.v8"`` (v7 plus a party letter's final stop)."""

    def make_tokenizer(nlp: Language) -> SvpolTokenizer:
        tokenizer = create_tokenizer_v7()(nlp)
        tokenizer.split_final_letters = True
        return tokenizer

    return make_tokenizer


@registry.tokenizers("svpol.Tokenizer.v9")
def create_tokenizer_v9() -> Callable[[Language], SvpolTokenizer]:
    """Registered tokenizer factory: ``@tokenizers = "svpol.Tokenizer.v9"`` (v8 plus a hyphen between two municipalities)."""

    def make_tokenizer(nlp: Language) -> SvpolTokenizer:
        tokenizer = create_tokenizer_v8()(nlp)
        tokenizer.split_place_pairs = True
        return tokenizer

    return make_tokenizer


@registry.tokenizers("svpol.Tokenizer.v10")
def create_tokenizer_v10() -> Callable[[Language], SvpolTokenizer]:
    """Registered tokenizer factory: ``@tokenizers = "svpol.Tokenizer.v10"`` (v9 plus a list's and a signature's
    ends: ``Eva Ek, M.`` at a line's end, ``/Eva Ek/``)."""

    def make_tokenizer(nlp: Language) -> SvpolTokenizer:
        tokenizer = create_tokenizer_v9()(nlp)
        tokenizer.split_list_ends = True
        return tokenizer

    return make_tokenizer


TOKENIZER = "svpol.Tokenizer.v10"  # the one new pipelines and blank() use


def blank(lang: str = "sv") -> Language:
    """A blank pipeline (``spacy.blank(lang)``) that uses the svpol tokenizer."""
    return spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
