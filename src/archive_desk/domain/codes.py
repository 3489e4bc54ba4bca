"""The 档号 engine: patterns, format and parse, next number, duplicates and gaps, barcode payloads.

Pure: no database, no Qt. Patterns are strings such as ``{fonds}-{category}·{year}-{retention}-{org}-{item:4}``
with tokens in braces and literal separators between them; ``:N`` gives a zero-padded width for a number.
The last numeric token (``item``, ``volume`` or ``box``) is the *sequence*; all other tokens form the
*group* inside which numbers must be unique (防重号) and run without gaps (断号).

Barcode payloads use only ``0-9 A-Z - .`` (what a keyboard-wedge scanner types safely): the payload is
the 档号 with ``·`` written as ``.``. Because a canonical 档号 never contains ``.``, the mapping is a
bijection and a scanned payload leads back to exactly one code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from archive_desk.errors import ValidationError
from archive_desk.i18n import t

MIDDLE_DOT = "\u00b7"
#: characters people and programs type for the 档号 middle dot
_DOT_LOOKALIKES = "\u2022\u2027\u2219\u30fb\uff65\u22c5\u0387\u16eb\u2e31"
#: zero-width and other invisible characters that creep in from Word, web pages and scanners
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e"),
    None,
)
PAYLOAD_ALPHABET = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-.")

RETENTIONS = ("Y", "D30", "D10", "C", "S")
"""永久, 定期30年, 定期10年, and the legacy 长期 (C) and 短期 (S) of records made before 2006: the codes a
choice list offers. Any ``Dnn`` (nn years, 1 to 200: D15 for 门诊病历, D5 for 固定资产卡片) is valid too
(:func:`is_retention`)."""

_DNN = re.compile(r"D([1-9]\d{0,2})")


def is_retention(code: str) -> bool:
    """Whether ``code`` is a retention code: Y, C, S, or Dnn with nn from 1 to 200."""
    if code in RETENTIONS:
        return True
    m = _DNN.fullmatch(code or "")
    return m is not None and int(m.group(1)) <= 200

SEQUENCE_TOKENS = ("item", "volume", "box")

#: sample element values for a worked example of a pattern (messages that say what a 档号 should look like)
EXAMPLE_VALUES: dict[str, object] = {"fonds": "Z109", "category": "WS", "year": 2019, "retention": "D30", "org": "BGS",
                                     "catalog": "001", "volume": 1, "item": 1, "box": 1}

_TOKEN_RE = {
    "fonds": r"[A-Z0-9]{1,8}",
    "category": r"[A-Z]{1,4}",
    "year": r"\d{4}",
    "retention": r"Y|D[1-9]\d{0,2}|C|S",
    "org": r"[A-Z0-9]{1,8}",
    "catalog": r"[A-Z0-9]{1,6}",
}


def _strip_invisible(text: str) -> str:
    text = text.translate(_INVISIBLE)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cc" or ch in "\t\n")


def normalize_scan(text: str) -> str:
    """Normalise what a scanner or a paste produced: invisible characters out, full-width to
    half-width (NFKC), whitespace trimmed, upper-case. Idempotent."""
    text = str(text)
    for _ in range(4):  # upper-casing can leave text that NFKC changes again: stop at the fixed point
        new = unicodedata.normalize("NFKC", _strip_invisible(text)).strip().upper()
        if new == text:
            break
        text = new
    return text


def canonical_code(text: str) -> str:
    """Normalise a typed, pasted or scanned 档号 to its canonical form.

    Trims and removes spaces, maps full-width characters to half-width, upper-cases, and writes
    every dot look-alike and the payload's ``.`` as the middle dot ``·``. Idempotent.
    """
    for _ in range(4):  # removing spaces can join characters that normalise again: stop at the fixed point
        new = normalize_scan(text)
        new = re.sub(r"\s+", "", new)
        new = new.translate(_DOT_MAP)
        new = re.sub("[\u2010-\u2015\u2212\ufe63\uff0d]", "-", new)  # dashes typed by IMEs
        if new == text:
            break
        text = new
    return text


_DOT_MAP = dict.fromkeys(map(ord, _DOT_LOOKALIKES + "."), MIDDLE_DOT)


def code_to_payload(code: str) -> str:
    """The barcode payload for a 档号 (``·`` → ``.``). Raises if the code holds anything a
    scanner cannot carry safely (e.g. Chinese characters)."""
    code = canonical_code(code)
    payload = code.replace(MIDDLE_DOT, ".")
    bad = sorted({ch for ch in payload if ch not in PAYLOAD_ALPHABET})
    if bad or not payload:
        raise ValidationError(
            {"code": t("The code {code} cannot be put in a barcode: it contains {chars}", code=code, chars="".join(bad) or "∅")}
        )
    return payload


def payload_to_code(payload: str) -> str:
    """The 档号 a scanned payload stands for (inverse of :func:`code_to_payload`)."""
    return canonical_code(payload)


@dataclass(frozen=True, slots=True)
class _Part:
    literal: str | None = None
    token: str | None = None
    width: int | None = None


@dataclass(frozen=True)
class CodePattern:
    """A category's 档号 pattern."""

    text: str

    @property
    def parts(self) -> tuple[_Part, ...]:
        return _parse_pattern(self.text)

    @property
    def tokens(self) -> tuple[str, ...]:
        return tuple(p.token for p in self.parts if p.token)

    @property
    def sequence_token(self) -> str:
        seq = [tok for tok in self.tokens if tok in SEQUENCE_TOKENS]
        return seq[-1]

    @property
    def group_tokens(self) -> tuple[str, ...]:
        return tuple(tok for tok in self.tokens if tok != self.sequence_token)

    def width(self, token: str) -> int | None:
        for part in self.parts:
            if part.token == token:
                return part.width
        return None

    def format(self, values: Mapping[str, object]) -> str:
        out = []
        for part in self.parts:
            if part.literal is not None:
                out.append(part.literal)
                continue
            assert part.token is not None  # noqa: S101 - narrows the type; the code guarantees it
            value = values.get(part.token)
            if value is None or value == "":
                raise ValidationError({part.token: t("The code needs a value for {element}", element=element_label(part.token))})
            if part.token in SEQUENCE_TOKENS:
                number = int(str(value))
                if number < 1:
                    raise ValidationError({part.token: t("{element} must be 1 or more", element=element_label(part.token))})
                text = str(number).zfill(part.width or 1)
                if part.width and len(text) > part.width:
                    raise ValidationError(
                        {part.token: t("{element} {value} has more than {width} digits", element=element_label(part.token), value=number, width=part.width)}
                    )
            else:
                text = normalize_scan(str(value))
                if part.token == "year" and isinstance(value, int | float):  # noqa: S105 - a token of the code pattern, not a password
                    text = str(int(value))
                if not re.fullmatch(_TOKEN_RE[part.token], text):
                    raise ValidationError(
                        {part.token: t("{value} is not a valid {element}", value=text, element=element_label(part.token))}
                    )
            out.append(text)
        return "".join(out)

    def parse(self, code: str) -> dict[str, object]:
        """Split a code into its elements; sequence numbers come back as ``int``, the rest as ``str``.
        Raises ValidationError when the code does not follow the pattern."""
        values = self.parse_canonical(canonical_code(code))
        if values is None:
            raise ValidationError({"code": t("{code} does not follow the rule {rule}, for example {example}",
                                             code=code, rule=self.describe(), example=self.example(self._loose_values(code)))})
        return values

    def describe(self) -> str:
        """The pattern in words, e.g. ``全宗号-门类代码·年度-保管期限-案卷号（3 位）``."""
        out = []
        for part in self.parts:
            if part.literal is not None:
                out.append(part.literal)
            elif part.token in SEQUENCE_TOKENS and part.width:
                out.append(t("{element} ({width} digits)", element=element_label(part.token), width=part.width))
            else:
                out.append(element_label(part.token or ""))
        return "".join(out)

    def _loose_values(self, code: str) -> dict[str, object]:
        """The elements of a code that breaks the rule only in a number's width (``…-D30-12``), so that the
        example shows the person's own code done right; nothing if it breaks it otherwise."""
        regex = "".join(re.escape(part.literal) if part.literal is not None
                        else f"(?P<{part.token}>{r'[0-9]{1,9}' if part.token in SEQUENCE_TOKENS else _TOKEN_RE.get(part.token or '', '.+?')})"
                        for part in self.parts)
        match = re.fullmatch(regex, canonical_code(code))
        return {k: int(v) if k in SEQUENCE_TOKENS else v for k, v in match.groupdict().items()} if match else {}

    def example(self, values: Mapping[str, object] | None = None) -> str:
        """A code that follows the pattern (``values`` first, sample values for the rest), e.g.
        ``Z109-LP·2019-D30-0001``."""
        merged = {**EXAMPLE_VALUES, **{k: v for k, v in (values or {}).items() if v not in (None, "")}}
        try:
            return self.format(merged)
        except ValidationError:
            return self.format(EXAMPLE_VALUES)

    def parse_canonical(self, code: str) -> dict[str, object] | None:
        """:meth:`parse` for a code already in canonical form (bulk work); None if it does not match."""
        match = _pattern_regex(self.text).fullmatch(code)
        if not match:
            return None
        return {name: int(text) if name in SEQUENCE_TOKENS else text for name, text in match.groupdict().items()}

    def matches(self, code: str) -> bool:
        return _pattern_regex(self.text).fullmatch(canonical_code(code)) is not None

    def group_key(self, values: Mapping[str, object]) -> tuple[str, ...]:
        return tuple(str(values.get(tok, "")) for tok in self.group_tokens)

    def group_prefix(self, values: Mapping[str, object]) -> str:
        """The code up to the sequence number, e.g. ``Z109-LP·2019-D30-`` (for LIKE 'prefix%' look-ups)."""
        out = []
        for part in self.parts:
            if part.token == self.sequence_token:
                break
            out.append(part.literal if part.literal is not None else self.format_token(part, values))
        return "".join(out)

    def format_token(self, part: _Part, values: Mapping[str, object]) -> str:
        assert part.token  # noqa: S101 - narrows the type; the code guarantees it
        value = values.get(part.token)
        if part.token in SEQUENCE_TOKENS:
            return str(int(str(value))).zfill(part.width or 1)
        return normalize_scan(str(value))


