"""The demo site app: widget files, the font served locally, the socket URL and the headers."""

from __future__ import annotations

import pytest

from clinic.web.site import SiteConfig, SiteConfigError, create_app, parse_socket_url
from clinic.web.widget_assets import (
    FONT_CDN_HOST,
    MissingWidgetAssets,
    demo_site_dir,
    load_widget_assets,
    strip_font_cdn_import,
)

FONT_IMPORT = "@import url(https://fonts.googleapis.com/css?family=Inter:400,500,700&display=swap);"


@pytest.fixture
def fake_site(tmp_path):
    """A demo_site/ folder as `npm ci` leaves it, with a tiny stand-in for the widget bundle."""
    (tmp_path / "widget").mkdir()
    (tmp_path / "widget" / "chat.js").write_text("/* bootstrap */", encoding="utf-8")
    (tmp_path / "widget" / "chat.css").write_text("/* theme */", encoding="utf-8")
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "site.css").write_text("body {}", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<script src="/widget/chat.js" data-socket-url="{{ socket_url }}"></script>',
        encoding="utf-8",
    )
    bundle = tmp_path / "node_modules" / "rasa-webchat" / "lib"
    bundle.mkdir(parents=True)
    (bundle / "index.js").write_text(
        f'var css = "{FONT_IMPORT}.rw-launcher{{color:red}}";', encoding="utf-8"
    )
    font = tmp_path / "node_modules" / "@fontsource" / "inter"
    (font / "files").mkdir(parents=True)
    (font / "400.css").write_text("@font-face{}", encoding="utf-8")
    (font / "files" / "inter-latin-400-normal.woff2").write_bytes(b"wOF2")
    (font / "package.json").write_text("{}", encoding="utf-8")
    return tmp_path


@pytest.fixture
def client(fake_site):
    config = SiteConfig(socket_url="https://chat.example.org")
    return create_app(config, load_widget_assets(fake_site)).test_client()


def test_font_cdn_import_is_removed_from_the_bundle():
    stripped = strip_font_cdn_import(f'"{FONT_IMPORT}.rw-title{{font-family:Inter}}"')
    assert stripped == '".rw-title{font-family:Inter}"'


def test_an_unknown_reference_to_the_font_cdn_is_refused():
    with pytest.raises(MissingWidgetAssets, match=FONT_CDN_HOST):
        strip_font_cdn_import('@import "https://fonts.googleapis.com/css2?family=Inter";')


def test_the_installed_widget_bundle_has_no_font_cdn_reference_left():
    assets = load_widget_assets(demo_site_dir())
    assert FONT_CDN_HOST.encode() not in assets.bundle
    assert b".rw-launcher" in assets.bundle


def test_missing_npm_install_is_a_clear_error(tmp_path):
    with pytest.raises(MissingWidgetAssets, match="npm ci"):
        load_widget_assets(tmp_path)


def test_page_points_the_widget_at_the_configured_socket_url(client):
    page = client.get("/")
    assert page.status_code == 200
    assert 'data-socket-url="https://chat.example.org"' in page.get_data(as_text=True)
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert "connect-src 'self' https://chat.example.org wss://chat.example.org;" in policy
    assert "frame-ancestors 'none'" in policy
    assert page.headers["X-Frame-Options"] == "DENY"


def test_bundle_is_served_without_the_font_cdn(client):
    response = client.get("/widget/webchat.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.get_data(as_text=True) == 'var css = ".rw-launcher{color:red}";'
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert (
        client.get(
            "/widget/webchat.js", headers={"If-None-Match": response.headers["ETag"]}
        ).status_code
        == 304
    )


def test_widget_files_and_font_are_served_for_other_origins(client):
    for path in (
        "/widget/chat.js",
        "/widget/chat.css",
        "/widget/fonts/inter/400.css",
        "/widget/fonts/inter/files/inter-latin-400-normal.woff2",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert client.get("/css/site.css").status_code == 200


def test_only_the_widget_and_font_files_are_served(client):
    for path in (
        "/widget/index.js",
        "/widget/fonts/inter/package.json",
        "/widget/fonts/inter/../../rasa-webchat/lib/index.js",
        "/index.html",
    ):
        assert client.get(path).status_code == 404, path


@pytest.mark.parametrize("value", ["localhost:5005", "ftp://chat.example.org", "https://"])
def test_socket_url_must_be_an_http_url(value):
    with pytest.raises(SiteConfigError, match="CHAT_SOCKET_URL"):
        parse_socket_url(value)


def test_socket_url_keeps_only_scheme_and_host():
    assert parse_socket_url(" https://chat.example.org/socket.io/ ") == "https://chat.example.org"
