"""svpol.Tokenizer.v1: Swedish defaults plus the rules political text needs."""

import pickle
import subprocess
import sys

import pytest
import spacy


def words(nlp, text):
    return [t.text for t in nlp(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Försvarshögskolan (FHS)och SÄPO", ["Försvarshögskolan", "(", "FHS", ")", "och", "SÄPO"]),
        ("Försvarshögskolan(FHS)", ["Försvarshögskolan", "(", "FHS", ")"]),
        ("Karin Lindqvist (M) yrkar", ["Karin", "Lindqvist", "(", "M", ")", "yrkar"]),
        ("Berglund (M) m.fl. yrkar", ["Berglund", "(", "M", ")", "m.fl.", "yrkar"]),
        ("bl.a. polisen och t.ex. skolan", ["bl.a.", "polisen", "och", "t.ex.", "skolan"]),
        ("kostar 100 kr. per år", ["kostar", "100", "kr.", "per", "år"]),
        # at the end of a sentence the full stop is split off, so MONEY spans leave it out
        ("kostar 100 kr. Sedan", ["kostar", "100", "kr", ".", "Sedan"]),
        ("kostar 1 200 kr.", ["kostar", "1 200", "kr", "."]),
        ("ökat med 450 tkr. Nästa", ["ökat", "med", "450", "tkr", ".", "Nästa"]),
        ("ett underskott på 22,2 mnkr", ["ett", "underskott", "på", "22,2", "mnkr"]),
        ("0,6 mnkr, 3 mdkr och 450 tkr", ["0,6", "mnkr", ",", "3", "mdkr", "och", "450", "tkr"]),
        ("5mnkr och 12MSEK", ["5", "mnkr", "och", "12", "MSEK"]),
        ("Rinkeby-Kista stadsdelsnämnd", ["Rinkeby-Kista", "stadsdelsnämnd"]),
        ("enligt SÄPO:s bedömning", ["enligt", "SÄPO:s", "bedömning"]),
        ("ang. ärendet, enl. förslag", ["ang.", "ärendet", ",", "enl.", "förslag"]),
    ],
)
def test_rules(blank_nlp, text, expected):
    assert words(blank_nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("1 200 kr", ["1 200", "kr"]),
        ("3 500 000 kronor", ["3 500 000", "kronor"]),
        ("1 200,50 kr. per år", ["1 200,50", "kr.", "per", "år"]),
        ("totalt 1 200.", ["totalt", "1 200", "."]),
        ("1\u00a0200 kr", ["1\u00a0200", "kr"]),
        # years and other numbers in a row stay apart
        ("åren 2017 2018 2019", ["åren", "2017", "2018", "2019"]),
        ("punkt 5 1200 och 12 13", ["punkt", "5", "1200", "och", "12", "13"]),
        ("1 2000", ["1", "2000"]),
        ("år 2026 200 personer", ["år", "2026", "200", "personer"]),
        ("1,5 200", ["1,5", "200"]),
        ("x1 200", ["x1", "200"]),
    ],
)
def test_spaced_thousands_are_one_token(blank_nlp, text, expected):
    assert words(blank_nlp, text) == expected


def test_merged_number_is_numeric_and_text_is_preserved(blank_nlp):
    doc = blank_nlp("Nämnden avsätter 1 200 kr per deltagare.")
    token = doc[2]
    assert (token.text, token.norm_, token.like_num) == ("1 200", "1200", True)
    assert doc.text == "Nämnden avsätter 1 200 kr per deltagare."


def test_registered_in_config_and_survives_disk_and_pickle(tmp_path, blank_nlp):
    assert blank_nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "svpol.Tokenizer.v10"
    blank_nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert words(loaded, "(FHS)och 1 200 kr") == ["(", "FHS", ")", "och", "1 200", "kr"]
    assert words(loaded, "Malmö–Lund") == ["Malmö", "–", "Lund"]
    assert words(loaded, "sträckan Ekby-Norrby") == ["sträckan", "Ekby", "-", "Norrby"]
    copied = pickle.loads(pickle.dumps(blank_nlp))
    assert words(copied, "1 200 kr") == ["1 200", "kr"]
    assert words(copied, "sträckan Ekby-Norrby") == ["sträckan", "Ekby", "-", "Norrby"]
    assert words(loaded, "från L.") == words(copied, "från L.") == ["från", "L", "."]
    assert blank_nlp.tokenizer.from_bytes(blank_nlp.tokenizer.to_bytes()) is blank_nlp.tokenizer


