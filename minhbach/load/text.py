"""Vietnamese text facts the checks rely on: NFC, syllable shape, folding for search and slugs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

# Tone marks as combining characters (NFD). Circumflex, breve and horn are part of the
# letter, not the tone, so they are kept when counting tones.
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}

_NUCLEI = (
    "a ă â e ê i o ô ơ u ư y "
    "ai ao au ay âu ây eo êu ia iu iê oa oă oe oi ôi ơi ua uâ uê ui uô uơ ưa ưi ưu ươ uy yê "
    "iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu"
).split()
_SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
    rf"({'|'.join(sorted(_NUCLEI, key=len, reverse=True))})"
    r"(ch|ng|nh|c|m|n|p|t)?$"
)


@dataclass(frozen=True)
class NonNfcRun:
    """A stretch of text on one line that NFC would change (1-based line and column)."""

    line: int
    column: int
    text: str

    @property
    def fixed(self) -> str:
        return unicodedata.normalize("NFC", self.text)


def non_nfc_runs(text: str) -> Iterator[NonNfcRun]:
    """Yield every place in `text` whose characters are not in NFC.

    A run starts at a base character and takes the combining marks that follow it,
    because that whole cluster is what NFC rewrites (e + U+0323 + U+0302 -> ệ).
    """
    for line_no, line in enumerate(text.split("\n"), start=1):
        if unicodedata.is_normalized("NFC", line):
            continue
        index = 0
        while index < len(line):
            end = index + 1
            while end < len(line) and unicodedata.combining(line[end]):
                end += 1
            cluster = line[index:end]
            if not unicodedata.is_normalized("NFC", cluster):
                yield NonNfcRun(line=line_no, column=index + 1, text=cluster)
            index = end


def is_vietnamese_syllable(word: str) -> bool:
    """True when `word` has the shape of one Vietnamese syllable with at most one tone mark."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in decomposed if ch in TONE_MARKS)
    if tones > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))
    return bool(_SYLLABLE.match(toneless))


