"""Demo clinic site: one page that hosts the chat widget, plus the widget's files for other sites.

Run: `python -m clinic.web.site --port 8080`. Env CHAT_SOCKET_URL is where the widget finds
Rasa's socket.io channel (default http://localhost:5005); CLINIC_WEB_DIR overrides demo_site/.
Everything under /widget/ is what the clinic's real site loads (see "Embedding the widget on the
clinic's website" in docs/widget.md).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import Flask, Response, abort, render_template, request, send_from_directory

from clinic.web.headers import add_security_headers
from clinic.web.serving import serve_from_command_line
from clinic.web.widget_assets import (
    FONT_FILE,
    MissingWidgetAssets,
    WidgetAssets,
    load_widget_assets,
)

SOCKET_URL_ENV = "CHAT_SOCKET_URL"
DEFAULT_SOCKET_URL = "http://localhost:5005"
WIDGET_FILES = frozenset({"chat.js", "chat.css"})


class SiteConfigError(ValueError):
    """The demo site's configuration cannot be used."""


@dataclass(frozen=True)
class SiteConfig:
    socket_url: str

    @classmethod
    def from_env(cls) -> SiteConfig:
        return cls(socket_url=parse_socket_url(os.environ.get(SOCKET_URL_ENV, DEFAULT_SOCKET_URL)))

    @property
    def socket_origins(self) -> tuple[str, str]:
        """The socket URL's origin over HTTP(S) (polling) and over WebSocket."""
        parts = urlsplit(self.socket_url)
        websocket_scheme = "wss" if parts.scheme == "https" else "ws"
        return f"{parts.scheme}://{parts.netloc}", f"{websocket_scheme}://{parts.netloc}"


def parse_socket_url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SiteConfigError(
            f"{SOCKET_URL_ENV} must be an http(s) URL such as {DEFAULT_SOCKET_URL}, got {value!r}"
        )
    return f"{parts.scheme}://{parts.netloc}"


def page_policy(config: SiteConfig) -> str:
    # The widget injects <style> elements and style attributes, hence 'unsafe-inline' for styles
    # only; scripts come from this origin alone.
    connect = " ".join(("'self'", *config.socket_origins))
    return (
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        f"font-src 'self' data:; img-src 'self' data:; connect-src {connect}; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


def create_app(config: SiteConfig | None = None, assets: WidgetAssets | None = None) -> Flask:
    config = config or SiteConfig.from_env()
    assets = assets or load_widget_assets()
    app = Flask(
        __name__,
        static_folder=str(assets.site_dir / "css"),
        static_url_path="/css",
        template_folder=str(assets.site_dir),
    )
    policy = page_policy(config)

    @app.get("/")
    def index() -> str:
        return render_template("index.html", socket_url=config.socket_url)

    @app.get("/widget/webchat.js")
    def widget_bundle() -> Response:
        response = Response(assets.bundle, mimetype="text/javascript")
        response.add_etag()
        return response.make_conditional(request)

    @app.get("/widget/<name>")
    def widget_file(name: str) -> Response:
        if name not in WIDGET_FILES:
            abort(404)
        return send_from_directory(assets.widget_dir, name)

    @app.get("/widget/fonts/inter/<path:name>")
    def font_file(name: str) -> Response:
        if not FONT_FILE.fullmatch(name):
            abort(404)
        return send_from_directory(assets.font_dir, name)

    @app.after_request
    def headers(response: Response) -> Response:
        if request.path.startswith("/widget/"):
            # Other origins (the clinic's real site) load these files; fonts need CORS for that.
            response.headers["Access-Control-Allow-Origin"] = "*"
            response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
        return add_security_headers(response, policy)

    return app


def main() -> None:
    serve_from_command_line(
        create_app,
        prog="python -m clinic.web.site",
        description="ProClinix demo site with the chat widget",
        default_port=8080,
        config_errors=(SiteConfigError, MissingWidgetAssets),
    )


if __name__ == "__main__":
    main()