def test_spacy_load_finds_tokenizer_without_importing_svpol(tmp_path, blank_nlp):
    """The spacy_tokenizers entry point lets a fresh process load the pipeline."""
    blank_nlp.to_disk(tmp_path / "p")
    code = "import spacy, sys; nlp = spacy.load(sys.argv[1]); print('|'.join(t.text for t in nlp('1 200 kr')))"
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "p")], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1 200|kr"


def test_v2_splits_name_ranges_and_v1_is_unchanged(blank_nlp):
    assert words(blank_nlp, "sträckan Malmö–Staffanstorp–Dalby och Göteborg/Borås") == [
        "sträckan", "Malmö", "–", "Staffanstorp", "–", "Dalby", "och", "Göteborg", "/", "Borås"]
    # A hyphen joins a district name; year ranges and document numbers stay whole.
    assert words(blank_nlp, "Rinkeby-Kista 1990–2000 2017/18:12") == ["Rinkeby-Kista", "1990–2000", "2017/18:12"]
    v1 = spacy.blank("sv", config={"nlp": {"tokenizer": {"@tokenizers": "svpol.Tokenizer.v1"}}})
    assert words(v1, "Malmö–Lund") == ["Malmö–Lund"]


def test_v3_splits_a_sign_from_its_number_and_v2_is_unchanged(blank_nlp):
    assert words(blank_nlp, "resultatet -5,3 mnkr, prognosen +3 mnkr och −0,6 mnkr") == [
        "resultatet", "-", "5,3", "mnkr", ",", "prognosen", "+", "3", "mnkr", "och", "−", "0,6", "mnkr"]
    # Dates, ranges and codes with a hyphen inside stay whole.
    assert words(blank_nlp, "2019-08-31 kl 13.00-16.00 x-5") == ["2019-08-31", "kl", "13.00-16.00", "x-5"]
    v2 = spacy.blank("sv", config={"nlp": {"tokenizer": {"@tokenizers": "svpol.Tokenizer.v2"}}})
    assert words(v2, "blev -5,3 mnkr") == ["blev", "-5,3", "mnkr"]


def test_v4_splits_a_plus_between_letters_and_v3_is_unchanged(blank_nlp):
    assert words(blank_nlp, "Majoriteten S+V+MP och (m+kd), men C++ och 5+3") == [
        "Majoriteten", "S", "+", "V", "+", "MP", "och", "(", "m", "+", "kd", ")", ",", "men", "C++", "och", "5+3"]
    v3 = spacy.blank("sv", config={"nlp": {"tokenizer": {"@tokenizers": "svpol.Tokenizer.v3"}}})
    assert words(v3, "S+V+MP") == ["S+V+MP"]


def test_v5_splits_a_signatures_slash_before_a_name_and_v4_is_unchanged(blank_nlp):
    assert words(blank_nlp, "Underskrifter /Eva Ek, ordförande/ och/eller Lund/Malmö, 2019/20") == [
        "Underskrifter", "/", "Eva", "Ek", ",", "ordförande", "/", "och", "/", "eller", "Lund", "/", "Malmö", ",",
        "2019/20"]
    v4 = spacy.blank("sv", config={"nlp": {"tokenizer": {"@tokenizers": "svpol.Tokenizer.v4"}}})
    assert words(v4, "/Eva Ek") == ["/Eva", "Ek"]


def test_v6_splits_a_first_name_glued_to_the_word_before_it_and_v5_is_unchanged(blank_nlp):
    assert words(blank_nlp, "Hoppa till i videospelarenAnna Berg (S)") == [
        "Hoppa", "till", "i", "videospelaren", "Anna", "Berg", "(", "S", ")"]
    # not a brand with an inner capital, a short word before a name, or a name glued to a name
    assert words(blank_nlp, "PowerPoint, EkbyMiljö, iPer och AnnaKarin") == [
        "PowerPoint", ",", "EkbyMiljö", ",", "iPer", "och", "AnnaKarin"]
    v5 = spacy.blank("sv", config={"nlp": {"tokenizer": {"@tokenizers": "svpol.Tokenizer.v5"}}})
    assert words(v5, "videospelarenAnna Berg") == ["videospelarenAnna", "Berg"]


def test_v7_splits_the_hyphen_of_a_stretch_and_v6_is_unchanged(blank_nlp):
    assert words(blank_nlp, "På sträckan Södra Ekby-Norrby och sträckorna Ekby-Borby.") == [
        "På", "sträckan", "Södra", "Ekby", "-", "Norrby", "och", "sträckorna", "Ekby-Borby", "."]
    # elsewhere a hyphen joins one name
    assert words(blank_nlp, "mellan Malung-Sälen och Rinkeby-Kista") == ["mellan", "Malung-Sälen", "och", "Rinkeby-Kista"]
    v6 = spacy.blank("sv", config={"nlp": {"tokenizer": {"@tokenizers": "svpol.Tokenizer.v6"}}})
    assert words(v6, "sträckan Ekby-Norrby") == ["sträckan", "Ekby-Norrby"]


