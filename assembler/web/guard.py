"""Headers and limits on every response and request: a content security policy, no framing, no
sniffing, no caching of what a user typed; request bodies capped; posts only from this site."""

from __future__ import annotations

from urllib.parse import urlsplit

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


class Guard:
    """ASGI middleware. The body limit counts bytes as they arrive, so a client that lies about (or
    omits) Content-Length is cut off too. A cross-site post is refused by its Origin header; the app
    sets no cookies, so there is no session for another site to ride (no CSRF token is needed)."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        if scope["method"] == "POST":
            origin = headers.get(b"origin", b"").decode("latin-1")
            host = headers.get(b"host", b"").decode("latin-1")
            if origin and origin != "null" and urlsplit(origin).netloc != host:
                return await _refuse(send, 403, "Cross-site form posts are refused.")
            length = headers.get(b"content-length")
            if length is not None and length.isdigit() and int(length) > self.limit:
                return await _refuse(send, 413, f"The upload is larger than {self.limit:,} bytes.")
        seen = 0

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise TooLarge()
            return message

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *HEADERS]}
            await send(message)

        try:
            await self.app(scope, counted, with_headers)
        except TooLarge:
            await _refuse(send, 413, f"The upload is larger than {self.limit:,} bytes.")


class TooLarge(Exception):
    pass


async def _refuse(send, status: int, text: str) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), *HEADERS]})
    await send({"type": "http.response.body", "body": text.encode()})
