"""What a translated site's build prints: nothing that the source language's build has printed already.

`site.build` builds every language one after another (`make site`). Each build loads the same data and
runs the same checks (`checks.project.check_project`, whose translation checks look at every language
of the site in every build), so each would print the same warning counts, and mkdocs-macros the same
set-up lines. The source language's build prints them; a translated language's build logs its counts
at DEBUG and lets mkdocs-macros print only its warnings and errors, unless MkDocs runs with `--verbose`.
Errors are printed by every build (the first build with one stops the rest).
"""

from __future__ import annotations

import logging

MACROS_LOGGER = "mkdocs.plugins.mkdocs_macros"
"""The logger of mkdocs-macros (its module `mkdocs_macros.util` logs as "mkdocs.plugins.mkdocs_macros.util",
under MkDocs' "mkdocs.plugins." convention; checked on mkdocs-macros-plugin 1.5.0)."""


def counts_level(*, translated: bool) -> int:
    """The level of the checks' warning counts in a build: INFO for the source language, DEBUG for a translated one."""
    return logging.DEBUG if translated else logging.INFO


def quiet_repeated_lines(*, translated: bool) -> None:
    """Let mkdocs-macros log its set-up lines (INFO) in the source language's build only, or with `--verbose`.

    Its warnings and errors are logged in every build, so MkDocs' strict mode still counts them.
    """
    verbose = logging.getLogger("mkdocs").getEffectiveLevel() <= logging.DEBUG
    logging.getLogger(MACROS_LOGGER).setLevel(logging.WARNING if translated and not verbose else logging.NOTSET)
