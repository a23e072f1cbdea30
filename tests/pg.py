"""A throwaway PostgreSQL server for the tests: Debian's binaries, a temporary data directory, a
Unix socket in that directory (no TCP port), run as an unprivileged user.

``.ci/run`` installs the ``postgresql`` package; on a developer's machine without it the
PostgreSQL-parametrized tests skip with the reason. In CI (``CI`` set) a server that cannot be
started is an error, never a skip.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from itertools import count
from pathlib import Path

__all__ = ["PostgresServer", "start_postgres"]

UNPRIVILEGED_USER = "nobody"
"""PostgreSQL refuses to run as root; when the tests run as root the server runs as this user."""

START_TIMEOUT_S = 60
"""pg_ctl's wait for the server to accept connections (a loaded 2-core CI machine takes ~2 s)."""

_DATABASES = count(1)


def _binaries() -> Path | None:
    """The newest Debian PostgreSQL bin folder, or one holding ``initdb`` on PATH."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


@dataclass
class PostgresServer:
    """A running server; ``url(name)`` makes a SQLAlchemy URL for one of its databases."""

    socket_dir: Path
    bin_dir: Path
    data_dir: Path
    as_user: list[str]

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://nutgraf@/{database}?host={self.socket_dir}"

    def create_database(self) -> str:
        """A fresh, empty database; returns its URL."""
        import psycopg

        name = f"test_{os.getpid()}_{next(_DATABASES)}"
        with psycopg.connect(
            host=str(self.socket_dir), user="nutgraf", dbname="postgres", autocommit=True
        ) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        subprocess.run(
            [
                *self.as_user,
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(self.data_dir),
                "-m",
                "immediate",
                "stop",
            ],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.socket_dir, ignore_errors=True)


def start_postgres() -> PostgresServer:
    """Start a server in a new temporary folder; raises RuntimeError with the reason when it cannot."""
    bin_dir = _binaries()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql; .ci/run does it)")
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise RuntimeError("psycopg is not installed") from exc
    # A short path: a Unix socket's path must stay under ~107 bytes.
    root = Path(tempfile.mkdtemp(prefix="ngpg-", dir="/tmp"))
    as_user: list[str] = []
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        if runuser is None:
            raise RuntimeError(
                "running as root and runuser is missing: cannot drop privileges for PostgreSQL"
            )
        as_user = [runuser, "-u", UNPRIVILEGED_USER, "--"]
        shutil.chown(root, user=UNPRIVILEGED_USER)
    data = root / "data"
    steps = [
        [str(bin_dir / "initdb"), "-D", str(data), "-U", "nutgraf", "-A", "trust", "-E", "UTF8", "--no-sync"],
        [
            str(bin_dir / "pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(root / "server.log"),
            "-w",
            "-t",
            str(START_TIMEOUT_S),
            "-o",
            f"-c listen_addresses='' -k {root} -c fsync=off -c full_page_writes=off -c max_connections=60",
            "start",
        ],
    ]
    for step in steps:
        done = subprocess.run([*as_user, *step], capture_output=True, text=True, cwd=root, check=False)
        if done.returncode != 0:
            log = root / "server.log"
            detail = (done.stderr or done.stdout).strip()[-500:]
            if log.exists():
                detail += " | " + log.read_text(errors="replace")[-500:]
            shutil.rmtree(root, ignore_errors=True)
            raise RuntimeError(f"{Path(step[0]).name} failed: {detail}")
    return PostgresServer(socket_dir=root, bin_dir=bin_dir, data_dir=data, as_user=as_user)
