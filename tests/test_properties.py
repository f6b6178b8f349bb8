"""Whatever bytes an editor saves, loading and validating returns findings and never raises."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minhbach.findings import Finding
from minhbach.model import KINDS
from minhbach.load.source import load, parse
from minhbach.load.validate import validate

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates(),
    st.sampled_from(["2026-02-31", "15/03/2026", "toan_trinh", "con_hieu_luc", "truc_tiep", "phong-mot", "~", "yes"]),
)
keys = st.one_of(st.text(max_size=12), st.sampled_from(sorted(KINDS["procedure"].model.model_fields)))
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=6)),
    max_leaves=40,
)
yaml_tokens = st.lists(
    st.sampled_from(["a", ":", " ", "\n", "  ", "-", "\t", "&x", "*x", "[", "]", "{", "}", ",", "'", '"', "#", "!!str", "!t",
                     "<<", "?", "|", ">", "2026-02-31", "hộ", "\u0323", "\ufeff", "\x00", "%YAML 1.1", "---", "..."]),
    max_size=40,
).map("".join)


def assert_findings(findings: list[Finding]) -> None:
    for finding in findings:
        assert isinstance(finding, Finding)
        assert finding.code and finding.message
        assert finding.line >= 0 and finding.column >= 0


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(tmp_path: Path, raw: bytes):
    file = tmp_path / "x.yml"
    file.write_bytes(raw)
    doc, findings = load(file, "x.yml")
    assert_findings(findings)
    if doc is not None:
        for kind in KINDS.values():
            _, more = validate(doc, kind)
            assert_findings(more)


@SETTINGS
@given(yaml_tokens)
def test_arbitrary_yaml_like_text_never_raises(text: str):
    doc, findings = parse("x.yml", text)
    assert_findings(findings)
    assert doc is not None or findings, "a rejected file always says why"


@SETTINGS
@given(documents)
def test_arbitrary_yaml_documents_validate_to_findings(data):
    text = yaml.safe_dump(data, allow_unicode=True)
    doc, findings = parse("x.yml", text)
    assert_findings(findings)
    if doc is None:
        assert findings
        return
    for kind in KINDS.values():
        record, more = validate(doc, kind)
        assert_findings(more)
        assert (record is None) == bool(more)


def test_dates_survive_a_round_trip():
    doc, _ = parse("x.yml", yaml.safe_dump({"d": dt.date(2026, 3, 15)}))
    assert doc.data == {"d": dt.date(2026, 3, 15)}
