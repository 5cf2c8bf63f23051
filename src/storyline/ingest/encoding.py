"""Bytes -> text by detection, never by assumption.

Order of evidence: a byte-order mark; the NUL pattern of BOM-less UTF-16/32; strict UTF-8; UTF-8 with a
few stray bytes (a cp1252 quote pasted into a UTF-8 file: keep the file UTF-8, mend only those bytes);
Western cp1252/latin-1 (the usual legacy encoding of English and European news pages); and last
charset-normalizer for the rest (Cyrillic, Greek, CJK legacy encodings). Binary files are refused
with a reason a person can act on. Newlines come out as ``\\n``.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from typing import Any

from storyline.errors import RejectedInput

__all__ = ["binary_kind", "decode_bytes", "looks_binary", "printable_path", "repaired_text", "without_surrogates"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# File signatures of what people drop into an article folder by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media (WebP/WAV/AVI)"),
    (b"PK\x03\x04", "ZIP archive or Office document (DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document (DOC/XLS)"),
    (b"{\\rtf", "RTF document"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"ID3", "MP3 audio"),
    (b"OggS", "Ogg media"),
    (b"\x00\x00\x00\x18ftyp", "MP4 video"),
    (b"\x00\x00\x00\x20ftyp", "MP4 video"),
)

_SAMPLE = 64 * 1024  # enough bytes to judge a file's nature without scanning a large one twice
# Control bytes other than \t \n \f \r and ESC: text has next to none; binary formats are full of them.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_CONTROL_RATIO = 0.05  # 5 %: far above any text seen in the corpora, far below random binary (~12 %)
_NEWLINES = re.compile(r"\r\n?|\x85")

# cp1252 characters that appear in Western news text: letters of Latin-1 and cp1252, typographic quotes,
# dashes, ellipsis, bullets, currency and a few signs.
_WESTERN_SIGNS = set("\u00a0‘’‚“”„–—…•€£¥¢©®™°§¶·«»‹›†‡‰¿¡ºª±×÷½¼¾²³¹µ´¨¸ˆ˜¦¬¯")
_IN_WORD_OK = set("’‘")  # an apostrophe inside a word ("don’t") is normal; "Zˇ" or "a³b" is not
_UTF8_FALLBACK = "storyline-utf8-stray-bytes"


def _mend_stray_bytes(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 inside a UTF-8 file is almost always a cp1252
    character pasted in (a smart quote, an é): keep its cp1252 reading, else U+FFFD."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    bad = err.object[err.start:err.end]
    out = []
    for b in bad:
        try:
            ch = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            ch = "\ufffd"
        out.append(ch if b >= 0x80 else "\ufffd")
    return "".join(out), err.end


codecs.register_error(_UTF8_FALLBACK, _mend_stray_bytes)


def decode_bytes(data: bytes, source: str = "") -> str:
    """Decode ``data`` to text by detection; newlines normalized to ``\\n``.

    Raises RejectedInput for binary files and for bytes in no detectable text encoding. ``source``
    (the input's path or name) only sharpens the message: its extension names an unsigned format.
    """
    if not data:
        return ""
    text = _decode(data, source)
    if text.startswith("\ufeff"):
        text = text[1:]
    return _NEWLINES.sub("\n", text)


def looks_binary(data: bytes) -> bool:
    """True when ``data`` is not text in any encoding: a known file signature, NUL bytes outside the
    UTF-16/32 pattern, or many control bytes."""
    return binary_kind(data) is not None


def binary_kind(data: bytes) -> str | None:
    """What binary format ``data`` looks like ("PDF", "PNG image", "binary data"), or None for text."""
    for bom, _ in _BOMS:
        if data.startswith(bom):
            return None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            # "MZ"/"ID3"/"BZh" are also plausible first letters of a text file: demand binary bytes too.
            if len(magic) < 4 and not _has_binary_bytes(data[:_SAMPLE]):
                continue
            return kind
    if _wide_encoding(data) is not None:
        return None
    return "binary data" if _has_binary_bytes(data[:_SAMPLE]) else None


def _has_binary_bytes(sample: bytes) -> bool:
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    return controls / len(sample) > _CONTROL_RATIO


def _decode(data: bytes, source: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    kind = binary_kind(data)
    if kind is not None:
        raise RejectedInput(_binary_reason(kind, source))
    wide = _wide_encoding(data)
    if wide is not None:
        return data.decode(wide, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return data.decode("utf-8", errors=_UTF8_FALLBACK)
    western = data.decode("cp1252", errors="replace")
    if _plausible_western(western):
        return western
    return _decode_by_detection(data)


def _binary_reason(kind: str, source: str) -> str:
    # An unsigned blob named "report.pdf" or "notes.docx" is better described by its name.
    ext = source.rsplit(".", 1)[-1].lower() if "." in source[-6:] else ""
    if kind == "binary data" and ext.isalnum() and ext not in {"txt", "md", "html", "htm", "json", "xml"}:
        kind = f"binary data, a .{ext} file"
    return (f"looks like a binary file ({kind}), not text: convert it to text or HTML first "
            "(e.g. save the article page as HTML, or copy its text into a .txt file)")


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16/32 without a BOM, recognized by where the NUL bytes fall: in Latin-script text every
    other byte (UTF-16) or three bytes in four (UTF-32) are NUL, always at the same offsets."""
    sample = data[: 4096 - 4096 % 4]
    n = len(sample)
    if n < 8 or b"\x00" not in sample:
        return None
    lanes4 = [sample[i::4].count(0) / len(sample[i::4]) for i in range(4)]
    if min(lanes4[1:]) > 0.9 and lanes4[0] < 0.1 and n % 4 == 0:
        return "utf-32-le"
    if min(lanes4[:3]) > 0.9 and lanes4[3] < 0.1 and n % 4 == 0:
        return "utf-32-be"
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    # 0.4: text with half its characters outside Latin-1 (quotes, accents) still passes; 0.02: a
    # stray NUL or two in real UTF-16 text is tolerated, but binary has NULs in both lanes.
    encoding = None
    if odd > 0.4 and even < 0.02:
        encoding = "utf-16-le"
    elif even > 0.4 and odd < 0.02:
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        data[: len(data) - len(data) % 2].decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding


def _mostly_utf8(data: bytes) -> bool:
    """Valid multi-byte UTF-8 sequences outnumber the invalid bytes: the file is UTF-8 with a few
    stray bytes, not a legacy file (in cp1252 text a valid UTF-8 pair like "Ã©" is rare)."""
    valid = len(re.findall(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}", data))
    invalid = data.decode("utf-8", errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    # 3x: one sentence pasted from a cp1252 editor into an otherwise UTF-8 page keeps the page UTF-8.
    return valid > 0 and invalid * 3 <= valid + 3 and invalid <= max(10, len(data) // 200)


def _plausible_western(text: str) -> bool:
    """cp1252 reading of the bytes is Western text: its non-ASCII characters are Latin letters and
    typographic signs, they are a minority of the letters (all-high-byte text is Cyrillic, Greek...),
    and no sign sits inside a word (cp1250 Polish read as cp1252 gives "w³aœnie")."""
    if "\ufffd" in text:
        return False
    letters = high_letters = 0
    for i, ch in enumerate(text):
        if ch.isascii():
            letters += ch.isalpha()
            continue
        if ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"):
            letters += 1
            high_letters += 1
            continue
        if ch not in _WESTERN_SIGNS:
            return False
        if ch not in _IN_WORD_OK and 0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
            return False
    # 0.3: French and German run 3-8 % accented letters; Cyrillic read as cp1252 runs near 100 %.
    return letters == 0 or high_letters / letters < 0.3


def _decode_by_detection(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise RejectedInput("its bytes are in no text encoding storyline can detect: re-save the file as "
                            "UTF-8 text (most editors offer it under 'Save as... / Encoding')")
    return data.decode(best.encoding, errors="replace")


# Half of a surrogate pair. JSON can spell one ("\\ud800") and Python's json reads it; a file name in no
# UTF-8 ("caf\\xe9.txt" in Latin-1) comes back from the file system as one. No UTF-8 text can hold it:
# the store, spaCy and every writer would fail on it.
_SURROGATE = re.compile("[\ud800-\udfff]")


# The lead characters of UTF-8 read as Latin-1 or cp1252 ("Ã¡" for "á", "â€™" for "’", "Ã\x83Â§" twice over)
# and of Cyrillic or Arabic read so ("Ð", "Ø"), and C1 controls: a text without any has no mojibake to mend,
# and skips ftfy's slower reading.
_MOJIBAKE_HINT = re.compile(r"[\u00c2\u00c3\u00e2\u00d0\u00d1\u00d8\u00d9\u0080-\u009f]")


def repaired_text(text: str) -> str:
    """Text in Unicode's composed form (NFC: "José" the same whether its accent was typed apart or not), with
    mojibake mended: "GuantÃ¡namo" -> "Guantánamo", "FranÃƒÂ§ois" -> "François". Copies carry it when a
    page or feed was decoded with the wrong encoding before it reached us, so bytes decoded right still
    hold it. ftfy finds and undoes it, only where the repair reads better; nothing else of ftfy's is applied
    (quotes stay curly, widths and ligatures as written, HTML entities as they are)."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy

    return ftfy.fix_text(text, unescape_html=False, remove_terminal_escapes=False, fix_encoding=True,
                         restore_byte_a0=True, replace_lossy_sequences=True, decode_inconsistent_utf8=True,
                         fix_c1_controls=True, fix_latin_ligatures=False, fix_character_width=False,
                         uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False,
                         remove_control_chars=False, normalization="NFC")


def without_surrogates(value: Any) -> Any:
    """``value`` (a string, or a list or dict from JSON, at any depth) with each lone surrogate read as
    U+FFFD, the replacement character, as a UTF-8 decoder reads a broken byte: the rest is kept."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value
    if isinstance(value, list):
        return [without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {without_surrogates(k): without_surrogates(v) for k, v in value.items()}
    return value


def printable_path(path: str | os.PathLike[str]) -> str:
    """A path as text that can be stored and shown: a name whose bytes are not UTF-8 keeps them as
    ``\\xe9`` escapes (distinct names stay distinct), where ``str(path)`` would carry surrogates."""
    text = os.fspath(path)
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
