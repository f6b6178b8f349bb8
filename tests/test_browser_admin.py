"""The web editor at /admin/ in a real Chromium: Vietnamese, every request on 127.0.0.1, the record kinds and
a procedure's fields shown, and what it saves read back by `check`.

Sveltia CMS is driven in its local-repository mode, which reads and writes a folder through the browser's
File System Access API: `window.showDirectoryPicker` is replaced by a function returning a folder of the
origin-private file system filled with the test project's records (and the `.git` folder Sveltia looks for),
so no dialog is needed and no sign-in. Checked on Sveltia CMS 0.221.1 (`exports.admin.SVELTIA_VERSION`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from minhbach.checks.project import check_project
from minhbach.exports import admin
from minhbach.model import KINDS
from tests.conftest import TODAY, VALID_FILES, write_project
from tests.site_helpers import build, make_site_project
from tests.test_browser import _serve, browser  # noqa: F401 - the Chromium fixture

pytestmark = pytest.mark.browser

PICK_PRIVATE_FOLDER = "window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('repo');"
FILL = """async (files) => {
  const repo = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo', {create: true});
  await repo.getDirectoryHandle('.git', {create: true});
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split('/');
    let folder = repo;
    for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part, {create: true});
    const writable = await (await folder.getFileHandle(parts.at(-1), {create: true})).createWritable();
    await writable.write(text);
    await writable.close();
  }
}"""
READ = """async (path) => {
  let folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
  const parts = path.split('/');
  for (const part of parts.slice(0, -1)) folder = await folder.getDirectoryHandle(part);
  try {
    return await (await (await folder.getFileHandle(parts.at(-1))).getFile()).text();
  } catch (error) {
    return '';  // being written: NotReadableError until the editor closes the file
  }
}"""
MODELINE = "# yaml-language-server: $schema=../../schemas/record.schema.json\n"  # as records start; the editor drops it
RECORDS = {path: text for path, text in VALID_FILES.items() if path.startswith("data/")}
LOCAL_REPOSITORY = "Làm việc với kho mã nguồn cục bộ"  # Sveltia's own Vietnamese string: the interface is in Vietnamese


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = make_site_project(tmp_path_factory.mktemp("admin-site"), {"docs/huong-dan-bien-tap.md": "# Hướng dẫn biên tập\n\nCác loại bản ghi.\n"})
    result = build(root, links=False, search=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return root


@pytest.fixture(scope="module")
def admin_url(project: Path) -> Iterator[str]:
    with _serve(project / "site") as url:
        yield url + "admin/"


@pytest.fixture()
def editor(admin_url: str, browser):  # noqa: F811 - the fixture imported above
    """(page, requested URLs) with the editor signed in to a local copy of the test project's records."""
    context = browser.new_context(locale="vi-VN")
    context.add_init_script(PICK_PRIVATE_FOLDER)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(admin_url, wait_until="networkidle")
    page.evaluate(FILL, {path: MODELINE + text for path, text in RECORDS.items()})
    page.get_by_text(LOCAL_REPOSITORY).click()
    page.wait_for_selector(f"text={KINDS['procedure'].label}", timeout=30_000)
    yield page, requested
    context.close()


def _entry(page, admin_url: str, kind: str, record_id: str) -> None:
    page.goto(f"{admin_url}#/collections/{kind}/entries/{record_id}", wait_until="networkidle")
    page.wait_for_selector("section[data-key-path='id'] input", timeout=30_000)


