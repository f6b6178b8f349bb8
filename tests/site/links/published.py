"""The repository's own site (plus one workflow, which it has not published yet) built as the
publish workflow builds it, and served by 127.0.0.1 at the root or under a sub-path."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.conftest import WORKFLOW
from tests.site_helpers import ROOT

SITE_URL = "https://vi-du.github.io/minhbach/"
WORKFLOW_ID = "qt-hop-phap-hoa"
# One page of every type the site has.
PAGE_TYPES = {
    "home": "",
    "procedure index": "thu-tuc/",
    "procedure": "thu-tuc/chung-nhan-lanh-su-hop-phap-hoa-lanh-su/",
    "legal index": "van-ban/",
    "legal document": "van-ban/qd-45-2006-qd-ttg/",
    "workflow index": "quy-trinh/",
    "workflow": f"quy-trinh/{WORKFLOW_ID}/",
    "announcement index": "thong-bao/",
    "announcement": "thong-bao/tong-dai-bao-ho-cong-dan-bo-ngoai-giao/",
    "archive": "thong-bao/luu-tru/2025/",
    "data index": "du-lieu/",
    "dashboard": "minh-bach/",
    "contacts": "lien-he/",
    "about": "gioi-thieu/",
    "English home": "en/",
    "English procedure": "en/thu-tuc/chung-nhan-lanh-su-hop-phap-hoa-lanh-su/",
    "Chinese announcement": "zh/thong-bao/tong-dai-bao-ho-cong-dan-bo-ngoai-giao/",
    "Chinese contacts": "zh/lien-he/",
}


def build_copy(root: Path, *, site_url: str | None, languages: bool = True) -> Path:
    """Copy the project into `root`, add one workflow, build it like publish.yml; returns the site folder.
    `languages=False` builds the Vietnamese site alone (the site's mkdocs.yml, with no other language)."""
    for name in ("data", "docs", "docs-en", "docs-zh", "macros"):
        shutil.copytree(ROOT / name, root / name)
    for name in ("mkdocs.yml", "mkdocs.en.yml", "mkdocs.zh.yml"):
        shutil.copy(ROOT / name, root / name)
    if not languages:
        (root / "mkdocs.yml").rename(root / "mkdocs.vi.yml")
        (root / "mkdocs.yml").write_text("INHERIT: mkdocs.vi.yml\nextra:\n  alternate: []\n", encoding="utf-8")
    workflow = (WORKFLOW.replace("procedure: hop-phap-hoa", "procedure: chung-nhan-lanh-su-hop-phap-hoa-lanh-su")
                .replace("phong-mot", "phong-lanh-su-hop-tac-quoc-te").replace("forms/to-khai.docx", "forms/khong-dung.docx"))
    workflow = "\n".join(line for line in workflow.splitlines() if "form:" not in line and "Mẫu tờ khai" not in line
                         and "khong-dung.docx" not in line) + "\n"
    (root / "data/workflows").mkdir()
    (root / f"data/workflows/{WORKFLOW_ID}.yml").write_text(workflow, encoding="utf-8")
    # Build day 2026-11-30, the newest date in data/: on an earlier day those dates lie in the future, an error.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1795996800"}
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    result = subprocess.run([sys.executable, "-m", "minhbach.site.build", "--config", str(root / "mkdocs.yml"), "--output", str(root / "site")],
                            cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site under `prefix`, and its 404 page (status 404) for any other path, as GitHub Pages does."""

    prefix = "/"
    site = ""

    def log_message(self, format, *args):  # noqa: A002 - signature fixed by the base class
        pass

    def translate_path(self, path: str) -> str:
        address = unquote(urlsplit(path).path)
        if not address.startswith(self.prefix):
            return os.path.join(self.site, "\0outside")
        return super().translate_path("/" + address[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.site) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve(site: Path, prefix: str = "/") -> Iterator[str]:
    """Serve `site` at http://127.0.0.1:PORT{prefix}; yields that address."""
    handler = type("Handler", (_Handler,), {"prefix": prefix, "site": str(site), "directory": str(site)})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), lambda *args: handler(*args, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"
    finally:
        httpd.shutdown()
        httpd.server_close()
