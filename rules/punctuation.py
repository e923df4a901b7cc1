"""Punctuation: the marks a careful reviewer corrects in a Chinese report (GB/T 15834-2011).

Drafts are typed with an English input method half of the time, pasted from
web pages and old files the other half, so the marks drift: ``,`` where ``，``
belongs, a quotation opened with ``”``, a ``（`` never closed, ``，，`` typed
twice, ``%`` beside ``％``. Every rule here works on one paragraph (one line)
at a time, so a stray mark never makes the rest of the document suspect, and
each stays silent where the half-width or odd form is right: numbers
(``1,000`` ``3.5`` ``10:30`` ``1:500``), English phrases and code, URLs, e-mail
addresses and file names, a ``(1)`` inside an English or numeric run.

Some neighbouring defects belong to other families and are left alone here:
a line-initial section marker such as ``(一)`` (numbering), a ``?`` standing
between two Han characters (mojibake, artifact) and a bracketed web notice
such as ``( wWw.850500.cOm 转载请注明 )`` (watermark, artifact).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterator

import regex

from doclint import Fix, Rule, Severity, hookimpl
from doclint.diagnostic import SAFE, UNSAFE, Diagnostic, Edit
from doclint.patterns import lazy
from doclint.text import CJK_PUNCT, HAN, is_han

FAMILY = "punctuation"

# ---------------------------------------------------------------------------
# Character classes and context
# ---------------------------------------------------------------------------

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_WIDE = str.maketrans(",;:?!", "，；：？！")
_HALF_MESSAGES = {
    mark: {"zh": f"中文语句中使用了半角“{mark}”，应为全角“{full}”",
           "en": f"half-width “{mark}” in Chinese text; use the full-width “{full}”"}
    for mark, full in _FULL.items()
}
_QUOTES = "“”‘’\"'"
# Marks that are Chinese context themselves (quotes are looked through instead).
_CJK_MARKS = frozenset(CJK_PUNCT + "％＂＃＆＊＋－／＜＝＞＠＼＾＿｀｜〜〃〝〞〖〗〘〙〚〛｛｝［］") - frozenset(_QUOTES)
# Looked through when deciding which language a mark belongs to.
_LEFT_THROUGH = frozenset(_QUOTES + ")）》〉」』】〕］?!")
_RIGHT_THROUGH = frozenset(_QUOTES + "(（《〈「『【〔［?!")
# A short run of letters, digits and number signs embedded in Chinese prose (PM2.5, 8.3%, VOCs).
_RUN = frozenset("0123456789０１２３４５６７８９ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.%‰℃+-/_")
_DIGITS = frozenset("0123456789０１２３４５６７８９")
_NUMBER_CHARS = _DIGITS | frozenset("xX")  # digits, and the x that stands for one in a template
_MAX_RUN = 16


def _is_cjk(ch: str) -> bool:
    return is_han(ch) or ch in _CJK_MARKS


def _left_is_chinese(s: str, i: int, lo: int) -> bool:
    """Does the text just before offset ``i`` (not before ``lo``) belong to Chinese prose?"""
    j, hops = i - 1, 0
    while j >= lo and s[j] in _LEFT_THROUGH and hops < 3:
        j, hops = j - 1, hops + 1
    if j < lo:
        return False
    if _is_cjk(s[j]):
        return True
    k = j
    while k >= lo and s[k] in _RUN and j - k < _MAX_RUN:
        k -= 1
    return k < j and k >= lo and j - k < _MAX_RUN and is_han(s[k])


def _right_is_chinese(s: str, i: int, hi: int) -> bool:
    """Does the text just after offset ``i`` (before ``hi``) belong to Chinese prose?"""
    j, hops = i + 1, 0
    while j < hi and s[j] in _RIGHT_THROUGH and hops < 3:
        j, hops = j + 1, hops + 1
    if j >= hi:
        return False
    if _is_cjk(s[j]):
        return True
    k = j
    while k < hi and s[k] in _RUN and k - j < _MAX_RUN:
        k += 1
    return k > j and k < hi and k - j < _MAX_RUN and is_han(s[k])


# ---------------------------------------------------------------------------
# What is not prose: URLs, e-mail, file names, paths, code, HTML entities
# ---------------------------------------------------------------------------

# URLs, e-mail, domains, paths and entities are runs of printable ASCII: find the runs
# (linear, anchored at their start), then look inside the few that hold . @ / \ : &.
_ASCII_RUN = lazy(r"[!-~]+")  # greedy over one class: no backtracking
_NOT_PROSE = lazy(
    r"""
      (?:https?|ftp)://[!-~]++
    | (?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)++
    | (?<![A-Za-z0-9.-])(?>[A-Za-z0-9-]++(?:\.[A-Za-z0-9-]++)++)(?::[0-9]++)?(?:/[!-~]*+)?
    | (?<![A-Za-z0-9])[A-Za-z]:\\[!-~]*+
    | (?<![A-Za-z0-9_./-])(?:[A-Za-z0-9_.-]*+/)++[A-Za-z0-9_.-]++
    | &(?:[A-Za-z]{2,8}|\#[0-9]{1,6}|\#[xX][0-9A-Fa-f]{1,6});
    """,
    regex.X,
)
_URL_SIGNS = frozenset("./@\\&:")
_CODE_SPAN = lazy(r"`[^`\n]{1,200}+`")
_URL_TAIL = ",.;:!?)]}'\""  # trailing marks that end a sentence, not the URL
_TLD = frozenset(
    "com cn net org gov edu int mil info biz io cc co top xyz me tv mobi name pro asia hk tw mo uk us jp de fr ru "
    "site online shop club vip wang ltd group work tech store app dev".split()
)
_FILE_EXT = frozenset(
    "doc docx xls xlsx ppt pptx pdf txt csv json xml html htm md jpg jpeg png gif bmp zip rar 7z wps et dps ofd py js "
    "exe dll log ini cfg yaml yml toml".split()
)


def _is_not_prose(token: str) -> bool:
    """Keep only matches that really are URLs, e-mail, domains, file names or paths (not ``3.5`` or ``PM2.5``)."""
    if "://" in token or "@" in token or token.startswith(("`", "&")) or ":\\" in token:
        return True
    if "/" in token:
        head = token.split("/", 1)[0].split(":", 1)[0]
        if "." in head and _is_domain(head):
            return True  # www.gov.cn/zhengce
        # a path has two slashes and a letter; "DB11/1234", "μg/m3" and "1/3" are not paths
        return token.count("/") >= 2 and any(c.isalpha() for c in token)
    return _is_domain(token) or token.rsplit(".", 1)[-1].lower() in _FILE_EXT


def _is_domain(token: str) -> bool:
    labels = token.split(".")
    if len(labels) < 2 or not all(labels):
        return False
    if labels[0].lower() == "www" and len(labels) >= 3:
        return True
    return labels[-1].lower() in _TLD and any(c.isalpha() for c in labels[-2])


def not_prose_mask(document) -> bytearray:
    """One byte per character: 1 where the text is a URL, e-mail, file name, path, code or entity."""

    def compute() -> bytearray:
        text = document.prose
        mask = bytearray(len(text))
        for run in _ASCII_RUN.finditer(text):
            token = run.group()
            if _URL_SIGNS.isdisjoint(token):
                continue
            base = run.start()
            for m in _NOT_PROSE.finditer(token):
                found = m.group()
                end = m.end()
                if "/" in found or "://" in found:
                    while end > m.start() and token[end - 1] in _URL_TAIL:
                        end -= 1  # http://example.com/a, 详见 …: the comma is prose
                if _is_not_prose(found):
                    mask[base + m.start():base + end] = b"\x01" * (end - m.start())
        for m in _CODE_SPAN.finditer(text):
            mask[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        for start, end in document.ignored:
            mask[start:end] = b"\x01" * (end - start)
        return mask

    return document.memo("punctuation.not_prose", compute)


def _last_visible(s: str, lo: int, hi: int) -> int:
    """Offset of the last character of the line that is not a space (``lo - 1`` if none)."""
    j = hi - 1
    while j >= lo and s[j] in " \t\u3000\r":
        j -= 1
    return j


def _may_continue(s: str, o: int, last: int) -> bool:
    """Is the mark at ``o``, open at the end of its line, perhaps closed on the next one?

    A hard line break inside a sentence (text pasted from a PDF) splits a
    pair; a line that ends its sentence does not continue. ``last`` is the
    line's last visible character (see :func:`_last_visible`).
    """
    return last > o and s[last] not in "。！？；.!?;"


def _lines(document) -> Iterator[tuple[int, int]]:
    """(start, end) of every line of ``document.prose``."""
    text = document.prose
    start = 0
    while True:
        end = text.find("\n", start)
        if end == -1:
            yield start, len(text)
            return
        yield start, end
        start = end + 1


# ---------------------------------------------------------------------------
# Section markers (numbering family's business; used here to stay out of its way)
# ---------------------------------------------------------------------------

_CN_NUM = "一二三四五六七八九十"
_LINE_MARKER = lazy(rf"[ \t\u3000]*+[(（](?:[{_CN_NUM}]{{1,3}}|[0-9]{{1,2}}|[A-Za-z])[)）]")
# An enumerator closed by a lone bracket: "1）", "a)", "一）" at a line start or after a mark.
_ENUM_CLOSER = lazy(rf"(?:^|(?<=[\s，。；：、！？,;:]))(?:[0-9]{{1,2}}|[A-Za-z]|[{_CN_NUM}]{{1,3}}|[①-⑳])[)）]", regex.M)


def _is_enumerator(s: str, i: int, lo: int) -> bool:
    """Is the closing bracket at ``i`` the end of an enumerator such as ``1）`` or ``a)``?"""
    return any(m.end() == i + 1 for m in _ENUM_CLOSER.finditer(s, max(lo, i - 4), i + 1))


_HEADING = lazy(
    rf"""[ \t\u3000]*+(?:
      (?P<l1>[{_CN_NUM}]{{1,3}}、)
    | (?P<l2>[(（][{_CN_NUM}]{{1,3}}[)）])
    | (?P<l3>[0-9]{{1,2}}(?:[.．、](?![0-9])|[ \t](?=[{HAN}])))
    | (?P<l4>[(（][0-9]{{1,2}}[)）])
    | (?P<l0>第[{_CN_NUM}0-9]{{1,3}}[章节部分篇])
    )""",
    regex.X,
)


def heading_level(line: str) -> int | None:
    """0-4 for a line opening with a section marker (第X章, 一、, （一）, 1., （1）), else None."""
    m = _HEADING.match(line)
    if not m:
        return None
    return int(m.lastgroup[1])


# ---------------------------------------------------------------------------
# PU001 half-width marks
# ---------------------------------------------------------------------------

_HALF_MARK = lazy(r"[,;:!?]")
# An interrogative word in the clause just before a "?" (no sentence mark after it): a real question.
_QUESTION = lazy(r"(?:吗|呢|哪|什么|怎么|怎样|为什么|为何|如何|是否|多少|谁|几[个次人天年项]|难道)[^，。；：！？、,;:!.\n]*+$")
# A full stop written "." or "．" after Chinese text, ending the sentence (not 附件.pdf, not "一." markers).
_STOP = lazy(rf"(?<=[{HAN}”’）》])[.．](?=[ \t\u3000]*+$|[{HAN}“‘（《])", regex.M)
_CN_MARKER_STOP = lazy(rf"[ \t\u3000]*+[{_CN_NUM}]{{1,3}}[.．]")
_PAREN = lazy(r"[()]")
_HAN_CHAR = lazy(rf"[{HAN}]")
_CJK_CHAR = lazy(rf"[{HAN}{regex.escape(''.join(sorted(_CJK_MARKS)))}]")
_NOTICE = lazy(r"转载|来源|出处|请注明|版权|访问")
# A half-width mark is judged with the run of marks around it: ",，" is doubled, "?!" is one mark.
_RUN_CLASS = frozenset("，、；：。？！,;:!?")
# Spaces that end a PU001 fix's padding: past a tab or an ideographic space the gap is layout.
_SPACES = " \t\u3000"


def _lost_character(s: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Is the ``?`` run ``s[start:end]`` a lost character between two Han ones, not a question mark?

    ``党史?天天学`` lost a character (mojibake, the artifact family's);
    ``哪些人群应优先接种?主要是…`` asks a question: its clause holds an
    interrogative word.
    """
    if not (start > lo and end < hi and is_han(s[start - 1]) and is_han(s[end])):
        return False
    return _QUESTION.search(s, max(lo, start - 40), start) is None


