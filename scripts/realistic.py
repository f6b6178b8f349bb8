"""Realistic benchmark data: the project's own records in `data/`, each copied many times with a new
id and varied words and numbers, for the benchmark (never written into data/).

A copy keeps its record's layout, comments, pending parts, translations, dates and legal
references line for line, so it is as long as the record it varies and carries the same findings;
copy 0 of every record is the record itself (the hand-written pages link to it). In copy `n` of a
record (n > 0):

- every id of a record of `data/` becomes the id of copy `n % copies` of that record
  (`luat-49-2019-qh14` in copy 5 of a procedure, with 3 copies of the law: `luat-49-2019-qh14-0002`),
  wherever it is written: keys, lists, Markdown links;
- in text of at least three words, about one word in six is replaced by a word of the same
  language taken from the real records, and one number in two by another of as many digits;
  in Chinese text, one character in six by another of the real records. Web and e-mail addresses
  and link targets are left as they are; so are keys, ids, codes, dates and single values;
- a legal document's number gets a new leading number (`25/2021/TT-BTC` becomes `1025/2021/TT-BTC`).

Deterministic for a given seed. The project's configuration and hand-written pages (every
language) are copied as they are, so the generated project builds like the real one.
"""

from __future__ import annotations

import random
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_FILES = ("mkdocs.yml", "mkdocs.en.yml", "mkdocs.zh.yml", "docs", "docs-en", "docs-zh", "macros", "search", "translation")
"""What a project needs besides data/ to build as the real site does."""

DEFAULT_RECORDS = {"procedures": 2000, "legal": 2000, "events": 3000, "funding": 1000, "notices": 4000, "fields": 20, "units": 12}
"""Records per folder at scale 1: the kind mix of the synthetic province (scripts/synthetic.py) less its
300 workflows, of which data/ has no real example to vary."""

WORD_SHARE = 1 / 6
NUMBER_SHARE = 1 / 2
HAN_SHARE = 1 / 6
_KEY_LINE = re.compile(r"^(\s*(?:-\s+)?[A-Za-z_][\w]*:)(\s.*)?$")
_ITEM_LINE = re.compile(r"^(\s*-\s+)(.*)$")
_KEPT = re.compile(r"https?://\S+|[\w.+-]+@[\w-]+\.[\w.]+|\]\([^)]*\)|[a-z0-9]+(?:[-_][a-z0-9]+)+")
"""Addresses, link targets, ids and codes: kept as they are."""
_DATE_WORDS = {"ngày", "tháng", "năm"}
"""Kept, so that "ngày 07 tháng 4 năm 2021" stays a date its translations repeat."""
_UNCHANGED = {"review_in"}
"""Keys whose values are kept: how often a record is reviewed decides its `review-due` findings."""
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"(?<![\w/.-])[^\W\d_]{2,}(?![\w/:-])")  # not a key of a flow mapping (`{pending: ...}`)
_NUMBER = re.compile(r"(?<![\d.,])\d+(?![\d])")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_YAML_WORDS = {"yes", "no", "true", "false", "null", "on", "off"}
"""Words YAML 1.1 reads as something other than text, never put in a record."""
_LANGUAGE_KEY = re.compile(r"^  (en|zh):\s*$")


@dataclass(frozen=True)
class Written:
    """What `write_project` wrote: records per folder, and how many copies of each real record."""

    records: dict[str, int]
    copies: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.records.values())


def _languages(lines: list[str]) -> list[str]:
    """The language of each line of a record file: 'vi', or that of the `translations:` block it is in."""
    language, found = "vi", []
    inside = False
    for line in lines:
        if line and not line[0].isspace() and not line.startswith("#"):
            inside = line.startswith("translations:")
            language = "vi"
        elif inside:
            matched = _LANGUAGE_KEY.match(line)
            if matched:
                language = matched.group(1)
        found.append(language)
    return found


def vocabulary(files: list[Path]) -> dict[str, list[str]]:
    """Words (lower case) of the real records by language, and 'han': their Chinese characters."""
    words: dict[str, Counter[str]] = {"vi": Counter(), "en": Counter(), "zh": Counter(), "han": Counter()}
    for file in files:
        lines = file.read_text(encoding="utf-8").splitlines()
        for line, language in zip(lines, _languages(lines), strict=True):
            value = _value(line)[1]
            if value is None:
                continue
            words["han"].update(_HAN.findall(value))
            words[language].update(word.lower() for word in _WORD.findall(_KEPT.sub(" ", value)) if not _HAN.search(word))
    return {language: sorted(set(found) - _YAML_WORDS) for language, found in words.items()}


def _value(line: str) -> tuple[str, str | None]:
    """(what stays, the value part) of one YAML line; the value is None for comments."""
    if line.lstrip().startswith("#"):
        return line, None
    matched = _KEY_LINE.match(line) or _ITEM_LINE.match(line)
    if matched:
        return matched.group(1), matched.group(2) or ""
    return "", line


