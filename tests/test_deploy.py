"""deploy/: the systemd unit verified by systemd-analyze (when this machine has it), and the
container file checked for what matters (a non-root user, the data directory as a volume,
sources that exist) and linted by hadolint when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

DEPLOY = ROOT / "deploy"


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_the_systemd_unit_verifies(tmp_path: Path) -> None:
    """Verified as installed: the paths of the checkout and its venv put where the unit expects
    /opt/newsdesk, so that systemd-analyze checks everything else."""
    unit = (DEPLOY / "newsdesk.service").read_text()
    local = unit.replace("/opt/newsdesk/.venv/bin/python", sys.executable).replace("/opt/newsdesk", str(ROOT))
    (tmp_path / "newsdesk.service").write_text(local)
    done = subprocess.run(["systemd-analyze", "verify", str(tmp_path / "newsdesk.service")],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0 and done.stderr.strip() == "", done.stderr
    assert "RestartPreventExitStatus=2" in unit and "EnvironmentFile=" in unit
    assert "Environment=DISCORD_TOKEN" not in unit  # never in the unit: a file only root reads


def instructions(text: str) -> list[tuple[str, str]]:
    joined = text.replace("\\\n", " ")
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line.strip() else "")
            for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_the_container_runs_as_a_user_with_its_data_in_a_volume() -> None:
    steps = instructions((DEPLOY / "Containerfile").read_text())
    kinds = [kind for kind, _ in steps]
    assert kinds[0] == "FROM"
    user = [arg for kind, arg in steps if kind == "USER"]
    assert user == ["10001:10001"]
    assert ("VOLUME", '["/data"]') in steps and ("WORKDIR", "/data") in steps
    assert kinds.index("USER") < kinds.index("ENTRYPOINT")
    for kind, arg in steps:
        if kind == "COPY":
            *sources, _ = arg.split()
            for source in sources:
                assert (ROOT / source).exists(), source
    assert ("ENTRYPOINT", '["python", "/app/bot.py"]') in steps and ("CMD", '["run"]') in steps


@pytest.mark.skipif(shutil.which("hadolint") is None, reason="hadolint is not installed")
def test_the_container_file_passes_hadolint() -> None:
    done = subprocess.run(["hadolint", str(DEPLOY / "Containerfile")], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