class HalfWidth(Rule):
    """Finds half-width ``, ; : ? ! ( )`` used in Chinese prose.

    GB/T 15834 asks for full-width marks in Chinese text; the half-width ones
    come from an English input method and look cramped and inconsistent in
    print. Half-width marks stay where they are right: in numbers (``1,000``,
    ``10:30``, ``1:500``), English phrases, URLs, e-mail, file names, a ``(1)``
    inside an English or numeric run. A line-initial ``(一)`` is left to the
    numbering rules. The fix replaces the mark and drops the ASCII spaces that
    padded it in English style (``认识不足 (签而不约)`` becomes
    ``认识不足（签而不约）``): a full-width mark carries its own spacing.

    A sentence ended with ``.`` or ``．`` after Chinese text is reported too.

    Bad:  根据文件要求,强化尾矿库管理(试行).
    Good: 根据文件要求，强化尾矿库管理（试行）。
    """

    code = "PU001"
    name = "half-width"
    family = FAMILY
    severity = Severity.WARNING
    fixable = "safe"

    def check(self, document):
        text = document.prose
        mask = not_prose_mask(document)
        for lo, hi in _lines(document):
            yield from self._marks(text, lo, hi, mask)
            if "(" in text[lo:hi] or ")" in text[lo:hi]:
                yield from self._parens(text, lo, hi, mask)
            for m in _STOP.finditer(text, lo, hi):
                i = m.start()
                if mask[i] or (text[i - 1] in _CN_NUM and _CN_MARKER_STOP.match(text, lo, i + 1)):
                    continue  # 一.加强领导: a section marker, the numbering family's
                mark = text[i]
                yield self.diagnostic(i, i + 1, f"中文句末使用了“{mark}”，应为句号“。”",
                                      f"“{mark}” ends a Chinese sentence; use “。”",
                                      suggestion="。", fix=Fix.replace(i, i + 1, "。"))

    def _report(self, s: str, i: int, lo: int, hi: int):
        """The finding on the mark at ``i``; its fix also drops the spaces that pad the mark.

        ``认识不足 (签而不约) ,`` typed in English style pads the marks with spaces;
        a full-width mark carries its own spacing, so ``认识不足 （…）`` would keep a
        stray gap. The ASCII spaces on either side of the mark go with it, but only
        between two visible characters of the line: indentation and trailing spaces
        are not padding (trailing ones are the artifact family's), and tabs and
        ideographic spaces may be layout. The finding's span stays on the mark.
        """
        mark = s[i]
        full = _FULL[mark]
        start, end = i, i + 1
        while start > lo and s[start - 1] == " ":
            start -= 1
        if start == lo or s[start - 1] in _SPACES:
            start = i
        while end < hi and s[end] == " ":
            end += 1
        if end == hi or s[end] in _SPACES:
            end = i + 1
        # Built directly, with one message dict per mark shared by its findings (read-only):
        # a dense draft has tens of thousands of these.
        return Diagnostic(self.id, self.code, self.severity, i, i + 1, _HALF_MESSAGES[mark], full,
                          Fix(SAFE, (Edit(start, end, full),)))

    def _marks(self, s: str, lo: int, hi: int, mask: bytearray):
        # Marks are taken a run at a time (",", "?!", ",，"), so a long run costs linear time.
        run_end = lo
        for m in _HALF_MARK.finditer(s, lo, hi):
            if m.start() < run_end:
                continue  # inside a run already judged
            start, end = m.start(), m.end()
            while start > lo and s[start - 1] in _RUN_CLASS:
                start -= 1
            while end < hi and s[end] in _RUN_CLASS:
                end += 1
            run_end = end
            if end - start > 1:
                run = s[start:end]
                wide = set(run.translate(_WIDE))
                if wide != {"？", "！"}:
                    if wide == {"？"} and run.isascii() and _lost_character(s, start, end, lo, hi):
                        continue  # 党史??天天学: mojibake, the artifact family's
                    continue  # a doubled or conflicting run (，, ，。 !!): PU005 reports it
                # ?! is a proper mark: report its half-width characters, judged by the run's context
                if _left_is_chinese(s, start, lo) or _right_is_chinese(s, end - 1, hi):
                    for i in range(start, end):
                        if s[i] in _FULL and not mask[i]:
                            yield self._report(s, i, lo, hi)
                continue
            i = start
            mark = s[i]
            if mark not in _FULL or mask[i]:
                continue
            before = s[i - 1] if i > lo else ""
            after = s[i + 1] if i + 1 < hi else ""
            if mark in ",:;" and before in _NUMBER_CHARS and after in _NUMBER_CHARS:
                continue  # 1,000  10:30  1:500  X,XXX (a placeholder number)
            if mark == "?" and _lost_character(s, i, i + 1, lo, hi):
                continue  # 党史?天天学: mojibake, the artifact family's
            if after and after in " \t" and not _is_cjk(before or " "):
                # "Python, Java": a mark followed by a space after a Latin word is English usage
                if _right_is_chinese(s, i, hi):
                    yield self._report(s, i, lo, hi)
                continue
            if _left_is_chinese(s, i, lo) or _right_is_chinese(s, i, hi):
                yield self._report(s, i, lo, hi)

    def _parens(self, s: str, lo: int, hi: int, mask: bytearray):
        stack: list[int] = []
        pairs: list[tuple[int, int]] = []
        lone: list[int] = []
        for m in _PAREN.finditer(s, lo, hi):
            i = m.start()
            if mask[i]:
                continue
            if s[i] == "(":
                stack.append(i)
            elif stack:
                pairs.append((stack.pop(), i))
            else:
                lone.append(i)
        lone.extend(stack)
        marker = _LINE_MARKER.match(s, lo, hi)
        marker_end = marker.end() if marker else -1
        for o, c in pairs:
            if c + 1 == marker_end:
                continue  # (一) at the line start: numbering family
            inner = s[o + 1:c]
            if any(mask[o + 1:c]) and (_HAN_CHAR.search(inner) is None or _NOTICE.search(inner)):
                continue  # (www.example.com); ( wWw.850500.cOm 转载请注明 ) is a watermark: artifact family
            han_inside = _CJK_CHAR.search(inner) is not None
            left = s[o - 1] if o > lo else ""
            right = s[c + 1] if c + 1 < hi else ""
            if not han_inside:
                if left and (left.isascii() and (left.isalnum() or left in ".")):
                    continue  # Eq.(1), 3(2), f(x): an English or numeric run
                if not ((left and _is_cjk(left)) or (right and _is_cjk(right))):
                    continue  # (see Fig. 1) in English text
            yield self._report(s, o, lo, hi)
            yield self._report(s, c, lo, hi)
        for i in sorted(lone):
            if i < marker_end:
                continue  # （一) at the line start: numbering family
            if s[i] == ")" and _is_enumerator(s, i, lo):
                continue  # 1) a) enumerators: numbering family
            left = s[i - 1] if i > lo else ""
            right = s[i + 1] if i + 1 < hi else ""
            if (left and _is_cjk(left)) or (right and _is_cjk(right)):
                yield self._report(s, i, lo, hi)