def fold(text: str) -> str:
    """Remove diacritics and map đ/Đ to d/D ("Đăng ký hộ chiếu" -> "Dang ky ho chieu").

    NFD does not decompose đ, so it needs its own mapping; without it "Đ" is dropped or kept.
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))



# Numbers as Vietnamese write them -----------------------------------------------------------------
#
# Vietnamese separates thousands with dots and decimals with a comma (30.000 đồng is thirty
# thousand; 1,5 ngày is a day and a half), the reverse of what YAML and every parser of numbers
# read. Editors also write the currency after the amount.

DOT_GROUPS = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?")
"""30.000, 1.500.000, 1.500,5: thousands separated by dots (YAML reads `30.000` as 30.0)."""
MISREAD_NUMBER = re.compile(DOT_GROUPS.pattern + r"|[+-]?[1-9][0-9_]*(?::[0-5]?[0-9])+|[+-]?0[0-7_]+")
"""What YAML 1.1 reads as another number: dot groups (`30.000` is 30.0), base 60 (`1:30` is 90),
base 8 (`010` is 8)."""
_COMMA_GROUPS = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # 30,000 (English style)
_SPACE_GROUPS = re.compile(r"[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?")  # 30 000
_COMMA_DECIMAL = re.compile(r"[+-]?\d+,\d+")  # 1,5
_PLAIN = re.compile(r"[+-]?\d+(?:\.\d+)?")
_CURRENCY = re.compile(r"\s*(?:đồng|đ|vnđ|vnd)\.?$", re.IGNORECASE)
_SPACES = re.compile(r"[ \u00a0\u202f]")


def plain_number(written: str) -> str | None:
    """The number `written` means, written as YAML and the model read numbers, when it is written
    with thousands separators (dots, commas, spaces), a decimal comma or a currency:
    "30.000" -> "30000", "1.500.000,5" -> "1500000.5", "1,5" -> "1.5", "30000 đồng" -> "30000".
    None when it is not a number written that way (a plain "30000" or "1.5" included)."""
    if written[:1] not in "+-0123456789":
        return None
    text = _CURRENCY.sub("", written.strip())
    if DOT_GROUPS.fullmatch(text):
        return text.replace(".", "").replace(",", ".")
    if _COMMA_GROUPS.fullmatch(text):
        return text.replace(",", "")
    if _SPACE_GROUPS.fullmatch(text):
        return _SPACES.sub("", text).replace(",", ".")
    if _COMMA_DECIMAL.fullmatch(text):
        return text.replace(",", ".")
    if text != written.strip() and _PLAIN.fullmatch(text):
        return text
    return None

# Characters that do not belong in published text -------------------------------------------------
#
# Three families, each a finding code (see `odd_characters`):
# - control-char: C0 controls except tab and line feed, DEL, C1 controls, lone surrogates, the
#   noncharacters (U+FDD0..U+FDEF and the last two code points of every plane) and the line and
#   paragraph separators U+2028/U+2029. XML 1.0 (section 2.2, production [2] Char) cannot carry most
#   of them and discourages the rest; UTF-8 cannot encode a surrogate at all.
# - bidi-control: the explicit directional formatting characters of the Unicode Bidirectional
#   Algorithm (UAX #9, section 2): embeddings, overrides, isolates and the implicit marks LRM, RLM
#   and ALM. They make text display in an order other than the one it is stored in ("Trojan Source",
#   CVE-2021-42574); Vietnamese text, written left to right, never needs them.
# - invisible-char: characters with no glyph (Unicode's Default_Ignorable_Code_Point, UAX #44) that
#   an editor cannot see: zero-width space and joiners, word joiner, BOM inside text, soft hyphen,
#   Mongolian vowel separator, Hangul fillers, invisible operators, interlinear annotation marks and
#   variation selectors that follow no character.
# - hidden-text: tag characters (U+E0000..U+E007F) outside an emoji flag sequence: each one is an
#   invisible copy of an ASCII letter, so a run of them is text no reader can see.

CONTROL_CHAR, BIDI_CONTROL, INVISIBLE_CHAR, HIDDEN_TEXT = "control-char", "bidi-control", "invisible-char", "hidden-text"

_BMP_CONTROLS = "\x7f-\x9f\ud800-\udfff\u2028\u2029\ufdd0-\ufdef\ufffe\uffff"
_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_BMP_INVISIBLE = "\u00ad\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200d\u2060-\u2064\u206a-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff9-\ufffb"
INVISIBLE = _BMP_INVISIBLE + "\U000e0100-\U000e01ef"
"""A regular-expression class of the characters `odd_characters` may report as invisible-char."""
_TAGS = "\U000e0000-\U000e007f"
# Candidates: the odd characters of the Basic Multilingual Plane, and every character beyond it
# (emoji, rare ideographs...), sorted out one by one. Python's regular expressions test a class
# of BMP ranges against a bitmap but astral ranges one by one: this is twenty times faster on
# ordinary text than naming the few odd astral ranges.
_ODD_IN_VALUES = re.compile(f"[\x00-\x08\x0b-\x1f{_BMP_CONTROLS}{_BIDI}{_BMP_INVISIBLE}\U00010000-\U0010ffff]")
"""What `odd_characters` looks at in a value: tab and line feed are ordinary there."""
_ODD_IN_FILES = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f{_BMP_CONTROLS}{_BIDI}{_BMP_INVISIBLE}\U00010000-\U0010ffff]")
"""In a whole file carriage return is ordinary too: it ends lines written on Windows."""
_NOT_XML = re.compile(f"[\x00-\x08\x0b-\x1f{_BMP_CONTROLS}]|[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff"
                      "\U0004fffe\U0004ffff\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
                      "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff\U000dfffe\U000dffff"
                      "\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]")
_CODE_OF = [(re.compile(f"[{_BIDI}]"), BIDI_CONTROL), (re.compile(f"[{INVISIBLE}]"), INVISIBLE_CHAR), (re.compile(f"[{_TAGS}]"), HIDDEN_TEXT)]

# Unicode gives control characters no name, only aliases (NameAliases.txt); these are the
# "control" aliases of C0, DEL and the C1 controls that have one in common use.
_CONTROL_NAMES = dict(enumerate((
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION", "ENQUIRY", "ACKNOWLEDGE",
    "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED", "LINE TABULATION", "FORM FEED", "CARRIAGE RETURN",
    "SHIFT OUT", "SHIFT IN", "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE", "END OF TRANSMISSION BLOCK", "CANCEL",
    "END OF MEDIUM", "SUBSTITUTE", "ESCAPE", "INFORMATION SEPARATOR FOUR", "INFORMATION SEPARATOR THREE",
    "INFORMATION SEPARATOR TWO", "INFORMATION SEPARATOR ONE",
)))
_CONTROL_NAMES |= {0x7F: "DELETE", 0x85: "NEXT LINE"}


def char_name(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': the code point and its Unicode name (or alias, or kind)."""
    point = ord(char)
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(point, "")
    if not name:
        if 0x80 <= point <= 0x9F:
            name = "C1 CONTROL"
        elif 0xD800 <= point <= 0xDFFF:
            name = "SURROGATE"
        elif 0xFDD0 <= point <= 0xFDEF or point & 0xFFFE == 0xFFFE:
            name = "NONCHARACTER"
    return f"U+{point:04X} {name}".rstrip()


@dataclass(frozen=True)
class OddChar:
    """One character of `text` that does not belong in published text, and its finding code."""

    index: int  # 0-based, in the string given to `odd_characters`
    char: str
    code: str  # CONTROL_CHAR, BIDI_CONTROL, INVISIBLE_CHAR or HIDDEN_TEXT

    @property
    def name(self) -> str:
        return char_name(self.char)


def _is_emoji(char: str) -> bool:
    return unicodedata.category(char) == "So"


