"""svpol.text: normalization, the offset map back to the raw text, paragraphs, chunks."""

import pytest

from svpol.text import chunks, normalize, paragraphs


def raw_of(raw: str, clean: str, offset_map, word: str, nth: int = 0) -> str:
    """The raw substring that the nth occurrence of ``word`` in the clean text maps to."""
    start = -1
    for _ in range(nth + 1):
        start = clean.index(word, start + 1)
    s, e = offset_map.to_raw(start, start + len(word))
    return raw[s:e]


def test_hyphen_join_across_blank_line_maps_to_whole_raw_range():
    raw = "Beslut i kommun-\n\nfullmäktiges möte."
    clean, m = normalize(raw)
    assert clean == "Beslut i kommunfullmäktiges möte."
    assert raw_of(raw, clean, m, "kommunfullmäktiges") == "kommun-\n\nfullmäktiges"
    assert raw_of(raw, clean, m, "möte") == "möte"


def test_hyphen_kept_before_capital_and_with_conjunction():
    raw = "Rinkeby-\nKista stadsdelsnämnd driver vård-\noch omsorgsboende."
    clean, m = normalize(raw)
    assert clean == "Rinkeby-Kista stadsdelsnämnd driver vård- och omsorgsboende."
    assert raw_of(raw, clean, m, "Rinkeby-Kista stadsdelsnämnd") == "Rinkeby-\nKista stadsdelsnämnd"
    assert raw_of(raw, clean, m, "vård- och") == "vård-\noch"


def test_dash_after_space_or_digit_is_not_joined():
    raw = "Planen gäller 2026-\n2028 och\nsedan -\nslut."
    clean, _ = normalize(raw)
    assert clean == "Planen gäller 2026- 2028 och sedan - slut."


def test_unwrapping_keeps_paragraphs_and_list_items():
    raw = "Första raden\r\nfortsätter här.\r\n\r\n\r\n\uf0b7 punkt ett\n\uf0b7 punkt\u00a0två\n1. Att besluta\nenligt förslaget.  \n"
    clean, m = normalize(raw)
    assert clean == "Första raden fortsätter här.\n\n• punkt ett\n• punkt två\n1. Att besluta enligt förslaget."
    assert raw_of(raw, clean, m, "raden fortsätter") == "raden\r\nfortsätter"
    assert raw_of(raw, clean, m, "•", nth=1) == "\uf0b7"
    assert raw_of(raw, clean, m, "punkt två") == "punkt\u00a0två"


def test_edges_controls_and_form_feed():
    raw = "\ufeff  \n Sida ett\u200b.\x0cSida  \t två\x00.\n\n  "
    clean, m = normalize(raw)
    assert clean == "Sida ett.\n\nSida två."
    assert raw_of(raw, clean, m, "ett.") == "ett\u200b."
    assert raw_of(raw, clean, m, "Sida två") == "Sida  \t två"


@pytest.mark.parametrize("raw", ["", "   \n\n  ", "\ufeff"])
def test_empty_and_blank_texts(raw):
    clean, m = normalize(raw)
    assert clean == "" and len(m) == 0
    assert m.to_raw(0, 0)[0] == m.to_raw(0, 0)[1]


def test_every_clean_character_maps_inside_raw_and_in_order():
    raw = "A-\nb  c\n\n\nd-\nE f\u00ad\ng \uf0a7 h\r\n"
    clean, m = normalize(raw)
    last = 0
    for i in range(len(clean)):
        s, e = m.to_raw(i, i + 1)
        assert last <= s < e <= len(raw)
        last = s
        if not clean[i].isspace() and clean[i] not in "•":
            assert raw[s:e] == clean[i]
    # the soft hyphen at a line end joins "f" and "g"
    assert "fg" in clean


def test_to_raw_rejects_spans_outside_the_text():
    _, m = normalize("abc")
    with pytest.raises(ValueError):
        m.to_raw(2, 4)
    with pytest.raises(ValueError):
        m.to_raw(2, 1)


def test_paragraphs():
    text = "Ett stycke\nmed lista.\n\nAndra stycket.\n\n\nTredje."
    spans = paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["Ett stycke\nmed lista.", "Andra stycket.", "Tredje."]
    assert paragraphs("") == []


def test_chunks_prefer_paragraph_boundaries_and_respect_the_limit():
    text = "\n\n".join(["ord " * 10 + "slut."] * 5)
    spans = chunks(text, 120)
    assert all(e - s <= 120 for s, e in spans)
    assert all(text[s:e].endswith("slut.") for s, e in spans)
    assert len(spans) == 3
    # in order, nothing but whitespace left out between chunks
    assert " ".join(text[s:e] for s, e in spans).split() == text.split()
    assert all(not text[e1:s2].strip() for (_, e1), (s2, _) in zip(spans, spans[1:]))


def test_chunks_split_long_words_and_reject_bad_limit():
    assert chunks("a" * 25, 10) == [(0, 10), (10, 20), (20, 25)]
    assert chunks("", 10) == []
    with pytest.raises(ValueError):
        chunks("abc", 0)


def test_short_heading_line_keeps_its_break_but_wrapped_prose_is_unwrapped():
    raw = (
        "Beslut\n"
        "Norrviks stadsdelsnämnd beslutar att godkänna planen och att avsätta\n"
        "medel ur budgeten för arbetet mot våldsbejakande extremism under året.\n"
        "Kort sista rad."
    )
    clean, _ = normalize(raw)
    assert clean == (
        "Beslut\nNorrviks stadsdelsnämnd beslutar att godkänna planen och att avsätta "
        "medel ur budgeten för arbetet mot våldsbejakande extremism under året. Kort sista rad."
    )