# ---------------------------------------------------------------------------
# PU002 % beside ％, . beside ． in one document
# ---------------------------------------------------------------------------

# Only signs attached to a number: a bare ％ is first a missing number (placeholder family).
_PERCENT = lazy(r"(?<=[0-9０-９xX])[%％]")
_DECIMAL = lazy(r"(?<=[0-9０-９])[.．](?=[0-9０-９])")


class MixedWidth(Rule):
    """Finds the minority form where ``%`` and ``％`` (or ``.`` and ``．`` in numbers) are mixed in one document.

    Either form may be house style, but one report should use one; a mix
    shows paragraphs pasted from different sources. The rule reports only the
    less frequent form (nothing on a tie) and the fix writes the majority form.

    Bad:  增长8.3％ … 增长率为6.2% … 合格率为98.6％
    Good: 增长8.3％ … 增长率为6.2％ … 合格率为98.6％
    """

    code = "PU002"
    name = "mixed-width"
    family = FAMILY
    severity = Severity.WARNING
    fixable = "safe"

    def check(self, document):
        text = document.prose
        mask = not_prose_mask(document)
        yield from self._minority(text, _PERCENT, mask, "百分号", "percent sign")
        yield from self._minority(text, _DECIMAL, mask, "小数点", "decimal point")

    def _minority(self, text, pattern, mask, zh_what, en_what):
        found = [m.start() for m in pattern.finditer(text) if not mask[m.start()]]
        counts = Counter(text[i] for i in found)
        if len(counts) < 2:
            return
        (major, n_major), (minor, n_minor) = counts.most_common(2)
        if n_major == n_minor:
            return
        for i in found:
            if text[i] == minor:
                yield self.diagnostic(
                    i, i + 1,
                    f"{zh_what}“{minor}”与全文多数写法“{major}”（{n_major}处）不一致",
                    f"{en_what} “{minor}” differs from the document's usual “{major}” ({n_major} times)",
                    suggestion=major, fix=Fix.replace(i, i + 1, major))


