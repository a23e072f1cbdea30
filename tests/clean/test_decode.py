import codecs

import pytest

from nutgraf.clean.decode import decode_bytes
from nutgraf.errors import BinaryInput, EmptyInput

RU_SHORT = "Президент провёл совещание в Кремле."
RU_LONG = (
    "Паводок в Ишиме пошёл на спад: уровень воды за сутки снизился на 28 сантиметров. "
    "По данным МЧС, из зоны подтопления вывезли более трёх тысяч жителей, "
    "пункты временного размещения продолжают работу."
)


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r", "utf-8", "cp866", "mac_cyrillic"])
@pytest.mark.parametrize("text", [RU_SHORT, RU_LONG])
def test_russian_code_pages_decode_right(encoding, text):
    assert decode_bytes(text.encode(encoding)) == text


def test_latin1_german_is_not_taken_for_cyrillic():
    text = "Die Straßenbahn fährt über die Brücke. Größere Änderungen sind nicht geplant, sagte ein Sprecher."
    assert decode_bytes(text.encode("latin-1")) == text


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")])
def test_byte_order_marks(bom, codec):
    assert decode_bytes(bom + RU_LONG.encode(codec)) == RU_LONG


def test_html_declared_charset_is_used():
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{RU_SHORT}</p></body></html>'
    assert RU_SHORT in decode_bytes(page.encode("cp1251"), html=True)


@pytest.mark.parametrize("data", [b"", b"   \n\t  "])
def test_empty_input(data):
    with pytest.raises(EmptyInput):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data,what",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        (b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
        (b"abc\x00def\x00" * 100, "NUL"),
        (bytes(range(1, 32)) * 50, "control"),
    ],
)
def test_binary_junk_is_refused_with_a_reason(data, what):
    with pytest.raises(BinaryInput, match=what):
        decode_bytes(data)
