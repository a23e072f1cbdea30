"""Bytes to text: encoding detection that gets Russian news right.

Order of evidence: a byte-order mark, UTF-16 told by where its NUL bytes fall, strict UTF-8, the
charset an HTML page declares, then a Cyrillic code-page scorer, then charset-normalizer. Stray
NUL bytes in otherwise good text are dropped. The scorer exists because charset-normalizer
misreads short KOI8-R text (a 36-byte KOI8-R sentence came back as Shift-JIS here) and cannot
always tell cp1251 from mac-cyrillic or cp866; Russian letter frequencies settle it cheaply.
"""

from __future__ import annotations

import codecs
import math
import re
import unicodedata

from charset_normalizer import from_bytes

from nutgraf.errors import BinaryInput, EmptyInput, EncodingError

__all__ = ["decode_bytes", "sniff_binary"]

CYRILLIC_CODEPAGES = ("cp1251", "koi8_r", "mac_cyrillic", "cp866", "iso8859_5")

MIN_CYRILLIC_SHARE = 0.3
"""A code page is only considered when it turns at least this share of the letters Cyrillic;
Latin-1 German or French decoded as cp1251 gives a few stray Cyrillic letters, far below this."""

MAX_CONTROL_SHARE = 0.02
"""Decoded text with more control characters than this is binary junk, not text."""

MAX_STRAY_NUL_SHARE = 0.02
"""NUL bytes up to this share of a text (a bad copy, a crashed editor) are dropped as noise; more
mean binary data. A trailing run of NULs (a file padded after a crash) is dropped whatever its length."""

MIN_UTF16_NUL_SHARE = 0.05
"""UTF-16 without a byte-order mark is recognised by NULs in the high byte of every ASCII character
(space, digits, punctuation, Latin letters): at least this share of the high bytes, while the low
bytes hold almost none. Russian text has a space every seven characters or so; Latin text far more."""

MAX_UTF16_LOW_NUL_SHARE = 0.01
"""NULs allowed in the low bytes of UTF-16 text (U+0100, U+0400, U+2000 are rare characters)."""

MIN_UTF16_ALPHABETIC_SHARE = 0.95
"""Share of characters (besides white space) that must fall in alphabetic scripts (Latin, Greek,
Cyrillic, Armenian, Hebrew, Arabic) or general punctuation for a BOM-less UTF-16 guess to stand;
two ASCII bytes paired up by mistake make CJK characters and fail it."""

UTF16_SAMPLE_BYTES = 8192

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"RIFF", "audio or video data"),
    (b"\x00\x00\x00", "binary data"),
    (b"SQLite format 3", "an SQLite database"),
)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)

# Relative frequencies (per mille) of Russian letters in news text; used as a unigram language model.
_RU_FREQ = {
    "о": 110,
    "е": 85,
    "а": 80,
    "и": 74,
    "н": 67,
    "т": 63,
    "с": 55,
    "р": 47,
    "в": 45,
    "л": 44,
    "к": 35,
    "м": 32,
    "д": 30,
    "п": 28,
    "у": 26,
    "я": 20,
    "ы": 19,
    "ь": 17,
    "г": 17,
    "з": 16,
    "б": 16,
    "ч": 14,
    "й": 12,
    "х": 10,
    "ж": 9,
    "ш": 7,
    "ю": 6,
    "ц": 5,
    "щ": 4,
    "э": 3,
    "ф": 3,
    "ъ": 1,
    "ё": 1,
}
_RU_LOGP = {letter: math.log(freq / 1000) for letter, freq in _RU_FREQ.items()}
_UNLIKELY_LOGP = math.log(0.0005)
_RUSSIAN_TYPOGRAPHY = frozenset("«»—–…№„“”’‘•·°€₽\u00a0")
_TYPOGRAPHY_LOGP = math.log(0.01)
"""Typographic marks are normal in Russian text but rarer than any letter; costing them keeps a
code page from winning by turning letters into punctuation (cp1251 'я' is mac-cyrillic '€')."""


def sniff_binary(data: bytes) -> str | None:
    """A description of the binary format ``data`` starts with, or None if it may be text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None
    for magic, description in _MAGIC:
        if data.startswith(magic):
            return description
    head = data[:4096]
    if b"\x00" in head and _utf16_codec(data) is None and _without_stray_nuls(data) is None:
        return "binary data (NUL bytes)"
    return None


def _utf16_codec(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when BOM-less bytes read as UTF-16 text, else None.

    The evidence is where the NULs fall (the high byte of each ASCII character, so every other
    byte), checked by decoding a sample into text of alphabetic scripts without control characters."""
    sample = data[:UTF16_SAMPLE_BYTES]
    if len(sample) % 2:
        sample = sample[:-1]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    units = len(sample) // 2
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high >= MIN_UTF16_NUL_SHARE * units and low <= MAX_UTF16_LOW_NUL_SHARE * units:
            text = codecs.getincrementaldecoder(codec)(errors="replace").decode(sample)
            return codec if _reads_as_alphabetic_text(text) else None
    return None