# ---------------------------------------------------------------------------
# PU003 quotation marks
# ---------------------------------------------------------------------------

@dataclass(slots=True)
class _Mark:
    at: int
    kind: str  # "double" or "single"
    role: str  # "open", "close" or "neutral" (direction given by position)


_QUOTE_MARK = lazy("[“”\"‘’‚‛„‟＂]")
_QUOTE_KIND = {"“": ("double", "open"), "”": ("double", "close"), '"': ("double", "neutral"),
               "＂": ("double", "neutral"), "„": ("double", "neutral"), "‟": ("double", "neutral"),
               "‘": ("single", "open"), "’": ("single", "close"), "‚": ("single", "neutral"),
               "‛": ("single", "neutral")}
# A reversed pair quotes a term (”一站式“), not a sentence: short, with no clause mark inside.
_MAX_REVERSED = 20
_CLAUSE_MARK = lazy(r"[，。；：！？,.;:!?\n]")
_OPEN = {"double": "“", "single": "‘"}
_CLOSE = {"double": "”", "single": "’"}


class QuotePair(Rule):
    """Finds quotation marks that do not pair up within a paragraph.

    An opening mark written as a closing one (``”双随机、一公开”``), a pair
    written backwards (``”一站式“``: one finding, whose fix turns both marks
    round), a straight ``"`` paired with a curly ``”``, a quotation never
    closed, a closing mark with no opening one, ``‚…‛`` used for ``‘…’``.
    GB/T 15834 uses ``“…”`` outside and ``‘…’`` inside. Pairs are matched one
    paragraph at a time, so one stray mark never implicates the rest of the
    document. English quoted in English (``"hello"`` between spaces) stays
    silent.

    Bad:  全面推行”双随机、一公开”监管；学习"x+x+x”现代产业体系
    Good: 全面推行“双随机、一公开”监管；学习“x+x+x”现代产业体系
    """

    code = "PU003"
    name = "quote-pair"
    family = FAMILY
    severity = Severity.ERROR
    fixable = "safe"

    def check(self, document):
        text = document.prose
        mask = not_prose_mask(document)
        carried: dict[str, _Mark] = {}  # an opening mark left open at the end of the previous paragraph
        find_quote = _QUOTE_MARK.compiled.search
        for lo, hi in _lines(document):
            if not carried and find_quote(text, lo, hi) is None:
                continue  # nothing open, nothing to pair: most lines
            if lo == hi or not text[lo:hi].strip():
                continue
            marks = {"double": [], "single": []}
            for m in _QUOTE_MARK.finditer(text, lo, hi):
                i = m.start()
                if mask[i]:
                    continue
                kind, role = _QUOTE_KIND[text[i]]
                if kind == "single" and self._apostrophe(text, i, lo, hi):
                    continue
                marks[kind].append(_Mark(i, kind, role))
            next_carried: dict[str, _Mark] = {}
            for kind, seq in marks.items():
                if not seq and kind in carried:
                    yield self._unclosed(text, carried.pop(kind))
                    continue
                yield from self._pair(text, lo, hi, seq, carried, next_carried)
            for mark in carried.values():
                yield self._unclosed(text, mark)
            carried = next_carried
        for mark in carried.values():
            yield self._unclosed(text, mark)

    @staticmethod
    def _apostrophe(s: str, i: int, lo: int, hi: int) -> bool:
        before = s[i - 1] if i > lo else ""
        after = s[i + 1] if i + 1 < hi else ""
        return before.isascii() and before.isalnum() and (not after or after.isascii())

    def _pair(self, s, lo, hi, seq, carried, next_carried):
        kind = seq[0].kind if seq else None
        open_: _Mark | None = None
        skip_next = False
        rev = self._reversed(s, seq)
        for k, m in enumerate(seq):
            nxt = seq[k + 1] if k + 1 < len(seq) else None
            if k == 0 and kind in carried:
                prev = carried.pop(kind)
                if m.role == "close" and (nxt is None or nxt.role == "open"):
                    continue  # a quotation wrapped onto this line: it closes here
                yield self._unclosed(s, prev)
            if skip_next:
                skip_next = False  # the opening-shaped mark of a reversed pair just reported
                continue
            if open_ is None:
                if m.role == "close":
                    if rev[k]:
                        yield self._reversed_pair(s, m, nxt)
                        skip_next = True
                    elif nxt is not None and nxt.role in ("close", "neutral"):
                        yield self._wrong_direction(m, _OPEN[m.kind], opening=True)
                        open_ = m
                    else:
                        yield self.diagnostic(
                            m.at, m.at + 1, f"后引号（{s[m.at]}）没有对应的前引号",
                            f"closing quotation mark ({s[m.at]}) has no opening mark")
                else:
                    open_ = m
            elif m.role == "open":
                if nxt is not None and nxt.role in ("close", "neutral"):
                    yield self._unclosed(s, open_)
                    open_ = m
                else:
                    yield self._wrong_direction(m, _CLOSE[m.kind], opening=False)
                    yield from self._neutral(s, lo, hi, open_, m, close_fixed=True)
                    open_ = None
            else:
                yield from self._neutral(s, lo, hi, open_, m)
                open_ = None
        if open_ is not None:
            if open_.role == "neutral":
                return  # a lone straight mark: 12" or a ditto, not a quotation
            if _may_continue(s, open_.at, _last_visible(s, lo, hi)):
                next_carried[open_.kind] = open_
            else:
                yield self._unclosed(s, open_)

    @staticmethod
    def _reversed(s, seq) -> list[bool]:
        """For each mark, does a reversed pair ``”一站式“`` start there?

        A closing-shaped mark followed by an opening-shaped one is a reversed
        pair when what comes next is not a closing mark for that opening one:
        nothing, an opening mark, or another reversed pair (``”放管服“改革，落实”双随机“``).
        So ``”一站式“`` is one quotation written backwards, while
        ``双随机”，“一公开”`` keeps its stray ``”`` and its pair. The quoted words
        must be short and hold no clause mark: a ``”`` ending a long quotation and
        a ``“`` opening the next are two quotations. Computed from the end: linear.
        """
        n = len(seq)
        rev = [False] * n
        for k in range(n - 2, -1, -1):
            if seq[k].role != "close" or seq[k + 1].role != "open":
                continue
            if k + 2 < n and seq[k + 2].role != "open" and not rev[k + 2]:
                continue
            start, end = seq[k].at + 1, seq[k + 1].at
            rev[k] = 0 < end - start <= _MAX_REVERSED and _CLAUSE_MARK.search(s, start, end) is None
        return rev

    def _reversed_pair(self, s, c: _Mark, o: _Mark):
        """One finding for ``”一站式“`` over the whole quotation; the fix turns both marks round."""
        right = f"{_OPEN[c.kind]}{s[c.at + 1:o.at]}{_CLOSE[c.kind]}"
        return self.diagnostic(
            c.at, o.at + 1, f"前后引号方向颠倒：应为{right}", f"quotation marks reversed: write {right}",
            suggestion=right,
            fix=Fix(SAFE, (Edit(c.at, c.at + 1, _OPEN[c.kind]), Edit(o.at, o.at + 1, _CLOSE[c.kind]))))

    def _neutral(self, s, lo, hi, o: _Mark, c: _Mark, close_fixed: bool = False):
        """A pair with a straight or odd-glyph mark: report it where the quotation is Chinese."""
        if o.role != "neutral" and c.role != "neutral":
            return
        chinese = _HAN_CHAR.search(s, o.at + 1, c.at) is not None or (o.at > lo and _is_cjk(s[o.at - 1])) or (
            c.at + 1 < hi and _is_cjk(s[c.at + 1]))
        if not chinese:
            return
        for mark, right in ((o, _OPEN[o.kind]), (c, _CLOSE[c.kind])):
            if mark.role != "neutral" or (mark is c and close_fixed):
                continue
            glyph = s[mark.at]
            if glyph in "\"＂":
                zh, en = f"中文引号误用直引号（{glyph}），应为（{right}）", f"straight quote ({glyph}) in Chinese text; use ({right})"
            else:
                zh, en = f"误用（{glyph}）作引号，应为（{right}）", f"({glyph}) used as a quotation mark; use ({right})"
            yield self.diagnostic(mark.at, mark.at + 1, zh, en, suggestion=right,
                                  fix=Fix.replace(mark.at, mark.at + 1, right))

    def _wrong_direction(self, m: _Mark, right: str, opening: bool):
        side_zh, side_en = ("前引号", "opening") if opening else ("后引号", "closing")
        return self.diagnostic(
            m.at, m.at + 1, f"引号方向错误：此处应为{side_zh}（{right}）",
            f"quotation mark points the wrong way: the {side_en} mark here is ({right})",
            suggestion=right, fix=Fix.replace(m.at, m.at + 1, right))

    def _unclosed(self, s, m: _Mark):
        side = "前引号" if s[m.at] in "“‘" else "引号"
        return self.diagnostic(m.at, m.at + 1, f"{side}（{s[m.at]}）没有闭合", f"quotation mark ({s[m.at]}) is never closed")


