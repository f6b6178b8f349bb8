"""The pages' Jinja environment: templates compiled once per process (`environment.COMPILED`)."""

from __future__ import annotations

import pytest

from minhbach.pages.environment import CompiledTemplates, environment


def test_a_new_environment_takes_the_templates_as_compiled_before(monkeypatch):
    environment().get_template("procedure.md.j2")
    later = environment()  # one per build, as `PageRenderer` makes it
    monkeypatch.setattr(later, "compile", lambda *args, **kwargs: pytest.fail("compiled again"))
    assert later.get_template("procedure.md.j2").render is not None


def test_a_changed_template_is_compiled_again():
    from jinja2 import DictLoader, Environment

    cache = CompiledTemplates()
    first = Environment(loader=DictLoader({"t.j2": "old {{ x }}"}), bytecode_cache=cache)
    assert first.get_template("t.j2").render(x=1) == "old 1"
    second = Environment(loader=DictLoader({"t.j2": "new {{ x }}"}), bytecode_cache=cache)
    assert second.get_template("t.j2").render(x=1) == "new 1"
