"""A throwaway PostgreSQL server for the database tests, from Debian's `postgresql`
package (installed by `make install`): a cluster in a temporary folder, listening on a
Unix socket only (no port to collide with), fsync off, stopped and deleted afterwards.
About a second to start.

PostgreSQL refuses to run as root, so as root (CI, containers) the cluster is made and
run as the `postgres` user the package creates.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SERVER_OPTIONS = (
    "-c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
)


def binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian keeps them out of PATH)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: [int(n) for n in re.findall(r"\d+", p.parent.parent.name)],
    )
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def missing() -> str:
    """Why no server can be started here ("" when one can)."""
    if binaries() is None:
        return "PostgreSQL is not installed (Debian's postgresql package: `make install`)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run PostgreSQL as"
    return ""


def _run_as() -> dict:
    if os.geteuid() != 0:
        return {}
    user = pwd.getpwnam("postgres")
    return {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}


@contextmanager
def postgres_server() -> Iterator[Path]:
    """Start a server; yields the folder of its socket (the ``host`` to connect to)."""
    bindir = binaries()
    assert bindir is not None, missing()
    root = Path(tempfile.mkdtemp(prefix="companion-pg-"))
    as_user = _run_as()
    if as_user:
        os.chown(root, as_user["user"], as_user["group"])
    options = {"cwd": root, "capture_output": True, "text": True, "check": True, **as_user}
    data = root / "data"
    try:
        subprocess.run(
            [bindir / "initdb", "-D", data, "-U", "postgres", "-A", "trust", "--no-sync",
             "-E", "UTF8", "--locale=C"],
            **options,
        )
        subprocess.run(
            [bindir / "pg_ctl", "-D", data, "-l", root / "server.log", "-w",
             "-o", f"-k {root} {SERVER_OPTIONS}", "start"],
            **options,
        )
        yield root
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                [bindir / "pg_ctl", "-D", data, "-m", "immediate", "stop"],
                **{**options, "check": False},
            )
        shutil.rmtree(root, ignore_errors=True)


def create_database(socket_dir: Path, name: str) -> str:
    """A new empty database on the server; its SQLAlchemy URL."""
    import psycopg

    with psycopg.connect(
        host=str(socket_dir), user="postgres", dbname="postgres", autocommit=True
    ) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql://postgres@/{name}?host={socket_dir}"