# ---------------------------------------------------------------------------
# PU004 brackets and title marks
# ---------------------------------------------------------------------------

_OPENERS = {"(": "paren", "（": "paren", "【": "lenticular", "〔": "tortoise", "［": "square",
            "《": "book", "〈": "angle", "「": "corner", "『": "white-corner"}
_CLOSERS = {")": "paren", "）": "paren", "】": "lenticular", "〕": "tortoise", "］": "square",
            "》": "book", "〉": "angle", "」": "corner", "』": "white-corner"}
_CLOSER_OF = {"paren": "）", "lenticular": "】", "tortoise": "〕", "square": "］", "book": "》", "angle": "〉",
              "corner": "」", "white-corner": "』"}
_GROUP = {"paren": "bracket", "lenticular": "bracket", "tortoise": "bracket", "square": "bracket",
          "book": "title", "angle": "title", "corner": "corner", "white-corner": "corner"}
_MAX_NESTING = 8  # how deep a closing mark looks for its opening one (real drafts nest two or three)
_BRACKET = lazy("[(（【〔［《〈「『)）】〕］》〉」』]")


class BracketPair(Rule):
    """Finds brackets and title marks that do not pair up within a paragraph.

    An opening ``（`` or ``《`` never closed, a closing mark with no opening
    one (``《方案》》``), a closing mark of the wrong kind (``《反不正当竞争法〉``).
    Marks are matched with a stack, one paragraph at a time, so one stray mark
    never implicates the rest of the document; ``1）``-style enumerators and
    a paragraph that a hard line break split in two stay silent.

    Bad:  受理投诉举报（含12315平台转办件138件，办结率100％。
    Good: 受理投诉举报（含12315平台转办件）138件，办结率100％。
    """

    code = "PU004"
    name = "bracket-pair"
    family = FAMILY
    severity = Severity.ERROR
    fixable = "safe"

    def check(self, document):
        text = document.prose
        mask = not_prose_mask(document)
        carried: list[int] = []
        find_bracket = _BRACKET.compiled.search
        for lo, hi in _lines(document):
            if not carried and find_bracket(text, lo, hi) is None:
                continue  # nothing open, nothing to match: most lines
            if not text[lo:hi].strip():
                continue
            stack: list[int] = []
            for m in _BRACKET.finditer(text, lo, hi):
                i = m.start()
                if mask[i]:
                    continue
                ch = text[i]
                if ch in _OPENERS:
                    stack.append(i)
                    continue
                cls = _CLOSERS[ch]
                if stack and _OPENERS[text[stack[-1]]] == cls:
                    stack.pop()
                    continue
                deeper = next((d for d in range(len(stack) - 1, max(-1, len(stack) - 1 - _MAX_NESTING), -1)
                               if _OPENERS[text[stack[d]]] == cls), None)
                if deeper is not None and _GROUP[_OPENERS[text[stack[-1]]]] == _GROUP[cls] and text.find(ch, i + 1, hi) != -1:
                    deeper = None  # 《关于〈方案》的通知》: this 》 closes the 〈, the later one the 《
                if deeper is not None:
                    for o in stack[deeper + 1:]:
                        yield from self._unclosed(text, o, lo, hi)
                    del stack[deeper:]
                    continue
                if not stack and carried and _OPENERS[text[carried[-1]]] == cls:
                    carried.pop()  # a bracket opened on the previous line, which a hard break split
                    continue
                if stack and _GROUP[_OPENERS[text[stack[-1]]]] == _GROUP[cls] and ch not in ")":
                    o = stack.pop()
                    if text[o] == "〈" and ch == "》" and "《" not in (text[x] for x in stack[-_MAX_NESTING:]):
                        # 〈…》 with no 《 around it: a title written with the inner mark
                        yield self.diagnostic(o, o + 1, "书名号“〈”与“》”不配对，最外层书名号应为“《”",
                                              "“〈” is closed by “》”: an outermost title mark is “《”",
                                              suggestion="《", fix=Fix.replace(o, o + 1, "《", UNSAFE))
                        continue
                    want = _CLOSER_OF[_OPENERS[text[o]]]
                    yield self.diagnostic(i, i + 1, f"“{ch}”与前面的“{text[o]}”不配对，应为“{want}”",
                                          f"“{ch}” does not match the opening “{text[o]}”; use “{want}”",
                                          suggestion=want, fix=Fix.replace(i, i + 1, want, UNSAFE))
                    continue
                yield from self._stray(text, i, lo, hi)
            for o in carried:
                yield from self._unclosed(text, o, None, None)
            last = _last_visible(text, lo, hi)
            carried = []
            for o in stack:
                if text[o] != "(" and _may_continue(text, o, last):
                    carried.append(o)
                else:
                    yield from self._unclosed(text, o, lo, hi)
        for o in carried:
            yield from self._unclosed(text, o, None, None)

    def _unclosed(self, s, o, lo, hi):
        if s[o] == "(":
            left = s[o - 1] if lo is not None and o > lo else ""
            right = s[o + 1] if hi is not None and o + 1 < hi else ""
            if not ((left and _is_cjk(left)) or (right and _is_cjk(right))):
                return
        yield self.diagnostic(o, o + 1, f"“{s[o]}”没有闭合", f"“{s[o]}” is never closed")

    def _stray(self, s, i, lo, hi):
        ch = s[i]
        if ch == ")":
            return  # a lone half-width ) is an enumerator or an emoticon more often than a mistake
        if _is_enumerator(s, i, lo):
            return  # 1） 一） enumerators: numbering family
        if i > lo and s[i - 1] == ch:
            yield self.diagnostic(i - 1, i + 1, f"多了一个“{ch}”", f"doubled “{ch}”: one too many",
                                  suggestion=ch, fix=Fix.replace(i - 1, i + 1, ch))
            return
        yield self.diagnostic(i, i + 1, f"“{ch}”没有对应的开标号", f"“{ch}” has no opening mark")


