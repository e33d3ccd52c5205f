"""Widget files from demo_site/: the rasa-webchat bundle (minus its font CDN import) and Inter.

rasa-webchat's stylesheet imports the Inter font from fonts.googleapis.com. A clinic page must not
tell a third party who visits it, and the machine may be offline, so the import is removed when
the bundle is loaded and chat.css imports the same font from the @fontsource/inter npm package.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from clinic.paths import REPO_ROOT

WEB_DIR_ENV = "CLINIC_WEB_DIR"
FONT_CDN_HOST = "fonts.googleapis.com"
_FONT_CDN_IMPORT = re.compile(r"@import url\(https://fonts\.googleapis\.com/[^)]*\);?")
# Only the weights the widget and the demo page use, in every unicode-range subset.
FONT_FILE = re.compile(r"(400|500|700)\.css|files/inter-[a-z-]+-(400|500|700)-normal\.woff2?")


class MissingWidgetAssets(RuntimeError):
    """demo_site/node_modules is missing or holds an unexpected widget bundle."""


@dataclass(frozen=True)
class WidgetAssets:
    site_dir: Path
    bundle: bytes

    @property
    def widget_dir(self) -> Path:
        return self.site_dir / "widget"

    @property
    def font_dir(self) -> Path:
        return self.site_dir / "node_modules" / "@fontsource" / "inter"


def demo_site_dir() -> Path:
    return Path(os.environ.get(WEB_DIR_ENV) or REPO_ROOT / "demo_site")


def strip_font_cdn_import(bundle: str) -> str:
    """The bundle without its @import of the Inter font from Google Fonts."""
    stripped = _FONT_CDN_IMPORT.sub("", bundle)
    if FONT_CDN_HOST in stripped:
        raise MissingWidgetAssets(
            f"the widget bundle still refers to {FONT_CDN_HOST} in a form this project does not "
            "remove; check the rasa-webchat version in demo_site/package.json"
        )
    return stripped


def load_widget_assets(directory: Path | None = None) -> WidgetAssets:
    root = directory or demo_site_dir()
    bundle_path = root / "node_modules" / "rasa-webchat" / "lib" / "index.js"
    font_css = root / "node_modules" / "@fontsource" / "inter" / "400.css"
    for required in (bundle_path, font_css):
        if not required.is_file():
            raise MissingWidgetAssets(
                f"{required} is missing: install the widget with `npm ci --prefix {root}`"
            )
    bundle = strip_font_cdn_import(bundle_path.read_text(encoding="utf-8"))
    return WidgetAssets(site_dir=root, bundle=bundle.encode("utf-8"))
