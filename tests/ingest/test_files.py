import gzip
import io
import json

import pytest

from nutgraf.ingest import MAX_DOCUMENT_BYTES, iter_documents
from nutgraf.model import Failure, RawDocument

ARTICLE_EN = (
    "Harbour ferry resumes service\n\n"
    "The ferry between Westbury and the island resumed service on Monday after repairs to its engine, "
    "the operator said in a statement.\n\nAbout 300 passengers travelled on the first sailing."
)
ARTICLE_RU = (
    "Паром возобновил рейсы\n\nПаром между Уэстбери и островом в понедельник возобновил рейсы после "
    "ремонта двигателя, сообщил оператор.\n\nПервым рейсом воспользовались около 300 пассажиров."
)


def read(paths, **kwargs):
    items = list(iter_documents([str(p) for p in paths], **kwargs))
    return [i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, Failure)]


def test_text_file(tmp_path):
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE_EN, encoding="utf-8")
    docs, failures = read([path])
    assert not failures and len(docs) == 1
    assert docs[0].kind == "text" and docs[0].content == ARTICLE_EN and docs[0].origin == str(path)


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_russian_legacy_encodings(tmp_path, encoding):
    path = tmp_path / "parom.txt"
    path.write_bytes(ARTICLE_RU.encode(encoding))
    docs, failures = read([path])
    assert not failures and docs[0].content == ARTICLE_RU


def test_html_and_gzip(tmp_path):
    page = (
        f"<html><head><title>Ferry</title></head><body><article><p>{ARTICLE_EN}</p></article></body></html>"
    )
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    with gzip.open(tmp_path / "b.htm.gz", "wt", encoding="utf-8") as handle:
        handle.write(page)
    docs, failures = read([tmp_path / "a.html", tmp_path / "b.htm.gz"])
    assert not failures and [d.kind for d in docs] == ["html", "html"]
    assert docs[0].content == docs[1].content == page