# ---------------------------------------------------------------------------
# PU005 doubled or conflicting marks
# ---------------------------------------------------------------------------

_RUN_MARKS = lazy(r"[，、；：。,;:？！?!]{2,}")
_STRENGTH = "。？！；：，、"


class DoubledMark(Rule):
    """Finds doubled or conflicting marks: ``，，`` ``。。`` ``，。`` ``、，`` ``：：``.

    A mark typed twice, or a comma left before the full stop that replaced
    it, is the most visible slip on a printed page. ``……`` ``——`` and
    ``？！`` are proper marks and stay silent; ``！！`` (allowed in literature)
    is reported as out of place in a report. The fix collapses a doubled mark
    (safe); which of two different marks to keep is a judgement, so that fix
    is offered as unsafe. Three ``。`` or ``、`` standing for an ellipsis are
    reported with ``……`` as the suggestion.

    Bad:  开展全覆盖检查，，检查覆盖率达到100％。发放资料5000余份。。
    Good: 开展全覆盖检查，检查覆盖率达到100％。发放资料5000余份。
    """

    code = "PU005"
    name = "doubled-mark"
    family = FAMILY
    severity = Severity.ERROR
    fixable = "safe"

    def check(self, document):
        text = document.prose
        mask = not_prose_mask(document)
        for m in _RUN_MARKS.finditer(text):
            run = m.group()
            start, end = m.span()
            if mask[start] or mask[end - 1]:
                continue
            wide = run.translate(_WIDE)
            if set(run) == {"?"} and _lost_character(text, start, end, 0, len(text)):
                continue  # 党史??天天学: lost characters (artifact family)
            if all(c in "？！" for c in wide):
                if len(set(wide)) == 1 and start > 0 and _is_cjk(text[start - 1]):
                    # GB/T 15834 allows ！！ for strong feeling in literature, not in a report
                    mark = wide[0]
                    yield self.diagnostic(start, end, f"公文中不宜叠用“{mark}”", f"repeated “{mark}” has no place in a report",
                                          suggestion=mark, fix=Fix.replace(start, end, mark), severity=Severity.WARNING)
                continue  # ？！ is a proper mark
            if run.isascii():
                lo_ch = text[start - 1] if start else ""
                hi_ch = text[end] if end < len(text) else ""
                if not ((lo_ch and _is_cjk(lo_ch)) or (hi_ch and _is_cjk(hi_ch))):
                    continue  # std::string, a::b
            if len(set(wide)) == 1:
                mark = wide[0]
                if len(run) >= 3 and mark in "。、，":
                    yield self.diagnostic(start, end, f"用“{run}”表示省略，应为“……”", f"“{run}” used as an ellipsis; use “……”",
                                          suggestion="……", fix=Fix.replace(start, end, "……", UNSAFE))
                else:
                    yield self.diagnostic(start, end, f"标点重复“{run}”，应为“{mark}”", f"doubled mark “{run}”; use “{mark}”",
                                          suggestion=mark, fix=Fix.replace(start, end, mark))
                continue
            keep = min(wide, key=lambda c: _STRENGTH.index(c) if c in _STRENGTH else len(_STRENGTH))
            yield self.diagnostic(start, end, f"标点连用“{run}”，只应保留一个（如“{keep}”）",
                                  f"conflicting marks “{run}”; keep one (e.g. “{keep}”)",
                                  suggestion=keep, fix=Fix.replace(start, end, keep, UNSAFE))