def element_label(token: str) -> str:
    labels = {
        "fonds": t("fonds code"),
        "category": t("category code"),
        "year": t("year"),
        "retention": t("retention"),
        "org": t("organisation code"),
        "catalog": t("catalogue number"),
        "volume": t("volume number"),
        "item": t("item number"),
        "box": t("box number"),
    }
    return labels.get(token, token)


@cache
def _parse_pattern(text: str) -> tuple[_Part, ...]:
    parts: list[_Part] = []
    pos = 0
    for m in re.finditer(r"\{(\w+)(?::(\d+))?\}", text):
        if m.start() > pos:
            parts.append(_Part(literal=text[pos : m.start()]))
        token = m.group(1)
        if token not in _TOKEN_RE and token not in SEQUENCE_TOKENS:
            raise ValidationError({"code_pattern": t("Unknown element {{{token}}} in the code pattern", token=token)})
        parts.append(_Part(token=token, width=int(m.group(2)) if m.group(2) else None))
        pos = m.end()
    if pos < len(text):
        parts.append(_Part(literal=text[pos:]))
    tokens = [p.token for p in parts if p.token]
    if not any(tok in SEQUENCE_TOKENS for tok in tokens):
        raise ValidationError({"code_pattern": t("The code pattern needs a running number: {{volume}}, {{item}} or {{box}}")})
    if len(set(tokens)) != len(tokens):
        raise ValidationError({"code_pattern": t("An element appears twice in the code pattern")})
    for a, b in zip(parts, parts[1:], strict=False):
        if a.token and b.token:
            raise ValidationError({"code_pattern": t("Two elements of the code pattern need a separator between them")})
    return tuple(parts)


