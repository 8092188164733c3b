"""``verbale serve``: the web reader and REST API on a corpus.

Registered on the main command group by the import at the end of
verbale/cli.py. Needs the ``web`` extra; without it the command says how to
install it instead of failing on an import.
"""

from __future__ import annotations

import ipaddress
import json
import os
from pathlib import Path
from typing import Optional

import click

from .cli import _friendly, main
from .cli_corpus import db_option

ENV_TOKEN = "VERBALE_TOKEN"


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0: every interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token", envvar=ENV_TOKEN, default=None,
              help=f"Allow uploads to those who send this token (also ${ENV_TOKEN}, "
                   "which keeps it out of the process list). Without it, writes are off.")
@click.option("--max-upload", type=click.IntRange(1), default=25, show_default=True,
              metavar="MIB", help="Largest file an upload may send, in MiB.")
@click.option("--cors", is_flag=True, help="Let pages of any origin read the API (GET only).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes (one per CPU serves the most requests).")
@_friendly
def serve_command(db: Path, host: str, port: int, token: Optional[str], max_upload: int,
                  cors: bool, workers: int) -> None:
    """Serve the corpus: a web reader and a REST API (OpenAPI at /openapi.json).

    Every page has a JSON twin at the same path plus .json. With --token,
    `POST /documents` parses and stores uploaded PDFs and text files.

    \b
    Examples:
      verbale serve --db verbale.db
      VERBALE_TOKEN=s3cret verbale serve --db verbale.db --port 8080
      verbale serve --db verbale.db --host 0.0.0.0 --workers 4
    """
    try:
        import uvicorn

        from .web import create_app
        from .web.app import ENV_CONFIG
    except ImportError as exc:
        raise click.ClickException(f"verbale serve needs the web extra ({exc.name} is "
                                   "missing): pip install 'verbale[web]'") from None
    token = token or None
    app = create_app(db, token=token, max_upload=max_upload * 2**20, cors=cors)
    if token and not _loopback(host):
        click.echo("verbale: the token travels in clear over plain HTTP; put a TLS proxy "
                   "in front when serving beyond this machine", err=True)
    click.echo(f"verbale: serving {db} at http://{host}:{port}/ (writes "
               f"{'on' if token else 'off'}); Ctrl-C stops", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
        return
    # Several processes: each builds its own app from the environment.
    os.environ[ENV_CONFIG] = json.dumps({"db": str(db), "max_upload": max_upload * 2**20,
                                         "cors": cors})
    if token:
        os.environ[ENV_TOKEN] = token
    uvicorn.run("verbale.web.app:app_from_env", factory=True, workers=workers, host=host,
                port=port, log_level="warning", server_header=False)


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


main.add_command(serve_command)
