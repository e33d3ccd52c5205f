"""Security headers shared by the demo site and the staff page."""

from __future__ import annotations

from flask import Response


def add_security_headers(response: Response, content_security_policy: str) -> Response:
    response.headers["Content-Security-Policy"] = content_security_policy
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    return response
