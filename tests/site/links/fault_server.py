"""A local HTTP server with every kind of fault an external link checker meets.

Runs on 127.0.0.1 only, in a thread; the hanging route waits until the server stops.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROUTES = {
    "/ok": "200",
    "/missing": "404",
    "/gone": "410",
    "/error": "500",
    "/forbidden": "403",
    "/redirect/1": "redirect chain",
    "/loop/a": "redirect loop",
    "/busy": "429 with Retry-After",
    "/slow": "200 after 2 s",
    "/hang": "never answers",
}


class _Handler(BaseHTTPRequestHandler):
    stop: threading.Event
    hits: dict[str, int]

    def log_message(self, format, *args):  # noqa: A002 - fixed by the base class
        pass

    def _send(self, status: int, headers: dict[str, str] | None = None, body: bytes = b"") -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self) -> None:  # noqa: N802 - http.server naming
        self.do_GET()

    def do_GET(self) -> None:  # noqa: N802 - http.server naming
        path = self.path.split("?")[0]
        self.hits[path] = self.hits.get(path, 0) + 1
        page = b"<html><body><p>ok</p></body></html>"
        if path == "/ok":
            self._send(200, {"Content-Type": "text/html"}, page)
        elif path in ("/missing", "/gone", "/error", "/forbidden"):
            self._send({"/missing": 404, "/gone": 410, "/error": 500, "/forbidden": 403}[path])
        elif path.startswith("/redirect/"):
            step = int(path.rsplit("/", 1)[1])
            self._send(302, {"Location": "/ok" if step >= 3 else f"/redirect/{step + 1}"})
        elif path in ("/loop/a", "/loop/b"):
            self._send(302, {"Location": "/loop/b" if path == "/loop/a" else "/loop/a"})
        elif path == "/busy":
            self._send(429, {"Retry-After": "1"})
        elif path == "/slow":
            time.sleep(2)
            self._send(200, {"Content-Type": "text/html"}, page)
        elif path == "/hang":
            self.stop.wait(120)
        else:
            self._send(404)


@contextlib.contextmanager
def fault_server() -> Iterator[tuple[str, dict[str, int]]]:
    """Yields the base URL and a dict counting requests per path."""
    stop = threading.Event()
    hits: dict[str, int] = {}
    handler = type("Handler", (_Handler,), {"stop": stop, "hits": hits})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
