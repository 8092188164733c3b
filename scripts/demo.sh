#!/usr/bin/env bash
# Install verbale in .venv and parse the bundled sample letter (PDF) to Markdown and JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet .
.venv/bin/verbale parse --format markdown samples/letter.pdf
.venv/bin/verbale parse samples/letter.pdf -o letter.json
echo "verbale: the full JSON of the sample is in letter.json"