# ---------------------------------------------------------------------------
# PU006 a paragraph ending in ， or ； before a heading
# ---------------------------------------------------------------------------

class ParagraphEnd(Rule):
    """Finds a paragraph that ends with ``，`` ``、`` or ``；`` right before a new section heading.

    A paragraph ends with a full stop; a comma at its end before the next
    heading usually means a sentence was cut when the draft was edited. Only
    the unambiguous cases are reported: body text followed by a heading of
    the two upper levels (``一、`` ``（一）``), or a list item followed by a
    heading above its own level. Items of one list may end with ``；``, and a
    paragraph introducing a ``1.`` list is left alone.

    Bad:  加强执法检查，严厉打击违法行为，  ⏎ 二、存在问题
    Good: 加强执法检查，严厉打击违法行为。  ⏎ 二、存在问题
    """

    code = "PU006"
    name = "paragraph-end"
    family = FAMILY
    severity = Severity.WARNING
    fixable = "unsafe"

    def check(self, document):
        text = document.prose
        mask = not_prose_mask(document)
        spans = [(lo, hi) for lo, hi in _lines(document) if text[lo:hi].strip()]
        for (lo, hi), (nlo, nhi) in zip(spans, spans[1:]):
            last = _last_visible(text, lo, hi)
            if text[last] not in "，、；,;" or mask[last]:
                continue
            next_level = heading_level(text[nlo:nhi])
            if next_level is None:
                continue
            own = heading_level(text[lo:hi])
            if own is None and next_level > 2:
                continue  # 包括以下内容， ⏎ 1.…: introduces a list
            if own is not None and (own <= next_level or hi - lo < 40):
                continue  # items of one list (or a parent item); a short heading is not a paragraph
            mark = text[last]
            yield self.diagnostic(
                last, last + 1, f"段落以“{mark}”结尾，其后是新的标题，应以“。”结束",
                f"paragraph ends with “{mark}” before a new heading; end it with “。”",
                suggestion="。", fix=Fix.replace(last, last + 1, "。", UNSAFE))


