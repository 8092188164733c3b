"""Shared test fixtures: where the real documents live.

The real UN documents stay outside the project, in ../shared (CI has it too).
Set VERBALE_SHARED to point elsewhere. Tests that need them skip with a
message when the folder is missing; .ci/run refuses to run without it.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("VERBALE_SHARED", ROOT.parent / "shared")).resolve()
SEED = SHARED / "seed" / "000_0fcf8cb0ed771c80.txt"
CORPUS_PDF = SHARED / "corpus" / "pdf"
SAMPLES = ROOT / "samples"


# In CI nothing may be skipped for want of a document, a package or a browser.
STRICT = os.environ.get("CI", "").lower() == "true"


def need(path: Path) -> Path:
    """Skip the calling test when a shared document is missing (fail in CI)."""
    if not path.exists():
        message = f"{path} is missing: set VERBALE_SHARED to the shared folder"
        pytest.fail(message) if STRICT else pytest.skip(message)
    return path


def require(module: str, reason: str = ""):
    """Import ``module`` or skip the calling tests (fail in CI)."""
    if STRICT:
        return importlib.import_module(module)
    return pytest.importorskip(module, reason=reason or None)


@pytest.fixture(scope="session")
def seed_doc():
    from verbale import parse

    return parse(need(SEED))