def test_v9_splits_the_hyphen_between_two_known_places_and_v8_is_unchanged(blank_nlp):
    assert words(blank_nlp, "Bussen trafikerar Karlskoga-Örebro och Falun-Borlänge.") == [
        "Bussen", "trafikerar", "Karlskoga", "-", "Örebro", "och", "Falun", "-", "Borlänge", "."]
    # a known hyphenated name, a pair with an unknown part and a chain stay one token
    assert words(blank_nlp, "Malung-Sälen, Munka-Ljungby, Ekby-Örebro, Spånga-Tensta, Swe-bus, Anna-Karin") == [
        "Malung-Sälen", ",", "Munka-Ljungby", ",", "Ekby-Örebro", ",", "Spånga-Tensta", ",", "Swe-bus", ",", "Anna-Karin"]
    # a joint body's two places, a plural's list of stretches (convention 55)
    assert words(blank_nlp, "Räddningstjänsten Sala-Heby och sträckorna Falun-Borlänge, Karlskoga-Örebro") == [
        "Räddningstjänsten", "Sala-Heby", "och", "sträckorna", "Falun-Borlänge", ",", "Karlskoga-Örebro"]
    v8 = spacy.blank("sv", config={"nlp": {"tokenizer": {"@tokenizers": "svpol.Tokenizer.v8"}}})
    assert words(v8, "linjen Karlskoga-Örebro") == ["linjen", "Karlskoga-Örebro"]


def test_v10_splits_a_list_letters_stop_and_a_signatures_closing_slash_and_v9_is_unchanged(blank_nlp):
    # a party's letter after a name's comma at a line's or the text's end
    assert words(blank_nlp, "Utses Eva Ek, M.\nErsättare Per Al, S.") == [
        "Utses", "Eva", "Ek", ",", "M", ".", "\n", "Ersättare", "Per", "Al", ",", "S", "."]
    # an initial before a surname, and a stop inside a line, keep the letter's stop
    assert words(blank_nlp, "Enligt Ek, M. Berg och Al, S. Sedan") == [
        "Enligt", "Ek", ",", "M.", "Berg", "och", "Al", ",", "S.", "Sedan"]
    # the slash that closes a signature opened by one; a path, a date and an either-or keep theirs
    assert words(blank_nlp, "Ordförande /Eva Ek/ Justerare /Per Holm/\nsida 2019/20, och/eller") == [
        "Ordförande", "/", "Eva", "Ek", "/", "Justerare", "/", "Per", "Holm", "/", "\n", "sida", "2019/20", ",",
        "och", "/", "eller"]
    v9 = spacy.blank("sv", config={"nlp": {"tokenizer": {"@tokenizers": "svpol.Tokenizer.v9"}}})
    assert words(v9, "Utses Eva Ek, M.\n/Per Holm/") == ["Utses", "Eva", "Ek", ",", "M.", "\n", "/", "Per", "Holm/"]
    for text in ("Utses Eva Ek, M.\n/Per Holm/", "Ek, S."):
        assert blank_nlp(text).text == text


@pytest.mark.parametrize(
    "text,expected",
    [
        # a party's letter ending a sentence after a lower-case word loses its stop
        ("Inget svar kom från L.", ["Inget", "svar", "kom", "från", "L", "."]),
        ("med S, MP och C. Därmed", ["med", "S", ",", "MP", "och", "C", ".", "Därmed"]),
        ("reserverar sig M.\n\n– Nej", ["reserverar", "sig", "M", ".", "\n\n", "–", "Nej"]),
        # an initial keeps it: after a first name, after a list's bracket, inside a sentence
        ("Göran S. Persson talade", ["Göran", "S.", "Persson", "talade"]),
        ("(M) M. Ekholm (M)", ["(", "M", ")", "M.", "Ekholm", "(", "M", ")"]),
        ("enligt S. och M.", ["enligt", "S.", "och", "M", "."]),
        # an amount's abbreviated unit that ends a sentence loses its stop too, not inside one
        ("ett underskott på 7,5 milj. Skolans", ["ett", "underskott", "på", "7,5", "milj", ".", "Skolans"]),
        ("på 2,1 milj kr. (Det finns", ["på", "2,1", "milj", "kr", ".", "(", "Det", "finns"]),
        ("kostar 10 milj. kr per år", ["kostar", "10", "milj.", "kr", "per", "år"]),
    ],
)
def test_a_party_letters_sentence_final_stop_is_a_token(blank_nlp, text, expected):
    assert words(blank_nlp, text) == expected
