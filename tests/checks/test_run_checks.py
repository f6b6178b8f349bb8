"""Every check over one catalogue: the same findings, in the same order, whether the checks run one
after another or side by side in forked processes."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from minhbach.catalog import load_catalog
from minhbach.checks import CheckContext, all_checks, run_checks

ROOT = Path(__file__).resolve().parents[2]


def test_checks_side_by_side_find_what_they_find_one_after_another(monkeypatch, tmp_path: Path):
    catalog, _ = load_catalog(ROOT / "data", display_base=ROOT)
    context = CheckContext(today=dt.date(2027, 6, 1))  # late enough for review and lag findings
    checks = all_checks()

    def noting(check):
        def run(catalog, context):
            (tmp_path / str(os.getpid())).touch()  # seen from every process
            return check(catalog, context)
        return run

    def ran_in() -> set[int]:
        return {int(path.name) for path in tmp_path.iterdir()}

    monkeypatch.setattr("minhbach.checks.all_checks", lambda: [noting(check) for check in checks])
    one_after_another = run_checks(catalog, context)
    assert ran_in() == {os.getpid()}
    side_by_side = run_checks(catalog, context, workers=2)
    assert ran_in() - {os.getpid()}, "the checks ran in forked workers"
    assert len(one_after_another) > 50 and side_by_side == one_after_another
