"""Paths that are not plain files: named pipes, devices, sockets, symbolic links and their loops.

None of them may hang a batch or vanish without a word: a special file is reported and never
opened, a linked folder is read once, a link loop and a dangling link are reported.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from nutgraf.ingest import iter_documents
from nutgraf.model import Failure, RawDocument

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX named pipes and links")

STORY = (
    "Tram line extension opens\n\n"
    "The new tram extension to the eastern suburbs opened on Saturday, two months ahead of schedule, "
    "the city transport office said.\n\nThe first trams carried about 4,000 riders."
)
STORY_RU = (
    "Открылась новая линия трамвая\n\nПродление трамвайной линии до восточных районов открылось "
    "в субботу, на два месяца раньше срока, сообщили в городском управлении транспорта."
)
GUARD_SECONDS = 20


def read_guarded(paths, fifos=()):
    """iter_documents in a daemon thread: a reader stuck on a pipe fails the test instead of hanging."""
    box: dict[str, list] = {}

    def work():
        box["items"] = list(iter_documents([str(p) for p in paths]))

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(GUARD_SECONDS)
    if worker.is_alive():
        for fifo in fifos:  # let a blocked open() return so the thread can end
            try:
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass
        worker.join(5)
        pytest.fail(f"reading {paths} blocked for {GUARD_SECONDS}s")
    items = box["items"]
    return [i for i in items if isinstance(i, RawDocument)], [i for i in items if isinstance(i, Failure)]


def names(items):
    return sorted(Path(i.origin).name for i in items)


def test_fifo_named_on_the_command_line_is_reported_not_opened(tmp_path):
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    good = tmp_path / "tram.txt"
    good.write_text(STORY, encoding="utf-8")
    docs, failures = read_guarded([fifo, good], fifos=[fifo])
    assert [d.content for d in docs] == [STORY]
    assert len(failures) == 1 and failures[0].origin == str(fifo)
    assert "named pipe" in failures[0].reason and failures[0].error == "UnsupportedInput"


def test_special_files_inside_a_folder_are_reported(tmp_path):
    folder = tmp_path / "outlet"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    os.mkfifo(folder / "b.txt")
    os.mkfifo(folder / "pipe")
    listener = socket.socket(socket.AF_UNIX)
    try:
        listener.bind(str(folder / "c.sock"))
    except OSError:  # a path too long for a socket address
        listener.close()
        listener = None
    try:
        docs, failures = read_guarded([folder], fifos=[folder / "b.txt", folder / "pipe"])
    finally:
        if listener is not None:
            listener.close()
    assert names(docs) == ["a.txt"]
    reasons = {Path(f.origin).name: f.reason for f in failures}
    assert "named pipe" in reasons["b.txt"] and "named pipe" in reasons["pipe"]
    if listener is not None:
        assert "socket" in reasons["c.sock"]


def test_character_device_is_reported(tmp_path):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    docs, failures = read_guarded(["/dev/zero"])
    assert docs == [] and len(failures) == 1
    assert "character device" in failures[0].reason


def test_symlinked_folder_is_followed(tmp_path):
    real = tmp_path / "archive" / "harbour-post"
    real.mkdir(parents=True)
    (real / "tram.txt").write_text(STORY, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "ru.txt").write_text(STORY_RU, encoding="utf-8")
    (corpus / "harbour-post").symlink_to(real, target_is_directory=True)
    docs, failures = read_guarded([corpus])
    assert not failures
    assert sorted(d.content for d in docs) == sorted([STORY, STORY_RU])
    assert any(d.origin == str(corpus / "harbour-post" / "tram.txt") for d in docs)


def test_folder_reached_twice_through_links_is_read_once(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "city").mkdir(parents=True)
    (corpus / "city" / "tram.txt").write_text(STORY, encoding="utf-8")
    (corpus / "a-mirror").symlink_to(corpus / "city", target_is_directory=True)
    (corpus / "same.txt").symlink_to(corpus / "city" / "tram.txt")
    docs, failures = read_guarded([corpus])
    assert not failures and [d.content for d in docs] == [STORY]
    assert docs[0].origin == str(corpus / "city" / "tram.txt")  # where it is, not through the link


def test_symlink_loop_is_reported(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "deep").mkdir(parents=True)
    (corpus / "deep" / "tram.txt").write_text(STORY, encoding="utf-8")
    (corpus / "deep" / "back").symlink_to(corpus, target_is_directory=True)
    (corpus / "self").symlink_to(corpus / "self")
    docs, failures = read_guarded([corpus])
    assert [d.content for d in docs] == [STORY]
    reasons = {Path(f.origin).name: f.reason for f in failures}
    assert set(reasons) == {"back", "self"}
    assert all("loop" in reason for reason in reasons.values())


def test_dangling_symlink_is_reported(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "tram.txt").write_text(STORY, encoding="utf-8")
    (corpus / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (corpus / "gone-folder").symlink_to(tmp_path / "deleted", target_is_directory=True)
    top = tmp_path / "top.txt"
    top.symlink_to(tmp_path / "nowhere.txt")
    docs, failures = read_guarded([corpus, top])
    assert [d.content for d in docs] == [STORY]
    reasons = {Path(f.origin).name: f.reason for f in failures}
    assert set(reasons) == {"gone.txt", "gone-folder", "top.txt"}
    assert all("dangling" in reason for reason in reasons.values())
    assert str(tmp_path / "deleted.txt") in reasons["gone.txt"]


def test_cli_ingest_with_a_fifo_does_not_hang(tmp_path):
    fifo = tmp_path / "incoming.html"
    os.mkfifo(fifo)
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "folder" / "more.txt")
    good = tmp_path / "tram.txt"
    good.write_text(STORY, encoding="utf-8")
    db = tmp_path / "kinds.db"
    command = [sys.executable, "-c", "from nutgraf.cli import main; main()", "ingest"]
    command += [str(fifo), str(tmp_path / "folder"), str(good), "--db", str(db), "--json", "-q"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    except subprocess.TimeoutExpired:
        for path in (fifo, tmp_path / "folder" / "more.txt"):
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass
        pytest.fail("nutgraf ingest blocked on a named pipe")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["new"], report["failed"]) == (1, 2)
    assert all("named pipe" in f["reason"] for f in report["failures"])
