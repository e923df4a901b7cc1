"""Word's automatic numbering, reconstructed as a reader sees it.

A heading numbered by Word (``w:numPr`` on the paragraph or its style) holds no
``一、`` in its text: Word draws the number from ``numbering.xml`` (the level's
``w:lvlText`` such as ``%1、`` or ``（%2）``, its ``w:numFmt`` such as
``chineseCounting``, its ``w:start``) and a counter it keeps while laying the
document out. The numbering rules must see those numbers, and must see them
*wrong* when the list settings are wrong (a restarted list that gives a second
``一、``), so the counters are replayed here in reading order.

Word's behaviour followed (ECMA-376 §17.9):

* Paragraphs whose ``w:num`` instances share an abstract definition share its
  counters (the numbering continues across them) unless the instance has a
  ``w:lvlOverride/w:startOverride``: the first paragraph using that instance
  restarts the overridden levels at the given value.
* A level restarts after any higher level is used, unless ``w:lvlRestart`` says
  otherwise (``0`` never restarts, ``n`` restarts after level ``n``).
* ``w:isLgl`` shows every level of the number in Arabic digits.
* ``numId`` 0 on a paragraph removes numbering its style would give.

Bullets produce no text: a bullet glyph is not something the rules check, and
bullet fonts put private-use characters in ``lvlText`` that would look like
mojibake.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from doclint.text import int_to_cn

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(el: Any, tag: str, default: str | None = None) -> str | None:
    if el is None:
        return default
    child = el.find(q(tag))
    if child is None:
        return default
    return child.get(q("val"), default)


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # None: after any higher level; 0: never; n: after level n (1-based)
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None


@dataclass
class Instance:
    abstract: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


def _parse_level(el: Any) -> Level:
    lvl_text = el.find(q("lvlText"))
    restart = el.find(q("lvlRestart"))
    legal = el.find(q("isLgl"))
    return Level(
        start=_int(_val(el, "start"), 1),
        fmt=_val(el, "numFmt", "decimal") or "decimal",
        text=lvl_text.get(q("val"), "") if lvl_text is not None else "",
        restart=_int(restart.get(q("val")), 1) if restart is not None else None,
        legal=legal is not None and legal.get(q("val"), "1") not in ("0", "false", "off"),
        suffix=_val(el, "suff", "tab") or "tab",
        style=_val(el, "pStyle"),
    )


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
_FULLSTOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_DIGIT_CN = str.maketrans("0123456789", "〇一二三四五六七八九")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    # Word repeats the letter: A … Z, AA … ZZ, AAA …
    n = max(n, 1)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """One counter value in a ``w:numFmt``; unknown formats fall back to digits."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "koreanCounting", "taiwaneseCountingThousand", "japaneseLegal") and 0 <= n < 10000:
        return int_to_cn(n)
    if fmt in ("chineseLegalSimplified",) and 0 <= n < 10000:
        return int_to_cn(n).translate(_LEGAL)
    if fmt in ("ideographDigital", "taiwaneseDigital", "koreanDigital", "japaneseDigitalTenThousand"):
        return str(n).translate(_DIGIT_CN)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle") and 1 <= n <= 20:
        return _CIRCLED[n - 1]
    if fmt == "decimalEnclosedParen" and 1 <= n <= 20:
        return _PAREN[n - 1]
    if fmt == "decimalEnclosedFullstop" and 1 <= n <= 20:
        return _FULLSTOP[n - 1]
    if fmt in ("ideographTraditional",) and 1 <= n <= 10:
        return _TIANGAN[n - 1]
    if fmt in ("ideographZodiac",) and 1 <= n <= 12:
        return _DIZHI[n - 1]
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return str(n).translate(_FULLWIDTH)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "upperRoman" and n > 0:
        return _roman(n)
    if fmt == "lowerRoman" and n > 0:
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class NumberLabel:
    text: str  # what Word draws, e.g. "一、"
    suffix: str  # "tab", "space" or "nothing"
    num_id: str
    level: int