def _alphabetic(ch: str) -> bool:
    code = ord(ch)
    return code < 0x0700 or 0x1E00 <= code < 0x2150


def _reads_as_alphabetic_text(text: str) -> bool:
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return True
    strange = sum(1 for ch in visible if unicodedata.category(ch)[0] == "C" or ch == "\ufffd")
    if strange > MAX_CONTROL_SHARE * len(visible):
        return False
    return sum(1 for ch in visible if _alphabetic(ch)) >= MIN_UTF16_ALPHABETIC_SHARE * len(visible)


def _without_stray_nuls(data: bytes) -> bytes | None:
    """``data`` less its NUL bytes when they are few enough to be noise (or trailing padding);
    None when there are so many that the bytes are binary."""
    body = data.rstrip(b"\x00")
    nuls = body.count(0)
    if nuls > MAX_STRAY_NUL_SHARE * len(body):
        return None
    return body.replace(b"\x00", b"") if nuls else body


def _control_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    return controls / len(sample)


def _russian_score(text: str) -> float | None:
    """Total log-probability of the non-ASCII characters under Russian letter frequencies.

    Single-byte code pages decode the same bytes into the same number of characters, so totals
    compare fairly.

    A wrong code page shows as capitals inside words, non-Russian Cyrillic letters (ѕ, ђ) and stray
    symbols (‚, ¤) where letters should be; each costs an unlikely-letter penalty. None if too
    little of the text is Cyrillic to judge."""
    letters = [ch for ch in text if ch.isalpha()]
    cyrillic = [ch for ch in letters if "\u0400" <= ch <= "\u04ff"]
    if not letters or len(cyrillic) / len(letters) < MIN_CYRILLIC_SHARE:
        return None
    total = 0.0
    previous = " "
    for ch in text:
        if "\u0400" <= ch <= "\u04ff":
            total += _RU_LOGP.get(ch.lower(), _UNLIKELY_LOGP)
            if ch.isupper() and "\u0400" <= previous <= "\u04ff" and previous.isalpha():
                total += _UNLIKELY_LOGP
        elif ch in _RUSSIAN_TYPOGRAPHY:
            total += _TYPOGRAPHY_LOGP
        elif ord(ch) > 127:
            total += _UNLIKELY_LOGP
        previous = ch
    return total


def _best_cyrillic(data: bytes) -> str | None:
    best: tuple[float, str] | None = None
    for codepage in CYRILLIC_CODEPAGES:
        try:
            text = data.decode(codepage)
        except UnicodeDecodeError:
            continue
        score = _russian_score(text)
        if score is not None and (best is None or score > best[0]):
            best = (score, text)
    return best[1] if best else None


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, html: bool = False) -> str:
    """Decode a document's bytes, raising :class:`EmptyInput`, :class:`BinaryInput` or
    :class:`EncodingError` with a reason a user can act on."""
    if not data.strip():
        raise EmptyInput("empty input (no bytes or only whitespace)")
    binary = sniff_binary(data)
    if binary:
        raise BinaryInput(f"not text: looks like {binary}")
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise EncodingError(f"byte-order mark says {codec} but the bytes are not: {exc}") from exc
    utf16 = _utf16_codec(data)
    if utf16 is not None:
        return _decode_utf16(data, utf16)
    cleaned = _without_stray_nuls(data)
    if cleaned is None:
        raise BinaryInput("not text: looks like binary data (NUL bytes)")
    if not cleaned.strip():
        raise EmptyInput("empty input (only NUL bytes or whitespace)")
    data = cleaned
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None and html:
        declared = _declared_charset(data)
        if declared and declared != "utf-8":
            try:
                text = data.decode(declared)
            except UnicodeDecodeError:
                text = None
    if text is None and any(b >= 0x80 for b in data[:65536]):
        text = _best_cyrillic(data)
    if text is None:
        match = from_bytes(data).best()
        if match is None:
            raise EncodingError("cannot determine the text encoding")
        text = str(match)
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise BinaryInput("not text: too many control characters after decoding")
    return text


def _decode_utf16(data: bytes, codec: str) -> str:
    if len(data) % 2 and data[-1:] in (b"\n", b"\r", b" ", b"\x00"):
        data = data[:-1]  # a newline a tool appended in ASCII
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        name = codec.upper().replace("-LE", "LE").replace("-BE", "BE")
        raise EncodingError(
            f"looks like {name} without a byte-order mark, but the bytes are not: {exc}"
        ) from exc
    text = text.replace("\x00", "")
    if not text.strip():
        raise EmptyInput("empty input (no text, only whitespace)")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise BinaryInput("not text: too many control characters after decoding")
    return text
