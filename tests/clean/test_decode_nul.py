"""UTF-16 without a byte-order mark and stray NUL bytes: text that can be read is read."""

from __future__ import annotations

import pytest

from nutgraf.clean.decode import decode_bytes, sniff_binary
from nutgraf.errors import BinaryInput, EmptyInput

EN = (
    "Council approves new bridge\n\nThe city council approved plans for a second bridge across the river "
    "on Tuesday, after three years of debate. Work is due to start in the spring."
)
RU = (
    "Совет одобрил новый мост\n\nГородской совет во вторник одобрил планы строительства второго моста "
    "через реку после трёх лет споров. Работы начнутся весной — «если позволит погода»."
)
RU_SHORT = "Мэр открыл мост."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [EN, RU, RU_SHORT], ids=["en", "ru", "ru-short"])
def test_utf16_without_bom(codec, text):
    data = text.encode(codec)
    assert sniff_binary(data) is None
    assert decode_bytes(data) == text
    assert decode_bytes(data, html=True) == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_html_page_without_bom(codec):
    page = f"<html><head><title>Мост</title></head><body><p>{RU}</p></body></html>"
    assert decode_bytes(page.encode(codec), html=True) == page


def test_utf16_with_a_trailing_odd_newline():
    assert decode_bytes(EN.encode("utf-16-le") + b"\n") == EN


@pytest.mark.parametrize("codec", ["utf-8", "cp1251"])
def test_stray_nuls_are_removed(codec):
    text = RU if codec == "cp1251" else EN + "\n" + RU
    data = text.encode(codec)
    middle = len(data) // 2
    dirty = b"\x00" + data[:middle] + b"\x00" + data[middle:] + b"\x00"
    assert decode_bytes(dirty) == text


def test_nul_padding_at_the_end_is_removed():
    assert decode_bytes(EN.encode("utf-8") + b"\x00" * 4096) == EN


def test_stray_nul_after_the_first_kilobytes_is_removed():
    text = EN * 40
    data = text.encode("utf-8")
    assert decode_bytes(data[:5000] + b"\x00" + data[5000:]) == text


def test_utf16_blank_is_empty():
    with pytest.raises(EmptyInput):
        decode_bytes("   \n  ".encode("utf-16-le"))


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 20,
        bytes(b if i % 2 else 0 for i, b in enumerate(bytes(range(256)) * 8)),
        b"ab\x00c" * 400,
        (b"\x01\x00\x02\x00\x03\x00\x1f\x00" * 300),
    ],
    ids=["bytes", "low-bytes-as-utf16", "dense-nul", "controls-as-utf16"],
)
def test_binary_with_nuls_is_still_refused(data):
    with pytest.raises(BinaryInput):
        decode_bytes(data)


def test_dense_nuls_are_still_sniffed_as_binary():
    assert sniff_binary(b"ab\x00c" * 400) == "binary data (NUL bytes)"


def test_dense_nuls_after_a_clean_start_are_refused_as_binary():
    data = (EN * 40).encode("utf-8")[:5000] + b"ab\x00c" * 500
    with pytest.raises(BinaryInput, match="NUL"):
        decode_bytes(data)
