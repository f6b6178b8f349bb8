"""`pip install .` (not editable) gives a working engine: the wheel holds every file of the package,
and installed alone in a fresh environment it builds this repository's site. Offline throughout."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.site_helpers import ROOT

NAME, VERSION = "minhbach", "0.1.0"


def _source_copy(target: Path) -> Path:
    """The repository's tracked files (what a clean checkout holds), copied to `target`."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False)
    if listed.returncode != 0:  # not a checkout: everything but what is never committed
        shutil.copytree(ROOT, target, ignore=shutil.ignore_patterns(".git", ".venv", "site", ".cache", "__pycache__", "*.egg-info", "build"), dirs_exist_ok=True)
        return target
    for name in listed.stdout.decode().split("\0"):
        if name and (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


def _hash(data: bytes) -> str:
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def _wheel_from_setuptools_build(source: Path, out: Path) -> Path:
    """The wheel bdist_wheel would write, put together from setuptools' own `egg_info` and `build_py`
    output (the files and metadata bdist_wheel packs), for a setuptools that cannot write wheels
    itself (before 70.1, without the `wheel` package: the one Python 3.11's venv installs)."""
    build = out / "setuptools-build"
    build.mkdir()
    subprocess.run([sys.executable, "-c", "from setuptools import setup; setup()", "--quiet", "egg_info", "--egg-base", str(build),
                    "build_py", "--build-lib", str(build / "lib")], cwd=source, check=True, capture_output=True)
    egg_info = build / f"{NAME}.egg-info"
    dist_info = f"{NAME}-{VERSION}.dist-info"
    members = {path.relative_to(build / "lib").as_posix(): path.read_bytes() for path in sorted((build / "lib").rglob("*")) if path.is_file()}
    members[f"{dist_info}/METADATA"] = (egg_info / "PKG-INFO").read_bytes()
    members[f"{dist_info}/entry_points.txt"] = (egg_info / "entry_points.txt").read_bytes()
    members[f"{dist_info}/top_level.txt"] = (egg_info / "top_level.txt").read_bytes()
    members[f"{dist_info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: tests.test_packaging\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    record = io.StringIO()
    writer = csv.writer(record, lineterminator="\n")
    for name, data in members.items():
        writer.writerow([name, _hash(data), len(data)])
    writer.writerow([f"{dist_info}/RECORD", "", ""])
    members[f"{dist_info}/RECORD"] = record.getvalue().encode()
    wheel = out / f"{NAME}-{VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return wheel


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel of the repository, built offline from a copy of its tracked files by the test
    environment's own setuptools: with `pip wheel` when that setuptools can write wheels,
    otherwise from its build output (see `_wheel_from_setuptools_build`)."""
    out = tmp_path_factory.mktemp("wheel")
    source = _source_copy(tmp_path_factory.mktemp("source"))
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "--quiet",
                             "-w", str(out), str(source)], capture_output=True, text=True, timeout=300)
    built = sorted(out.glob("*.whl"))
    if result.returncode == 0 and built:
        return built[0]
    assert "bdist_wheel" in result.stderr, result.stderr[-3000:]
    return _wheel_from_setuptools_build(source, out)


def test_the_wheel_holds_every_file_of_the_package(wheel: Path):
    with zipfile.ZipFile(wheel) as archive:
        shipped = {name for name in archive.namelist() if name.startswith(f"{NAME}/")}
    package = {path.relative_to(ROOT).as_posix() for path in (ROOT / NAME).rglob("*")
               if path.is_file() and "__pycache__" not in path.parts and not path.name.endswith(".pyc")}
    assert package - shipped == set()
    assert {f"{NAME}/__init__.py", f"{NAME}/mkdocs/theme/partials/search.html", f"{NAME}/assets/search.js",
            f"{NAME}/assets/vendor/mermaid.min.js"} <= shipped


@pytest.mark.build
@pytest.mark.slow
def test_the_wheel_installed_alone_in_a_fresh_environment_builds_the_real_site(wheel: Path, tmp_path: Path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    site_packages = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                        check=True, capture_output=True, text=True).stdout.strip())
    # The requirements, already installed for the tests; not minhbach itself (.pth files of that folder are not run).
    (site_packages / "_requirements.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
                             capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr[-3000:]
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV", "SOURCE_DATE_EPOCH")}
    env.update(NO_MKDOCS_2_WARNING="1")  # the build's own day, as for `make site` (see the real_site fixture)
    where = subprocess.run([str(python), "-c", "import minhbach.mkdocs.plugin; print(minhbach.mkdocs.plugin.__file__)"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(site_packages), where
    output = tmp_path / "site"
    result = subprocess.run([str(python), "-m", "minhbach.site.build", "--config", str(ROOT / "mkdocs.yml"), "--output", str(output)],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (output / "assets/minhbach/search.js").read_bytes() == (ROOT / "minhbach/assets/search.js").read_bytes()
    assert (output / "assets/minhbach/minhbach.css").is_file()
    home = (output / "index.html").read_text(encoding="utf-8")
    assert "data-mb-search-input" in home, "the search partial of the package's theme overrides Material's"
    assert any((output / "thu-tuc").glob("*/index.html")), "pages generated from the package's templates"
    assert (output / "pagefind").is_dir()
    check = subprocess.run([str(venv / "bin" / "minhbach"), "check", "--no-cache", "--config", str(ROOT / "mkdocs.yml"),
                            "--data", str(ROOT / "data"), "--docs", str(ROOT / "docs")], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout[-3000:] + check.stderr[-3000:]


def test_every_library_the_engine_imports_is_a_declared_dependency():
    """An install from the wheel (`pip install minhbach[site]`) brings every library the engine imports."""
    import ast
    import importlib.metadata
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
                for requirement in [*project["dependencies"], *project["optional-dependencies"]["site"]]}
    imported = set()
    for path in (ROOT / NAME).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    distributions = importlib.metadata.packages_distributions()
    missing = {}
    for module in sorted(imported - set(sys.stdlib_module_names) - {NAME}):
        names = {name.lower().replace("_", "-") for name in distributions.get(module, [module])}
        if not names & declared:
            missing[module] = sorted(names)
    assert missing == {}, "add these to pyproject.toml's dependencies"