class _Variation:
    """The changes of one copy of one record: words and characters at random, each number the same
    way everywhere in the record (a translation keeps the numbers of the text it translates)."""

    def __init__(self, rng: random.Random, vocab: dict[str, list[str]]) -> None:
        self.rng, self.vocab = rng, vocab
        self.numbers: dict[int, int] = {}

    def number(self, found: re.Match[str]) -> str:
        digits = found.group(0)
        value = int(digits)
        if value not in self.numbers:
            if self.rng.random() >= NUMBER_SHARE or value <= 31:  # days and months kept: dates stay the dates translations repeat
                self.numbers[value] = value
            elif 1990 <= value <= 2099:
                self.numbers[value] = self.rng.randint(2000, 2030)
            else:
                self.numbers[value] = self.rng.randint(10 ** (len(str(value)) - 1), 10 ** len(str(value)) - 1)
        return str(self.numbers[value]).zfill(len(digits))

    def text(self, text: str, language: str, *, inside_text: bool) -> str:
        words, han = self.vocab[language], self.vocab["han"]

        def word(found: re.Match[str]) -> str:
            original = found.group(0)
            if self.rng.random() >= WORD_SHARE or not words or original.lower() in _DATE_WORDS:
                return original
            new = self.rng.choice(words)
            return new.capitalize() if original[0].isupper() else new

        if len(text.split()) >= 3:
            text = _WORD.sub(word, text)
        if inside_text or _LETTER.search(text):
            text = _NUMBER.sub(self.number, text)
        return _HAN.sub(lambda found: self.rng.choice(han) if self.rng.random() < HAN_SHARE else found.group(0), text)

    def line(self, line: str, language: str) -> str:
        """One line of a record with its free text varied (see the module's docstring); keys, addresses
        and single values unchanged."""
        kept, value = _value(line)
        if not value or kept.strip().rstrip(":") in _UNCHANGED:
            return line
        parts, last = [], 0
        for found in _KEPT.finditer(value):
            parts.append(self.text(value[last:found.start()], language, inside_text=not kept))
            parts.append(found.group(0))
            last = found.end()
        parts.append(self.text(value[last:], language, inside_text=not kept))  # a line of a longer text
        return kept + "".join(parts)


def copy_id(record_id: str, copy: int) -> str:
    return record_id if copy == 0 else f"{record_id}-{copy:04d}"


def write_project(root: Path, scale: float = 1.0, *, seed: int = 7, source: Path = ROOT, real: bool = False) -> Written:
    """Write data/ (varied copies of `source`'s records, `DEFAULT_RECORDS` times `scale` per folder), and
    the configuration and hand-written pages of `source`, under `root`. With `real`, data/ is
    `source`'s own, unchanged: the real site, built and checked the same way."""
    root.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, root / name)
        elif path.exists():
            shutil.copy2(path, root / name)
    data = source / "data"
    folders = sorted(folder.name for folder in data.iterdir() if folder.is_dir())
    reals = {folder: sorted((data / folder).glob("*.yml")) for folder in folders}
    if real:
        shutil.copytree(data, root / "data")
        return Written({folder: len(files) for folder, files in reals.items()}, {folder: 1 for folder in folders})
    wanted = {folder: max(len(reals[folder]), round(DEFAULT_RECORDS.get(folder, len(reals[folder])) * scale)) for folder in folders}
    copies = {folder: -(-wanted[folder] // len(reals[folder])) for folder in folders}  # the last copy may be partial
    per_id = {}
    for folder in folders:
        for index, file in enumerate(reals[folder]):
            per_id[file.stem] = len(range(index, wanted[folder], len(reals[folder])))
    ids = re.compile(r"(?<![\w-])(" + "|".join(re.escape(i) for i in sorted(per_id, key=len, reverse=True)) + r")(?![\w-])")
    vocab = vocabulary([file for files in reals.values() for file in files])
    rng = random.Random(seed)
    written: dict[str, int] = {}
    for folder in folders:
        (root / "data" / folder).mkdir(parents=True)
        texts = {file: file.read_text(encoding="utf-8") for file in reals[folder]}
        count = 0
        for copy in range(copies[folder]):
            for file, text in texts.items():
                if count == wanted[folder]:
                    break
                count += 1
                new_id = copy_id(file.stem, copy)
                if copy:
                    text = ids.sub(lambda found: copy_id(found.group(1), copy % per_id[found.group(1)]), text)
                    lines = text.split("\n")
                    variation = _Variation(rng, vocab)
                    lines = [variation.line(line, language) for line, language in zip(lines, _languages(lines), strict=True)]
                    if folder == "legal":
                        lines = [re.sub(r"^(number:\s*\"?)(\d+)", lambda m: f"{m.group(1)}{copy * 1000 + int(m.group(2))}", line)
                                 for line in lines]
                    text = "\n".join(lines)
                (root / "data" / folder / f"{new_id}.yml").write_text(text, encoding="utf-8")
        written[folder] = count
    return Written(written, copies)