class Numbering:
    """Replays Word's list counters over paragraphs met in reading order."""

    def __init__(self, numbering_root: Any | None, styles_root: Any | None):
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.abstract_style_link: dict[str, str] = {}
        self.instances: dict[str, Instance] = {}
        self.style_numpr: dict[str, tuple[str | None, int | None]] = {}
        self.style_parent: dict[str, str] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.used: set[str] = set()
        if styles_root is not None:
            self._read_styles(styles_root)
        if numbering_root is not None:
            self._read_numbering(numbering_root)

    def _read_styles(self, root: Any) -> None:
        for style in root.iter(q("style")):
            sid = style.get(q("styleId"))
            if not sid:
                continue
            based = _val(style, "basedOn")
            if based:
                self.style_parent[sid] = based
            ppr = style.find(q("pPr"))
            numpr = ppr.find(q("numPr")) if ppr is not None else None
            if numpr is not None:
                ilvl = _val(numpr, "ilvl")
                self.style_numpr[sid] = (_val(numpr, "numId"), _int(ilvl, 0) if ilvl is not None else None)

    def _read_numbering(self, root: Any) -> None:
        for absn in root.iter(q("abstractNum")):
            aid = absn.get(q("abstractNumId"))
            levels = {}
            for lvl in absn.findall(q("lvl")):
                levels[_int(lvl.get(q("ilvl")), 0)] = _parse_level(lvl)
            self.abstracts[aid] = levels
            link = _val(absn, "numStyleLink")
            if link:
                self.abstract_style_link[aid] = link
        for num in root.iter(q("num")):
            nid = num.get(q("numId"))
            inst = Instance(abstract=_val(num, "abstractNumId") or "")
            for ov in num.findall(q("lvlOverride")):
                ilvl = _int(ov.get(q("ilvl")), 0)
                start = _val(ov, "startOverride")
                if start is not None:
                    inst.start_overrides[ilvl] = _int(start, 1)
                lvl = ov.find(q("lvl"))
                if lvl is not None:
                    inst.level_overrides[ilvl] = _parse_level(lvl)
            self.instances[nid] = inst

    # -- which list a paragraph belongs to --------------------------------------------
    def _style_numpr(self, style: str | None) -> tuple[str | None, int | None]:
        seen = set()
        while style and style not in seen:
            seen.add(style)
            if style in self.style_numpr:
                return self.style_numpr[style]
            style = self.style_parent.get(style)
        return None, None

    def _abstract_of(self, num_id: str) -> str | None:
        inst = self.instances.get(num_id)
        if inst is None:
            return None
        aid = inst.abstract
        # A numStyleLink abstract defers to the list its style names.
        for _ in range(3):
            link = self.abstract_style_link.get(aid)
            if not link:
                break
            linked, _lvl = self._style_numpr(link)
            target = self.instances.get(linked or "")
            if target is None or target.abstract == aid:
                break
            aid = target.abstract
        return aid if aid in self.abstracts else None

    def _level(self, num_id: str, aid: str, ilvl: int) -> Level | None:
        inst = self.instances[num_id]
        if ilvl in inst.level_overrides:
            return inst.level_overrides[ilvl]
        return self.abstracts[aid].get(ilvl)

    def label(self, paragraph: Any) -> NumberLabel | None:
        """The number Word draws before ``paragraph`` (a ``w:p``), advancing the counters."""
        ppr = paragraph.find(q("pPr"))
        style = _val(ppr, "pStyle")
        numpr = ppr.find(q("numPr")) if ppr is not None else None
        num_id = _val(numpr, "numId") if numpr is not None else None
        ilvl_text = _val(numpr, "ilvl") if numpr is not None else None
        ilvl = _int(ilvl_text, 0) if ilvl_text is not None else None
        if num_id is None:
            num_id, style_lvl = self._style_numpr(style)
            if ilvl is None:
                ilvl = style_lvl
        if not num_id or num_id == "0":
            return None
        aid = self._abstract_of(num_id)
        if aid is None:
            return None
        if ilvl is None:
            # A style linked from a level (w:pStyle in w:lvl) picks that level.
            ilvl = next((i for i, lv in self.abstracts[aid].items() if style and lv.style == style), 0)
        ilvl = max(0, min(ilvl, 8))
        level = self._level(num_id, aid, ilvl)
        if level is None:
            return None
        counters = self.counters.setdefault(aid, [None] * 9)
        inst = self.instances[num_id]
        if num_id not in self.used:
            self.used.add(num_id)
            for lv, start in inst.start_overrides.items():
                if 0 <= lv < 9:
                    counters[lv] = start - 1
                    for deeper in range(lv + 1, 9):
                        counters[deeper] = None
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            dlevel = self._level(num_id, aid, deeper)
            restart = dlevel.restart if dlevel is not None else None
            if restart is None or (restart != 0 and restart <= ilvl + 1):
                counters[deeper] = None
        if level.fmt == "bullet":
            return None
        return NumberLabel(self._render(num_id, aid, ilvl, level, counters), level.suffix, num_id, ilvl)

    def _render(self, num_id: str, aid: str, ilvl: int, level: Level, counters: list[int | None]) -> str:
        out = []
        text = level.text
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
                k = int(text[i + 1]) - 1
                klevel = self._level(num_id, aid, k) or Level()
                value = counters[k] if counters[k] is not None else klevel.start
                fmt = "decimal" if level.legal and klevel.fmt != "none" else klevel.fmt
                out.append(format_number(value, fmt))
                i += 2
            else:
                out.append(ch)
                i += 1
        return "".join(out)
