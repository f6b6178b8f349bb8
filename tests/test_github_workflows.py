"""The GitHub workflows lint clean, pin every action to a commit, and keep deploy rights off PRs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def _actionlint() -> str:
    local = Path(sys.executable).parent / "actionlint"
    found = str(local) if local.exists() else shutil.which("actionlint")
    if found is None:
        pytest.fail("actionlint is not installed (it comes with requirements-dev.txt)")
    return found


def test_there_are_workflows():
    assert {path.name for path in WORKFLOWS} >= {"publish.yml", "tests.yml", "nightly.yml"}


def test_actionlint_finds_nothing():
    result = subprocess.run([_actionlint(), *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_report_a_broken_workflow(tmp_path: Path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.x }\n")
    result = subprocess.run([_actionlint(), str(broken)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_commit_sha_with_its_tag(workflow: Path):
    for line in workflow.read_text(encoding="utf-8").splitlines():
        if "uses:" in line:
            assert re.search(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$", line), line


def test_pull_requests_cannot_deploy():
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read"}
    deploy = workflow["jobs"]["deploy"]
    assert "pull_request" in deploy["if"] and "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    build = workflow["jobs"]["build"]
    assert set(build.get("permissions", {}).values()) <= {"read"}, "the build job only reads"
    commands = " ".join(step.get("run", "") for step in build["steps"])
    assert "minhbach check" in commands and "make site" in commands


def test_the_nightly_check_reports_in_an_issue_and_cannot_block_merges():
    workflow = yaml.safe_load((ROOT / ".github/workflows/nightly.yml").read_text(encoding="utf-8"))
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads "on" as true
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    job = workflow["jobs"]["freshness-and-links"]
    assert job["permissions"] == {"contents": "read", "issues": "write"}
    script = " ".join(step.get("run", "") for step in job["steps"])
    assert "minhbach check" in script and "links site --external" in script
    assert "gh issue edit" in script and "gh issue create" in script