def test_jsonl_records_keep_their_fields(tmp_path):
    records = [
        {
            "id": "w-1",
            "url": "https://wire.example/1",
            "title": "Ferry resumes",
            "text": ARTICLE_EN,
            "published": "2026-03-10T08:00:00Z",
            "source": "Continental Wire",
            "language": "en",
        },
        {"id": "w-2", "html": f"<p>{ARTICLE_RU}</p>"},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    docs, failures = read([path])
    assert not failures
    first, second = docs
    assert (first.external_id, first.url, first.title, first.outlet, first.language) == (
        "w-1",
        "https://wire.example/1",
        "Ferry resumes",
        "Continental Wire",
        "en",
    )
    assert first.published.year == 2026 and first.origin == f"{path}#L1"
    assert second.kind == "html" and second.external_id == "w-2" and second.outlet is None


def test_json_object_and_array_and_gzipped_jsonl(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"text": ARTICLE_EN}), encoding="utf-8")
    (tmp_path / "many.json").write_text(
        json.dumps([{"text": ARTICLE_EN}, {"text": ARTICLE_RU}]), encoding="utf-8"
    )
    with gzip.open(tmp_path / "feed.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"text": ARTICLE_RU}, ensure_ascii=False) + "\n")
    docs, failures = read([tmp_path / "one.json", tmp_path / "many.json", tmp_path / "feed.jsonl.gz"])
    assert not failures and len(docs) == 4


def test_directories_are_walked_recursively_in_order(tmp_path):
    (tmp_path / "outlet" / "2026").mkdir(parents=True)
    (tmp_path / "outlet" / "2026" / "b.txt").write_text(ARTICLE_EN)
    (tmp_path / "outlet" / "a.txt").write_text(ARTICLE_RU)
    (tmp_path / "outlet" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0junk")
    (tmp_path / "outlet" / ".hidden.txt").write_text(ARTICLE_EN)
    docs, failures = read([tmp_path])
    assert not failures
    assert [d.origin.rsplit("/", 1)[1] for d in docs] == ["b.txt", "a.txt"] or [
        d.origin.rsplit("/", 1)[1] for d in docs
    ] == ["a.txt", "b.txt"]
    assert len(docs) == 2


def test_a_folder_walk_tells_the_files_it_passes_over(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE_EN)
    (tmp_path / "scan.PDF").write_bytes(b"%PDF-1.7")
    (tmp_path / "sub" / "notes").write_text(ARTICLE_EN)
    (tmp_path / "sub" / "blob.bin.gz").write_bytes(gzip.compress(b"\x00"))
    (tmp_path / ".hidden.bin").write_bytes(b"\x00")
    skipped = []
    docs, failures = read([tmp_path], on_skip=lambda origin, reason: skipped.append((origin, reason)))
    assert len(docs) == 1 and not failures
    assert [(origin.rsplit("/", 1)[1], reason.split(";")[0]) for origin, reason in skipped] == [
        ("scan.PDF", "unsupported file type .pdf"),
        ("blob.bin.gz", "unsupported file type .bin.gz"),
        ("notes", "unsupported file type: no extension"),
    ]
    named = []  # a file named on the command line is read by its content, never passed over
    docs, _ = read([tmp_path / "sub" / "notes"], on_skip=lambda *told: named.append(told))
    assert len(docs) == 1 and not named


def test_stdin_is_sniffed():
    docs, failures = read(["-"], stdin=io.BytesIO(ARTICLE_RU.encode("cp1251")))
    assert not failures and docs[0].origin == "<stdin>" and docs[0].content == ARTICLE_RU
    docs, _ = read(["-"], stdin=io.BytesIO(json.dumps({"text": ARTICLE_EN}).encode()))
    assert docs[0].content == ARTICLE_EN


def test_explicit_outlet(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE_EN)
    docs, _ = read([tmp_path / "a.txt"], outlet="Harbour Post")
    assert docs[0].outlet == "Harbour Post" and docs[0].source_key == "Harbour Post"


def bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("   \n\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "nul.html").write_bytes(b"<html>\x00\x00\x00 binary</html>")
    (tmp_path / "broken.json").write_text('{"text": "unterminated')
    (tmp_path / "notext.json").write_text('{"title": "no body here"}')
    (tmp_path / "list.json").write_text("[1, 2]")
    (tmp_path / "bad.gz.txt").write_bytes(b"\x1f\x8b\x08\x00junkjunk")
    (tmp_path / "bad.txt.gz").write_bytes(b"\x1f\x8b\x08\x00junkjunk")
    return sorted(tmp_path.iterdir())


def test_every_bad_input_is_a_failure_with_a_reason(tmp_path):
    paths = [*bad_inputs(tmp_path), tmp_path / "missing.txt"]
    docs, failures = read(paths)
    assert docs == []
    reasons = {f.origin.rsplit("/", 1)[1].split("#")[0]: f.reason for f in failures}
    assert "empty" in reasons["empty.txt"] and "empty" in reasons["blank.txt"]
    assert "PNG" in reasons["image.txt"]
    assert "NUL" in reasons["nul.html"]
    assert "no 'text'" in reasons["notext.json"]
    assert "JSON object" in reasons["list.json"]
    assert "gzip" in reasons["bad.gz.txt"]
    assert "cannot read" in reasons["bad.txt.gz"]
    assert "no such file" in reasons["missing.txt"]
    assert all(f.reason and f.error for f in failures)


def test_bad_jsonl_lines_do_not_stop_the_file(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"text": "First good record with enough words to be an article."}\n'
        b"{not json}\n"
        b'"a string"\n'
        b"\n" + json.dumps({"text": ARTICLE_RU}, ensure_ascii=False).encode("cp1251") + b"\n"
    )
    docs, failures = read([path])
    assert len(docs) == 2 and docs[1].content == ARTICLE_RU
    assert [f.origin.rsplit("#", 1)[1] for f in failures] == ["L2", "L3"]


def test_huge_inputs_are_refused(tmp_path):
    big = tmp_path / "huge.html"
    with big.open("wb") as handle:
        handle.write(b"<html><body><p>")
        handle.write(b"word " * (MAX_DOCUMENT_BYTES // 5 + 10))
    huge_line = tmp_path / "huge.jsonl"
    with huge_line.open("wb") as handle:
        handle.write(b'{"text": "' + b"x" * (MAX_DOCUMENT_BYTES + 10) + b'"}\n')
        handle.write(json.dumps({"text": ARTICLE_EN}).encode() + b"\n")
    docs, failures = read([big, huge_line])
    assert len(docs) == 1 and docs[0].content == ARTICLE_EN
    assert len(failures) == 2 and all("limit" in f.reason for f in failures)
