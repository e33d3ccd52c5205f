"""A deliberately vulnerable web app, served on loopback for one test: it shows that the hostile
web probes fail against the mistakes they look for.

`/files/<name>` joins the requested name to a folder of the repository without any check (path
traversal); `/leads/<reference>` and `/login` take a POST without any CSRF token."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path

from flask import Flask, abort, redirect
from werkzeug.serving import make_server

from testkit.stack import REPO_ROOT

SERVED_FOLDER = REPO_ROOT / "clinic" / "web" / "static"


def create_naive_app(folder: Path = SERVED_FOLDER) -> Flask:
    app = Flask(__name__)

    @app.get("/files/<path:name>")
    def naive_file(name: str) -> str:
        path = Path(str(folder) + "/" + name)
        if not path.is_file():
            abort(404)
        return path.read_text(encoding="utf-8", errors="replace")

    @app.post("/login")
    @app.post("/logout")
    @app.post("/leads/<reference>")
    def naive_post(reference: str = "") -> object:
        return redirect(f"/leads/{reference}", code=303)

    return app


@contextlib.contextmanager
def naive_server() -> Iterator[int]:
    """The naive app on 127.0.0.1 at a free port, which is yielded; stopped when the block ends."""
    server = make_server("127.0.0.1", 0, create_naive_app(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        thread.join(timeout=10)
