"""`python -m verbale …` runs the command line."""

from .cli import main

main()