# ---------------------------------------------------------------------------
# PU007 range marks
# ---------------------------------------------------------------------------

_RANGE = lazy(
    rf"(?<![0-9A-Za-z./\-—～~])(?<![A-Za-z/][ \t])(?P<first>[0-9]{{1,4}})(?P<unit>[年月日号时点]|%|％)?"
    rf"(?P<mark>[—–\-~～〜－])(?P<second>[0-9]{{1,4}})(?=[{HAN}%％℃‰])"
)
# Calendar points: 1-6月, 1日—10日, 8时—12时, and years 2021—2025 (3-5年 is a duration, a number).
_CALENDAR_UNITS = "月日号时点"


class RangeMark(Rule):
    """Finds the minority range mark where ``—``, ``～`` and ``-`` are mixed for one kind of range.

    GB/T 15834-2011 joins time and place ranges with ``—`` (``1月—6月``) and
    numeric ranges with ``～`` (``5～10吨``); a draft that writes ``1-6月`` in
    one paragraph and ``1月—6月`` in the next was pasted together. Time and
    numeric ranges are compared separately, and only the less frequent form
    is reported (nothing on a tie).

    Bad:  2023年1月—6月 … 7月—9月 … 1-6月份
    Good: 2023年1月—6月 … 7月—9月 … 1月—6月份
    """

    code = "PU007"
    name = "range-mark"
    family = FAMILY
    severity = Severity.INFO
    fixable = "unsafe"

    def check(self, document):
        text = document.prose
        mask = not_prose_mask(document)
        by_kind: dict[str, list[tuple[int, str]]] = {"time": [], "number": []}
        for m in _RANGE.finditer(text):
            at = m.start("mark")
            if mask[at]:
                continue
            units = (m.group("unit") or "") + text[m.end():m.end() + 1]
            is_year = m.group("first")[:2] in ("19", "20") and len(m.group("first")) == 4 and len(m.group("second")) in (2, 4)
            kind = "time" if is_year or any(u in _CALENDAR_UNITS for u in units) else "number"
            by_kind[kind].append((at, m.group("mark")))
        for kind, found in by_kind.items():
            counts = Counter(mark for _, mark in found)
            if len(counts) < 2:
                continue
            (major, n_major), (_, n_second) = counts.most_common(2)
            if n_major == n_second:
                continue
            what_zh, what_en, std = ("时间范围", "time range", "—") if kind == "time" else ("数值范围", "numeric range", "～")
            for at, mark in found:
                if mark == major:
                    continue
                yield self.diagnostic(
                    at, at + 1,
                    f"{what_zh}连接号“{mark}”与文中多数写法“{major}”不一致（GB/T 15834 建议用“{std}”）",
                    f"{what_en} mark “{mark}” differs from the document's usual “{major}” (GB/T 15834 uses “{std}”)",
                    suggestion=major, fix=Fix.replace(at, at + 1, major, UNSAFE))


@hookimpl
def doclint_register_rules():
    return [HalfWidth, MixedWidth, QuotePair, BracketPair, DoubledMark, ParagraphEnd, RangeMark]
