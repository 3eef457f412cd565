# ruff: noqa: ASYNC109  -- plain ``timeout=`` arguments are the documented API
"""Run the bot as a real subprocess through ``launcher.py``, pointed at a :class:`FakeDiscord`."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

from e2e.fakediscord import FakeDiscord

LAUNCHER = Path(__file__).resolve().with_name("launcher.py")


class BotProcess:
    """One bot subprocess. Output (stdout and stderr) goes to ``log_path``."""

    def __init__(self, fake: FakeDiscord, args: Sequence[str] = (), *, cwd: str | Path, log_path: str | Path,
                 env: Mapping[str, str] | None = None, token: str = "fake-token") -> None:
        self.fake = fake
        self.args = list(args)
        self.cwd = Path(cwd)
        self.log_path = Path(log_path)
        self.extra_env = dict(env or {})
        self.token = token
        self.process: asyncio.subprocess.Process | None = None
        self._log: IO[bytes] | None = None

    def _environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(self.fake.env())
        env["DISCORD_TOKEN"] = self.token
        env["PYTHONUNBUFFERED"] = "1"
        env.update(self.extra_env)
        return env

    async def start(self) -> None:
        self._log = self.log_path.open("ab")
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, str(LAUNCHER), *self.args, cwd=self.cwd, env=self._environment(),
            stdin=asyncio.subprocess.DEVNULL, stdout=self._log, stderr=asyncio.subprocess.STDOUT)

    @property
    def returncode(self) -> int | None:
        return None if self.process is None else self.process.returncode

    async def wait_identified(self, timeout: float = 10) -> None:
        """Wait for the fake to see IDENTIFY (or RESUME); fail early, with the log, if the bot exits."""
        assert self.process is not None, "start() first"
        identified = asyncio.ensure_future(self.fake.wait_identified(timeout))
        exited = asyncio.ensure_future(self.process.wait())
        done, _ = await asyncio.wait({identified, exited}, return_when=asyncio.FIRST_COMPLETED)
        if identified in done:
            exited.cancel()
            identified.result()
            return
        identified.cancel()
        raise AssertionError(f"bot exited with {self.process.returncode} before IDENTIFY:\n{self.log_text()}")

    async def stop(self, timeout: float = 10, *, resend_every: float = 1.0) -> int:
        """SIGINT (repeated every ``resend_every`` s), SIGKILL after ``timeout``. Returns the exit code.

        SIGINT is repeated because on Python 3.11 ``asyncio.wait_for`` can swallow the cancellation
        ``asyncio.run`` makes for the first SIGINT (when it lands just as the gateway handshake
        finishes); the second SIGINT raises KeyboardInterrupt, which ``Client.run`` treats as a clean exit.
        """
        if self.process is None:
            return 0
        deadline = time.monotonic() + timeout
        while self.process.returncode is None and time.monotonic() < deadline:
            self.process.send_signal(signal.SIGINT)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.process.wait(), min(resend_every, deadline - time.monotonic()))
        if self.process.returncode is None:
            self.kill()
            await self.process.wait()
        self._close_log()
        assert self.process.returncode is not None
        return self.process.returncode

    def kill(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.kill()

    def _close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def log_text(self) -> str:
        if self._log is not None:
            self._log.flush()
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
