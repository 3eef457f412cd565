"""A throw-away PostgreSQL cluster: initdb into a temporary folder, a server on 127.0.0.1 at a
free port, stopped and deleted at the end. Used by the tests' fixture and by `.ci/run`:

    python3 tests/pg.py start FOLDER   # prints the URL of the cluster's `postgres` database
    python3 tests/pg.py stop FOLDER

Only the standard library: `.ci/run` runs it before any virtual environment exists. The server
refuses to run as root, so as root it runs as the `postgres` system user (made when missing).
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

USER = "newsdesk"
SERVICE_ACCOUNT = "postgres"
SEARCHED = ("/usr/lib/postgresql/*/bin", "/usr/local/pgsql/bin")


class Unavailable(Exception):
    """No PostgreSQL server can be started here; the message says why."""


def binary(name: str) -> str:
    """The path of a PostgreSQL program: on PATH, or in Debian's versioned folder (newest)."""
    found = shutil.which(name)
    if found:
        return found
    for pattern in SEARCHED:
        for folder in sorted(Path("/").glob(pattern.lstrip("/")), reverse=True):
            if (folder / name).exists():
                return str(folder / name)
    raise Unavailable(f"{name} is not installed (Debian: apt-get install postgresql)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Cluster:
    folder: Path
    url: str

    @classmethod
    def start(cls, folder: Path | None = None) -> Cluster:
        """initdb, then pg_ctl start; the password is random, scram-sha-256 is required."""
        folder = Path(folder or tempfile.mkdtemp(prefix="newsdesk-pg-"))
        folder.mkdir(parents=True, exist_ok=True)
        try:
            return cls._start_in(folder)
        except BaseException:
            stop(folder)
            raise

    @classmethod
    def _start_in(cls, folder: Path) -> Cluster:
        password = secrets.token_hex(12)
        (folder / "password").write_text(password + "\n")
        _hand_over(folder)
        port = free_port()
        _run([binary("initdb"), "-D", str(folder / "data"), "-U", USER, "-A", "scram-sha-256",
              f"--pwfile={folder / 'password'}", "-E", "UTF8", "--locale=C.UTF-8"], folder)
        options = (f"-c listen_addresses=127.0.0.1 -c port={port} "
                   f"-c unix_socket_directories={folder} -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=200")
        (folder / "options").write_text(options)
        start_server(folder)
        url = f"postgresql://{USER}:{password}@127.0.0.1:{port}/postgres"
        (folder / "url").write_text(url + "\n")
        return cls(folder, url)

    def stop(self) -> None:
        stop(self.folder)


async def admin(server_url: str, statement: str) -> None:
    """Run one statement (CREATE / DROP DATABASE) on the server; asyncpg is imported here so
    that this file keeps to the standard library for `.ci/run`."""
    import asyncpg  # type: ignore[import-untyped]

    connection = await asyncpg.connect(server_url)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


def database_url(server_url: str, name: str) -> str:
    """The URL of database `name` on the server of `server_url`."""
    return server_url.rsplit("/", 1)[0] + "/" + name


def stop(folder: Path) -> None:
    """Stop the cluster in `folder` (immediately: it is thrown away) and delete the folder."""
    stop_server(folder)
    shutil.rmtree(folder, ignore_errors=True)


def start_server(folder: Path) -> None:
    """Start (again) the server of the cluster in `folder`, on its address and port."""
    _run([binary("pg_ctl"), "-D", str(folder / "data"), "-l", str(folder / "server.log"),
          "-o", (folder / "options").read_text(), "-w", "-t", "60", "start"], folder)


def stop_server(folder: Path) -> None:
    """Stop the server of the cluster in `folder`, keeping its files."""
    if (folder / "data" / "postmaster.pid").exists():
        try:
            _run([binary("pg_ctl"), "-D", str(folder / "data"), "-m", "immediate", "-w", "stop"],
                 folder)
        except Unavailable as exc:
            print(exc, file=sys.stderr)


def _as_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _hand_over(folder: Path) -> None:
    """As root, give the folder to the service account (made when missing)."""
    if not _as_root():
        return
    if subprocess.run(["id", "-u", SERVICE_ACCOUNT], capture_output=True).returncode != 0:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                        SERVICE_ACCOUNT], check=True, capture_output=True)
    shutil.chown(folder, SERVICE_ACCOUNT, SERVICE_ACCOUNT)
    shutil.chown(folder / "password", SERVICE_ACCOUNT, SERVICE_ACCOUNT)
    folder.chmod(0o700)


def _run(command: list[str], folder: Path) -> None:
    name = Path(command[0]).name
    if _as_root():
        command = ["runuser", "-u", SERVICE_ACCOUNT, "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, cwd=folder, timeout=120)
    if done.returncode != 0:
        log = folder / "server.log"
        tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
        raise Unavailable(f"{name} failed: {(done.stderr or done.stdout).strip()[-800:]} {tail}".strip())


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in {"start", "stop"}:
        print("usage: pg.py start|stop FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[2])
    if argv[1] == "stop":
        stop(folder)
        return 0
    try:
        print(Cluster.start(folder).url)
    except Unavailable as exc:
        print(f"PostgreSQL could not be started: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