@cache
def _pattern_regex(text: str) -> re.Pattern[str]:
    out = []
    for part in _parse_pattern(text):
        if part.literal is not None:
            out.append(re.escape(canonical_code(part.literal) or part.literal))
        elif part.token in SEQUENCE_TOKENS:
            out.append(f"(?P<{part.token}>\\d{{{part.width}}})" if part.width else f"(?P<{part.token}>\\d+)")
        elif part.token is not None:  # a part is a literal or a token
            out.append(f"(?P<{part.token}>{_TOKEN_RE[part.token]})")
    return re.compile("".join(out))


def next_number(used: Iterable[int]) -> int:
    """The next free running number in a group: one after the highest used (never fills a gap,
    so numbers keep their order of filing; gaps are reported separately)."""
    return max(used, default=0) + 1


def find_gaps(used: Iterable[int]) -> list[int]:
    """Numbers missing from 1..max (断号)."""
    have = set(used)
    return [n for n in range(1, max(have, default=0) + 1) if n not in have]


def find_duplicates(codes: Iterable[str]) -> dict[str, int]:
    """Codes that occur more than once after normalisation (防重号), with their counts."""
    counts: dict[str, int] = {}
    for code in codes:
        key = canonical_code(code)
        counts[key] = counts.get(key, 0) + 1
    return {code: n for code, n in counts.items() if n > 1}


@dataclass(frozen=True)
class GroupReport:
    """Numbering report for one group of a category (e.g. all LP·2019-D30 volumes)."""

    prefix: str
    count: int
    highest: int
    gaps: tuple[int, ...]
    next_free: int


def group_reports(pattern: CodePattern, codes: Iterable[str]) -> list[GroupReport]:
    """For every group found among ``codes``: how many, highest number, gaps and the next free number.
    Codes that do not follow the pattern are ignored (reported by validation instead)."""
    groups: dict[str, list[int]] = {}
    for code in codes:
        try:
            values = pattern.parse(code)
        except ValidationError:
            continue
        prefix = pattern.group_prefix(values)
        groups.setdefault(prefix, []).append(int(str(values[pattern.sequence_token])))
    return [
        GroupReport(prefix, len(nums), max(nums), tuple(find_gaps(nums)), next_number(nums))
        for prefix, nums in sorted(groups.items())
    ]
