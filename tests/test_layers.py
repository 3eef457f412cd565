"""The engine's architecture, enforced: `digests/` is a stack of wings, and a module imports
only from its own wing and the floors below it (the contracts are in pyproject.toml)."""

from __future__ import annotations

import pytest
from importlinter.cli import lint_imports

from conftest import ROOT


def test_no_import_runs_against_the_grain(capsys: pytest.CaptureFixture[str]) -> None:
    code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True,
                             no_logo=True)
    report = capsys.readouterr().out
    assert code == 0, report
    assert "0 broken" in report
