"""What the benchmark scripts share: where things are, percentiles, memory, output.

Imported by the scripts of this folder as ``_common``: ``python bench/<script>.py``
puts ``bench/`` first on ``sys.path``.
"""

from __future__ import annotations

import json
import os
import resource
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def shared_dir(arg: str | os.PathLike | None = None) -> Path:
    """--shared, else $VERBALE_SHARED, else ../shared next to the repo root."""
    raw = arg or os.environ.get("VERBALE_SHARED") or str(REPO.parent / "shared")
    return Path(raw).expanduser().resolve()


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile: the smallest value with at least ``p`` % of the
    values at or below it.

    >>> percentile([4, 1, 3, 2], 50), percentile([4, 1, 3, 2], 95), percentile([7], 99)
    (2, 4, 7)
    """
    ordered = sorted(values)
    if not ordered:
        raise ValueError("percentile of no values")
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


# -- memory -------------------------------------------------------------------


def maxrss_mib(who: int = resource.RUSAGE_SELF) -> float:
    """Peak RSS from getrusage (``RUSAGE_CHILDREN``: the largest reaped child)."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / (2**20 if sys.platform == "darwin" else 2**10)  # macOS bytes, Linux KiB


def proc_status_mib(key: str) -> float | None:
    """A memory line of /proc/self/status in MiB ("VmRSS": now, "VmHWM": the
    high-water mark, reset by exec); None where there is no /proc."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{key}:"):
                return int(line.split()[1]) / 2**10
    except (OSError, ValueError, IndexError):
        pass
    return None


# -- output -------------------------------------------------------------------


def logger(to_stderr: bool) -> Callable[..., None]:
    """Progress lines: on stderr when stdout carries the JSON report."""
    if to_stderr:
        return lambda *a: print(*a, file=sys.stderr, flush=True)
    return lambda *a: print(*a, flush=True)


def emit(report: dict, table: str, as_json: bool) -> None:
    """With ``--json``: the table on stderr and one JSON object on stdout.
    Without: a blank line after the progress, then the table on stdout."""
    if as_json:
        print(table, file=sys.stderr)
        print(json.dumps(report, indent=2))
    else:
        print()
        print(table)
