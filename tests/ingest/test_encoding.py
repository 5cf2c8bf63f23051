"""Bytes -> text: encodings are detected, binary files refused with a reason to act on."""

from __future__ import annotations

import codecs

import pytest

from storyline.errors import RejectedInput
from storyline.ingest.encoding import decode_bytes, looks_binary, repaired_text

# A news sentence with the characters legacy encodings mangle: curly quotes, an em dash, accents.
SENTENCE = "Mr. Moon said the talks were \u201cfrank\u201d \u2014 a word Pyongyang\u2019s envoy used in Panmunjom, caf\u00e9 and all."


def test_utf8_is_decoded_as_is() -> None:
    assert decode_bytes(SENTENCE.encode("utf-8")) == SENTENCE


def test_cp1252_smart_quotes_are_recovered() -> None:
    data = SENTENCE.encode("cp1252")
    assert b"\x93" in data and b"\x94" in data
    assert decode_bytes(data) == SENTENCE


def test_latin1_accents_are_recovered() -> None:
    text = "Déjà vu à Zürich: l'été où la conférence a échoué."
    assert decode_bytes(text.encode("latin-1")) == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_bom_selects_the_encoding(encoding: str) -> None:
    data = SENTENCE.encode(encoding)
    assert data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF8))
    assert decode_bytes(data) == SENTENCE


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognized(encoding: str) -> None:
    data = (SENTENCE + "\n") * 3
    assert decode_bytes(data.encode(encoding)) == data
    assert not looks_binary(data.encode(encoding))


def test_utf8_with_one_stray_byte_stays_utf8() -> None:
    # A UTF-8 article with one byte pasted from a cp1252 editor: the rest must not turn into mojibake.
    data = "Kim Jong-un’s envoy — and Moon Jae-in — met in Panmunjom. ".encode() * 3 + b"It\x92s over \x81 now."
    text = decode_bytes(data)
    assert text.startswith("Kim Jong-un’s envoy — and Moon Jae-in — met in Panmunjom.")
    assert text.count("Jong-un’s envoy —") == 3
    assert text.endswith("It’s over \ufffd now.")


def test_cyrillic_legacy_encoding_is_detected() -> None:
    text = "Президент Трамп встретился с Ким Чен Ыном в Сингапуре, сообщили в Белом доме."
    assert decode_bytes(text.encode("cp1251")) == text


def test_newlines_are_normalized() -> None:
    assert decode_bytes(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG"),
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00word/document.xml", "ZIP"),
    (bytes(range(256)) * 8, "binary"),
])
def test_binary_files_are_rejected_with_a_reason(data: bytes, kind: str) -> None:
    assert looks_binary(data)
    with pytest.raises(RejectedInput) as err:
        decode_bytes(data, "upload.bin")
    reason = str(err.value)
    assert "binary" in reason and kind in reason
    assert "convert it to text or HTML" in reason


def test_text_with_nul_bytes_is_binary() -> None:
    assert looks_binary(b"The summit ended.\x00\x00\x00\x07\x00Kim left.")


def test_text_is_not_binary() -> None:
    assert not looks_binary(SENTENCE.encode("utf-8"))
    assert not looks_binary(SENTENCE.encode("cp1252"))
    assert not looks_binary(b"MZ is how this line starts, and it is still plain text.")


def test_empty_bytes_decode_to_empty_text() -> None:
    assert decode_bytes(b"") == ""


def test_sample_corpus_round_trips(sample_files: list) -> None:
    for path in sample_files:
        data = path.read_bytes()
        assert decode_bytes(data) == data.decode("utf-8").replace("\r\n", "\n").lstrip("\ufeff")


@pytest.mark.parametrize(("text", "expected"), [
    # UTF-8 read as Latin-1 or cp1252 before the copy reached us, once or twice over, as PolNeAR's copies
    # of the New York Times and Washington Post have it
    ("prisoners held at Guant\u00c3\u00a1namo Bay", "prisoners held at Guant\u00e1namo Bay"),
    ("President Fran\u00c3\u0083\u00c2\u00a7ois Hollande", "President Fran\u00e7ois Hollande"),
    # decomposed accents are composed ("Jose\u0301" is "Jos\u00e9")
    ("Jose\u0301 Andre\u0301s", "Jos\u00e9 Andr\u00e9s"),
    # right text stays as written: curly quotes, accents, other scripts
    (SENTENCE, SENTENCE),
    ("S\u00e3o Paulo, \u00c2ngela, Ch\u00e2teau, \u041c\u043e\u0441\u043a\u0432\u0430, \u5317\u4eac",
     "S\u00e3o Paulo, \u00c2ngela, Ch\u00e2teau, \u041c\u043e\u0441\u043a\u0432\u0430, \u5317\u4eac"),
])
def test_mojibake_is_mended_and_right_text_kept(text: str, expected: str) -> None:
    assert repaired_text(text) == expected