def test_editor_shows_every_kind_and_a_procedures_fields_from_this_site_only(editor, admin_url: str):
    page, requested = editor
    for kind in KINDS.values():  # the collection list, as Sveltia fills it in
        page.get_by_text(kind.label, exact=True).first.wait_for(timeout=30_000)
    _entry(page, admin_url, "procedure", "hop-phap-hoa")
    shown: set[str] = set()
    for _ in range(30):  # Sveltia renders the fields as they scroll into view
        shown |= set(page.eval_on_selector_all("section[data-key-path]", "sections => sections.map(s => s.dataset.keyPath)"))
        if set(KINDS["procedure"].model.model_fields) <= shown:
            break
        page.eval_on_selector_all("section[data-key-path]", "sections => sections.at(-1).scrollIntoView()")
        page.wait_for_timeout(200)
    for name in KINDS["procedure"].model.model_fields:
        assert name in shown, name
    assert page.locator("section[data-key-path='id'] input").input_value() == "hop-phap-hoa"
    assert page.locator("section[data-key-path='name'] h4").inner_text() == KINDS["procedure"].model.model_fields["name"].title
    hosts = {urlsplit(url).hostname for url in requested if urlsplit(url).scheme in ("http", "https", "ws", "wss")}
    assert hosts == {"127.0.0.1"}, sorted(url for url in requested if urlsplit(url).hostname != "127.0.0.1")
    assert any(url.endswith("/admin/locales/vi.json") for url in requested)
    assert any(url.endswith("/admin/fonts/material-symbols-outlined-latin-wght-normal.woff2") for url in requested)


def test_editor_links_the_editors_guide(admin_url: str, browser):  # noqa: F811 - the fixture imported above
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    page.goto(admin_url, wait_until="networkidle")
    page.get_by_text(LOCAL_REPOSITORY).wait_for()
    link = page.get_by_role("link", name="Hướng dẫn biên tập")
    assert link.get_attribute("href") == "../huong-dan-bien-tap/"
    response = page.goto(admin_url + link.get_attribute("href"))
    assert response is not None and response.status == 200 and "Các loại bản ghi." in page.inner_text("body")
    context.close()


@pytest.mark.parametrize(("kind", "path"), [
    ("legal", "data/legal/nd-111-2011.yml"),
    ("procedure", "data/procedures/hop-phap-hoa.yml"),  # pending plain values, a pending part of a mapping, `requirements: []`
    ("unit", "data/units/phong-mot.yml"),  # a pending e-mail address, a list of telephone numbers
])
def test_a_record_saved_by_the_editor_keeps_its_data_and_passes_check(editor, admin_url: str, tmp_path: Path, kind: str, path: str):
    """Only the edited part changes in the data; the modeline and the layout go, and `check` needs neither."""
    page, _ = editor
    record_id = Path(path).stem
    _entry(page, admin_url, kind, record_id)
    page.locator("section[data-key-path='review_in'] input").fill("3 tháng")
    page.get_by_role("button", name="Lưu").first.click()
    for _ in range(100):
        saved = page.evaluate(READ, path)
        if "3 tháng" in saved:
            break
        page.wait_for_timeout(200)
    else:
        page.screenshot(path="/tmp/admprobe/fail.png")
        invalid = page.eval_on_selector_all("section[data-key-path]:has([aria-invalid='true'])", "s => s.map(x => x.dataset.keyPath)")
        raise AssertionError(f"the editor did not save; fields it found invalid: {invalid}")
    assert "yaml-language-server" not in saved  # really the editor's own output
    assert yaml.safe_load(saved) == {**yaml.safe_load(RECORDS[path]), "review_in": "3 tháng"}
    write_project(tmp_path, {**VALID_FILES, **{name: MODELINE + text for name, text in RECORDS.items()}})
    _, by_hand = check_project(tmp_path / "data", tmp_path / "docs", TODAY, display_base=tmp_path)
    write_project(tmp_path, {path: saved})
    catalog, after = check_project(tmp_path / "data", tmp_path / "docs", TODAY, display_base=tmp_path)
    assert {(f.code, f.severity) for f in after} <= {(f.code, f.severity) for f in by_hand}, [f for f in after if f.is_error]
    assert str(catalog.get(kind, record_id).review_in) == "3 tháng"
    assert admin.SVELTIA_VERSION == "0.221.1"