def _joins_letters(text: str, index: int) -> bool:
    """ZWJ/ZWNJ between two letters of a script that shapes with them (Arabic, Persian, Indic...)."""
    if index == 0 or index + 1 >= len(text):
        return False
    before, after = text[index - 1], text[index + 1]
    return all(unicodedata.category(c)[0] in "LM" and not unicodedata.name(c, "LATIN").startswith(("LATIN", "COMBINING")) for c in (before, after))


def _in_emoji_sequence(text: str, index: int) -> bool:
    """ZWJ inside an emoji ZWJ sequence (👩‍💻): an emoji (with its presentation selector or skin
    tone) before, an emoji after (Unicode Technical Standard #51, section 2.3)."""
    before = index - 1
    while before >= 0 and (text[before] == "\ufe0f" or "\U0001f3fb" <= text[before] <= "\U0001f3ff"):
        before -= 1
    return before >= 0 and index + 1 < len(text) and _is_emoji(text[before]) and _is_emoji(text[index + 1])


def _selects_a_variant(text: str, index: int) -> bool:
    """A variation selector right after a visible character (❤️, 1️⃣, an ideograph variant)."""
    if index == 0:
        return False
    before = text[index - 1]
    return unicodedata.category(before)[0] not in "ZC" and not ("\ufe00" <= before <= "\ufe0f" or "\U000e0100" <= before <= "\U000e01ef")


def _flag_tag_run(text: str, index: int) -> range | None:
    """The tag characters of an emoji flag (🏴 then tag letters then CANCEL TAG, UTS #51 section 2.8)
    that starts right before `index`, if any."""
    if index == 0 or text[index - 1] != "\U0001f3f4":
        return None
    end = index
    while end < len(text) and "\U000e0020" <= text[end] <= "\U000e007e":
        end += 1
    return range(index, end + 1) if end < len(text) and text[end] == "\U000e007f" and end > index else None


def odd_characters(text: str, *, whole_file: bool = False) -> list[OddChar]:
    """Every character of `text` that does not belong in published text (see the families above).

    Tab and line feed are ordinary, and so is carriage return in a `whole_file`. Joiners inside an
    emoji sequence or between letters of a script that needs them, variation selectors after a
    character and the tag characters of a flag are part of the text and are not reported.
    Costs one regular-expression search when there is nothing to report.
    """
    pattern = _ODD_IN_FILES if whole_file else _ODD_IN_VALUES
    if pattern.search(text) is None:
        return []
    found: list[OddChar] = []
    flag_tags: range = range(0)
    for match in pattern.finditer(text):
        index, char = match.start(), match.group()
        if char > "\uffff" and not ("\U000e0000" <= char <= "\U000e01ef" or ord(char) & 0xFFFE == 0xFFFE):
            continue  # an ordinary character beyond the BMP
        code = next((code for family, code in _CODE_OF if family.match(char)), CONTROL_CHAR)
        if code == INVISIBLE_CHAR:
            if char in "\u200c\u200d" and (_joins_letters(text, index) or (char == "\u200d" and _in_emoji_sequence(text, index))):
                continue
            if ("\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef") and _selects_a_variant(text, index):
                continue
        elif code == HIDDEN_TEXT:
            if index not in flag_tags:
                flag_tags = _flag_tag_run(text, index) or range(0)
            if index in flag_tags:
                continue
        found.append(OddChar(index, char, code))
    return found


def xml_text(text: str) -> str:
    """`text` without what XML 1.0 cannot carry or discourages (section 2.2): C0 controls other than
    tab and line feed, DEL, C1 controls, surrogates, noncharacters, and U+2028/U+2029.

    Markup characters (&, <, quotes) are left to the XML serializer, which escapes them.
    """
    return _NOT_XML.sub("", text) if _NOT_XML.search(text) else text


UNPRINTABLE_ABOVE_C0 = (
    "\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
"""A regular-expression class of the control (Cc), format (Cf), surrogate (Cs), line and paragraph
separator (Zl, Zp) characters above the C0 controls, as Unicode 14.0 lists them (Python 3.11's
unicodedata; a test compares the two)."""
_UNPRINTABLE = re.compile(f"[\x00-\x1f{UNPRINTABLE_ABOVE_C0}]")
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    point = ord(char)
    return _SHORT_ESCAPES.get(char) or (f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}" if point < 0x10000 else f"\\U{point:08x}")


def visible(text: str) -> str:
    """`text` with every control, format, surrogate and line-separator character written as a
    Python-style escape (a line feed as `\\n`, U+202E as `\\u202e`): what a log line may show.

    A log line of data printed this way stays one line, cannot be read by a terminal or a CI runner as
    a command (GitHub Actions reads `::error ...` at the start of any line, after spaces) and shows
    where invisible characters are. Backslashes are kept as they are, so Windows paths stay legible.
    """
    return _UNPRINTABLE.sub(_escape, text) if _UNPRINTABLE.search(text) else text
