"""Remove the known-defect entries whose strict xfail now passes.

After a parser fix, the fixed cases of tests/test_golden.py (KNOWN_DEFECTS)
and tests/test_corpus.py (SYMBOL_DEFECTS, DATE_DEFECTS, …) turn into
"XPASS(strict)" failures. This runs those tests and deletes exactly those
entries, so the goldens (which hold the correct values) take over.

    python scripts/prune_known_defects.py
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DICTS = {"test_own_symbols": "SYMBOL_DEFECTS", "test_masthead_date": "DATE_DEFECTS",
                "test_no_page_furniture_in_blocks": "FURNITURE_DEFECTS"}


def xpassed() -> list[str]:
    """Ids of the strict xfails that passed."""
    out = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rf",
                          "tests/test_golden.py", "tests/test_corpus.py"],
                         cwd=ROOT, capture_output=True, text=True,
                         env={**os.environ, "COLUMNS": "2000"}).stdout  # no cut summaries
    return [m.group(1) for m in re.finditer(r"^FAILED (\S+) - \[XPASS", out, re.M)]


def remove_entry(path: Path, name: str, key) -> bool:
    """Delete ``key`` from the dict literal assigned to ``name`` in ``path``."""
    src = path.read_text()
    for node in ast.walk(ast.parse(src)):
        target = getattr(node, "target", None) or (getattr(node, "targets", None) or [None])[0]
        if getattr(target, "id", None) == name and isinstance(node.value, ast.Dict):
            for k, v in zip(node.value.keys, node.value.values):
                if ast.literal_eval(k) == key:
                    lines = src.split("\n")
                    del lines[k.lineno - 1: v.end_lineno]
                    path.write_text("\n".join(lines))
                    return True
    return False


def main() -> None:
    for test_id in xpassed():
        file, rest = test_id.split("::")
        test, param = re.match(r"(\w+)\[(.+)\]", rest).groups()
        if file.endswith("test_golden.py"):
            key, name = tuple(param.rsplit("-", 1)), "KNOWN_DEFECTS"
        else:
            key, name = param, CORPUS_DICTS.get(test, "")
        print(test_id, "pruned" if remove_entry(ROOT / file, name, key) else "NOT FOUND")


if __name__ == "__main__":
    main()
