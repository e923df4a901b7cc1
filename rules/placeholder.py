"""Placeholders: template marks never filled in (``XX``, ``**``, ``【待补充】``).

A draft is written from last year's file or a template, and the marks that
stood for numbers, years and names (``20XX年``, ``XX个``, ``**省``,
``【待补充】``) are the most embarrassing thing it can still carry when it goes
out. The same characters are also perfectly normal text: ``X线``, ``iPhone X``,
``NOx``, ``3x4``, ``1920×1080``, ``二〇二三年``, Markdown ``**重点**``. So
nothing here is judged by the mark alone: every candidate is judged by what
surrounds it (a counter or unit after it, a date word, a Han character on both
sides, Latin letters around it), and where the context does not tell, the rule
says nothing.

All the family's findings are computed once per document (``_findings``,
memoised) so that each placeholder is exactly one finding even where two
detectors could see it (``**%`` is an asterisk mark, not a missing number).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

import regex

from doclint import Fix, Rule, Severity, hookimpl
from doclint.diagnostic import UNSAFE, Diagnostic, Edit
from doclint.patterns import lazy
from doclint.text import is_han as _is_han_char

# -- character classes ---------------------------------------------------------

#: Letters that templates use for a digit or a name: X, x, the multiplication
#: sign ×, the box-drawing ╳ and their full-width forms.
MARK_CHARS = frozenset("Xx×╳Ｘｘ")
LETTER_X = frozenset("XxＸｘ╳")  # marks that are letters (× between Han is "times")
_MARK_RUN = lazy(r"[Xx×╳Ｘｘ]+(?:[.．][Xx×╳Ｘｘ]+)*")
_STAR_RUN = lazy(r"[*＊]+")
_SHAPE_RUN = lazy(r"[○〇◯]{2,}|□{2,}|△{2,}")

DIGITS = frozenset("0123456789０１２３４５６７８９")
CN_NUMERALS = frozenset("零〇○一二三四五六七八九十两百千万亿")
CN_YEAR_DIGITS = frozenset("零〇○一二三四五六七八九")  # 二〇二三年: the digits a year is written with
SPACES = frozenset(" \u3000\t\u00a0")
DOTS = frozenset(".．")
PLUS = frozenset("+＋")
CLAUSE_PUNCT = frozenset("，、；：。")
SMALL_SCALES = frozenset("万亿千百")
RANGE_JOINERS = frozenset("-—–~～至到－")
OPENERS = frozenset("（(《〈【[“‘「『〔")
#: What may stand next to a mark in running prose: CJK punctuation, a line edge.
_PROSE_EDGE = frozenset("，。、；：？！“”‘’（）《》〈〉【】「」『』·—…,;:()\n")

# What may follow a number: counters, measure words, units, percent signs.
# Multi-character words are checked first so that 小学 is a name, 小时 a number.
_NAME_WORDS = (
    "街道", "社区", "公司", "集团", "中学", "小学", "大学", "学校", "学院", "医院", "卫生院", "中心",
    "项目", "工程", "企业", "单位", "部门", "同志", "新城", "园区", "工业园", "流域", "水库", "电厂",
    "水厂", "河道", "有限", "股份", "银行", "大道", "大街", "大桥", "大厦", "大队", "酒店", "宾馆",
    "广场", "小区", "村委", "居委", "人民", "地块", "片区", "景区", "管委会", "办事处", "书记", "主任",
    "分局", "分公司", "分院", "分会", "支队", "日报", "晚报", "电视台", "广播", "周边", "周围", "门户",
)
_NUMBER_WORDS = (
    "小时", "分钟", "公里", "公顷", "平方", "立方", "千米", "千克", "千瓦", "微克", "毫克", "毫米",
    "厘米", "百分点", "人次", "家次", "台次", "户次", "中全会", "学时", "课时", "学分",
)
# Words that begin with a counter character but are no count: 个人, 部分, 处理.
_NOT_COUNTS = (
    "个人", "个别", "个体", "个性", "个案", "名称", "名单", "名义", "部分", "部署", "条件", "条例", "处理",
    "处置", "期间", "点位", "类型", "种类", "场所", "场景", "台账", "次要", "位置", "级别",
)
_WORD_AFTER = lazy(
    "(?P<name>" + "|".join(sorted(_NAME_WORDS, key=len, reverse=True)) + ")"
    "|(?P<number>" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
    "|(?P<none>" + "|".join(sorted(_NOT_COUNTS, key=len, reverse=True)) + ")"
)
_WORD_AFTER_FIRST = frozenset(w[0] for w in _NAME_WORDS + _NUMBER_WORDS + _NOT_COUNTS)
_NAME_CHARS = frozenset("省市县区乡镇村河湖江山路街局厂校院园库州旗盟港湾岛桥矿厅委办科股室")
_NUMBER_CHARS = frozenset(
    "个件项家人名次起条处座台辆户所批期篇份场类种万亿千百元吨米亩天周季位岁倍成轮级遍块张本册部支队"
    "组只头株棵片栋间套根宗例笔幅回趟艘升斤克度余多大号届点分秒站节门%％‰"
)
_DATE_CHARS = frozenset("月日")
# Latin units written right after a number (``Xμg``, ``xxkm``, ``xxxxxm²``).
_LATIN_UNITS = ("kWh", "kVA", "MVA", "kV", "kW", "MW", "GW", "dB", "mg", "ug", "μg", "kg", "km", "cm", "mm", "ml", "mL", "ha", "t", "g", "m")
# Standard-number and pollutant prefixes that are always followed by digits:
# ``PMx.x``, ``DBxx/xxxx-xxxx``. An English word (``NOx``, ``Linux``) is not one.
_CODE_PREFIXES = frozenset({"PM", "DB", "GB", "HJ", "JGJ", "CJJ", "GBZ", "GB/T", "DB/T", "HJ/T"})
# Real words that begin with a single X: X线, X射线, X光, X型, X轴, (1+)X证书…
_X_WORDS = ("线", "射", "光", "型", "形", "轴", "染色体", "战警", "因子", "证书")
# A value follows these directly: 第X, 共XX, 达XX.
_VALUE_VERBS = frozenset("第届共达为约计近超占至到")

NUMBER, YEAR, DATE, NAME = "number", "year", "date", "name"
_WHAT = {
    NUMBER: ("缺少数值", "number missing"),
    YEAR: ("缺少年份", "year missing"),
    DATE: ("缺少日期", "date missing"),
    NAME: ("缺少名称", "name missing"),
    None: ("", ""),
}


class Mark(NamedTuple):
    """One placeholder found in the text (a tuple: thousands of them in a masked draft)."""

    code: str
    start: int
    end: int
    kind: str | None  # NUMBER, YEAR, DATE, NAME or None (cannot tell)
    certain: bool = True  # error when certain, warning when only likely
    suggestion: str | None = None


# -- context helpers -------------------------------------------------------------


def is_han(ch: str) -> bool:
    """A Han character; False for the empty string (the edge of the text)."""
    return bool(ch) and _is_han_char(ch)


def _is_latin(ch: str) -> bool:
    return ("a" <= ch <= "z") or ("A" <= ch <= "Z")


def _char(text: str, i: int) -> str:
    return text[i] if 0 <= i < len(text) else ""


def _skip_spaces_forward(text: str, i: int, limit: int = 3) -> int:
    j = i
    while j < len(text) and j - i < limit and text[j] in SPACES:
        j += 1
    return j


def _skip_spaces_back(text: str, i: int, limit: int = 3) -> int:
    """Index of the first non-space character at or before ``i``."""
    j = i
    while j >= 0 and i - j < limit and text[j] in SPACES:
        j -= 1
    return j


def _latin_word_before(text: str, i: int, limit: int = 8) -> str:
    """The ASCII letters (and ``/``) ending just before ``i``."""
    j = i
    while j > 0 and i - j < limit and (_is_latin(text[j - 1]) or (text[j - 1] == "/" and j >= 2 and _is_latin(text[j - 2]))):
        j -= 1
    return text[j:i]


def _latin_word_after(text: str, i: int, limit: int = 8) -> str:
    j = i
    while j < len(text) and j - i < limit and (_is_latin(text[j]) or text[j] == "μ"):
        j += 1
    return text[i:j]


def _value_after(text: str, i: int) -> str | None:
    """What the word starting at ``i`` says the preceding mark stands for."""
    # Inlined _skip_spaces_forward and _char: this runs once per mark in a masked draft.
    if i < 0:
        return None  # pragma: no cover - marks never end before the text
    n = len(text)
    if i < n and text[i] in SPACES:
        i = _skip_spaces_forward(text, i)
    if i >= n:
        return None
    ch = text[i]
    if ch in DIGITS or ch in CN_NUMERALS and ch not in SMALL_SCALES:
        return None
    if ch in _WORD_AFTER_FIRST:  # most marks are followed by no listed word: skip the regex
        m = _WORD_AFTER.match(text, i)
        if m:
            return None if m.lastgroup == "none" else m.lastgroup
    if ch in _DATE_CHARS:
        return DATE
    if ch == "年":
        return NUMBER
    if ch in _NAME_CHARS:
        return NAME
    if ch in _NUMBER_CHARS:
        return NUMBER
    if (_is_latin(ch) or ch == "μ") and _is_unit(_latin_word_after(text, i)):
        return NUMBER
    return None


def _only_marks(s: str, most: int) -> bool:
    return len(s) <= most and all(c in MARK_CHARS for c in s)


def _after_year(text: str, dot: int) -> bool:
    """True when the four figures before ``dot`` are a year: 2023.X.X is a date, 3.x a version."""
    figures = text[max(0, dot - 4):dot]
    return len(figures) == 4 and figures[:2] in ("19", "20") and figures.isdigit() and _char(text, dot - 5) not in DIGITS


def _is_year_token(token: str, text: str, end: int) -> bool:
    """``20XX``, ``201X``, ``XXXX年``: four figures of which some are marks."""
    if len(token) != 4:
        return False
    digits = token[: len(token) - len(token.lstrip("0123456789"))]
    if digits:
        return "19".startswith(digits[:2]) or "20".startswith(digits[:2])
    return _char(text, end) == "年"


_URLISH = lazy(r"://|www\.|@|\.(?:com|cn|net|org|gov|edu|io)\b", regex.IGNORECASE)
_URL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%")


def _in_url(text: str, start: int, end: int, paths: bool = False) -> bool:
    """True when [start, end) lies in a URL, a domain name or an e-mail address.

    With ``paths``, also in a file path or a dotted name (``/admin/xx/index``,
    ``config.xx.yml``): a token joined by ``/ . _ \\`` that holds an English
    word. ``DBxx/xxxx-xxxx`` holds none and stays a mark.
    """
    left = start
    while left > 0 and start - left < 200 and text[left - 1] in _URL_CHARS:
        left -= 1
    right = end
    while right < len(text) and right - end < 200 and text[right] in _URL_CHARS:
        right += 1
    if left == start and right == end:
        return False
    if _URLISH.search(text, left, right):
        return True
    return paths and any(len(w) - w.count("x") - w.count("X") >= 3 for w in _LATIN_WORD.findall(text, left, right))


_LATIN_WORD = lazy(r"[A-Za-z]{3,}")
_PATH_SEPS = frozenset("/\\._")


def _english_context(text: str, start: int, end: int) -> bool:
    """``iPhone X``, ``Mr. X``, ``X Window``: a mark set among English words."""
    before = _skip_spaces_back(text, start - 1)
    if before < start - 1:  # there was a space
        ch = _char(text, before)
        if _is_latin(ch) or (ch == "." and _is_latin(_char(text, before - 1))):
            return _latin_word_before(text, before + 1) not in _CODE_PREFIXES
    after = _skip_spaces_forward(text, end)
    if after > end and _is_latin(_char(text, after)):
        return not _is_unit(_latin_word_after(text, after))  # xxx kVA is a figure
    return False


def _is_unit(word: str) -> bool:
    """``kVA``, ``mg``, ``mx`` (m² with the 2 masked): a unit after a number."""
    return any(word.startswith(u) and _only_marks(word[len(u):], 1) for u in _LATIN_UNITS)


# -- letter marks: X, XX, xx.x, 20XX, ××, ╳ ---------------------------------------


#: A draft with this many certain letter marks was written from a template (or
#: had its figures masked): a lone X beside a Han character is then one too.
TEMPLATED_DRAFT = 5


def _letter_marks(text: str) -> list[Mark]:
    found, doubtful = [], []
    for m in _MARK_RUN.finditer(text):
        mark = _judge_letters(text, m.start(), m.end())
        if mark is not None:
            found.append(mark)
        elif m.end() - m.start() == 1:
            doubtful.append(m.start())
    if doubtful and sum(1 for f in found if f.certain) >= TEMPLATED_DRAFT:
        for start in doubtful:
            mark = _judge_letters(text, start, start + 1, templated=True)
            if mark is not None:
                found.append(mark)
    return found


def _judge_letters(text: str, start: int, end: int, templated: bool = False) -> Mark | None:
    run = text[start:end]
    p = text[start - 1] if start else ""
    n = text[end] if end < len(text) else ""
    # The common case first: a mark between Han text and CJK punctuation (共XX个,
    # 《XX市…》) has none of the Latin, digit or URL neighbours checked below.
    if p > "\u2e7f" and p not in DIGITS and n > "\u2e7f" and n not in DIGITS and n not in SPACES:
        return _judge_in_han(text, start, end, run, p, n, templated)

    letters = run.replace(".", "").replace("．", "")
    multiple = len(letters) > 1

    # Multiplication between numbers: 3x4, 1920×1080, 3 × 4.
    if not multiple:
        before = _char(text, _skip_spaces_back(text, start - 1))
        after = _char(text, _skip_spaces_forward(text, end))
        if before in DIGITS and after in DIGITS:
            return None
    # Versions and model numbers: 3.x, x86, X2000 (but 2023.X.X is a date).
    if p in DOTS and _char(text, start - 2) in DIGITS and not _after_year(text, start - 1):
        return None
    if n in DIGITS or (n in DOTS and _char(text, end + 1) in DIGITS):
        return None
    if (p in _URL_CHARS or n in _URL_CHARS) and _in_url(text, start, end, paths=p in _PATH_SEPS or n in _PATH_SEPS):
        return None

    # Digits before the mark: 20XX (a year), 1XX万元 (a number); else 4xx, 2x.
    if p in DIGITS:
        k = start
        while k > 0 and start - k < 4 and text[k - 1] in DIGITS:
            k -= 1
        if _char(text, k - 1) in DIGITS or _is_latin(_char(text, k - 1)) or _is_latin(n):
            return None
        # The span is the marks alone (20[XX]): the digits are written already.
        if "." in run or "．" in run:
            return Mark("PH001", start, end, DATE if len(text) > end and text[end] not in _NUMBER_CHARS else NUMBER)  # 20XX.X.X, 1X.X万
        if _is_year_token(text[k:end], text, end):
            return Mark("PH001", start, end, YEAR)
        if _value_after(text, end) in (NUMBER, DATE):
            return Mark("PH001", start, end, NUMBER)
        return None

    # Latin letters next to the mark: an English word unless the letters are
    # a code prefix (PMx.x, DBxx), a unit (Xμg, xxxxxm²) or 3D/5G/4K (xD).
    if _is_latin(p):
        prefix = _latin_word_before(text, start)
        if prefix in _CODE_PREFIXES and not _is_latin(n):
            return Mark("PH001", start, end, NUMBER)
        # The exponent of a unit written with a mark: μg/mX, xxxxxmx (m², m³).
        if p == "m" and not multiple and not _is_latin(n) and (_char(text, start - 2) == "/" or _char(text, start - 2) in DIGITS or _char(text, start - 2) in MARK_CHARS):
            return Mark("PH001", start, end, NUMBER)
        return None
    if _is_latin(n):
        word = _latin_word_after(text, end)
        if _is_unit(word):
            return Mark("PH001", start, end, NUMBER)
        if word in ("D", "G", "K") and letters.islower():
            return Mark("PH001", start, end, NUMBER)
        return None
    if n == "-" and _is_latin(_char(text, end + 1)) and _char(text, end + 1) not in MARK_CHARS:
        return None  # X-ray
    if (p in SPACES or n in SPACES) and _english_context(text, start, end):
        return None
    return _judge_in_han(text, start, end, run, p, n, templated)


_X_WORD = lazy("|".join(_X_WORDS))
_X_WORD_FIRST = frozenset(w[0] for w in _X_WORDS)


def _judge_in_han(text: str, start: int, end: int, run: str, p: str, n: str, templated: bool) -> Mark | None:
    """A mark whose neighbours are not Latin letters, digits or a URL: judged by its words."""
    kind = _value_after(text, end)
    letters = len(run) - run.count(".") - run.count("．") if len(run) > 1 else 1
    if kind == NUMBER and letters == 4 and _char(text, _skip_spaces_forward(text, end)) == "年":
        kind = YEAR
    if kind is None:
        if p in _VALUE_VERBS:
            kind = NUMBER
        elif n in RANGE_JOINERS:
            nxt = _MARK_RUN.match(text, end + 1)
            if nxt:
                kind = _value_after(text, nxt.end())
        elif p in RANGE_JOINERS and _char(text, start - 2) in MARK_CHARS:
            kind = NUMBER

    if letters > 1:
        if text.startswith("染色体", end):
            return None  # XX染色体
        if letters != len(run):  # xx.x
            kind = kind or NUMBER
        return Mark("PH001", start, end, kind)

    # A single mark. X线, X射线, X光 are words; × between Han is "times" (长×宽).
    if run in LETTER_X and run != "╳" and _char(text, end) in _X_WORD_FIRST and _X_WORD.match(text, end):
        return None
    if kind is not None:
        if run == "×" and (n == "号" or is_han(n) and kind != NUMBER):
            return None  # 打×号, 长×宽
        return Mark("PH001", start, end, kind)
    # x+x+x: a formula of marks ("5+1+1" with every digit replaced).
    if (n in PLUS and _char(text, end + 1) in MARK_CHARS) or (p in PLUS and _char(text, start - 2) in MARK_CHARS):
        return Mark("PH001", start, end, NUMBER)
    if run != "×" and is_han(p) and is_han(n):
        return Mark("PH001", start, end, None, certain=False)
    # In a templated draft: 、x沙河电镀厂, ,x电视台, 天府x·品位.
    if templated and run in LETTER_X and (is_han(p) or p in _PROSE_EDGE) and (is_han(n) or n in _PROSE_EDGE) and (is_han(p) or is_han(n)):
        return Mark("PH001", start, end, None, certain=False)
    return None


# -- asterisks and shapes: **, ***, *个, ○○, □□, △△ ---------------------------------


def _star_marks(text: str) -> list[Mark]:
    found: list[Mark] = []
    runs = [(m.start(), m.end()) for m in _STAR_RUN.finditer(text)]
    if not runs:
        return found
    i = 0
    while i < len(runs):
        start, end = runs[i]
        if i + 1 < len(runs):
            nstart, nend = runs[i + 1]
            if nend - nstart == end - start and _is_emphasis(text, start, end, nstart, nend):
                i += 2
                continue
        mark = _judge_stars(text, start, end)
        if mark is not None:
            found.append(mark)
        i += 1
    return found


def _is_emphasis(text: str, start: int, end: int, nstart: int, nend: int) -> bool:
    """``**重点工作**``: a Markdown emphasis pair on one line, not two marks."""
    content = text[end:nstart]
    if not content or "\n" in content or content[0] in SPACES or content[-1] in SPACES:
        return False
    if end - start > 3:
        return False
    # The closing run followed by a counter or unit, with no figure inside:
    # 反馈**市共**个问题 (but 完成**12个**项目 is emphasis).
    if _value_after(text, nend) in (NUMBER, DATE) and _char(text, nend) not in SPACES and not _HAS_DIGIT.search(content):
        return False
    # An opening run after a Han character and before a counter: 完成**个项目，**.
    if is_han(_char(text, start - 1)) and _value_after(text, end) in (NUMBER, DATE):
        return False
    # A single name or counter character between the runs: **市**生态环境局.
    if len(content) == 1 and (content in _NAME_CHARS or content in _NUMBER_CHARS):
        return False
    # Titles carry no emphasis: 《**县人民政府办公室关于印发**县…》.
    if "《" in content or "》" in content or _inside_title(text, start):
        return False
    # Emphasis covers a phrase or a sentence, not the end of one bracket and
    # the start of the next sentence: （**天行化工）进行排查。…对**松聚源.
    if _SENTENCE_END.search(content.rstrip("。！？!?")) or not _balanced(content):
        return False
    return True


_SENTENCE_END = lazy(r"[。！？!?]")
_HAS_DIGIT = lazy(r"[0-9０-９一二三四五六七八九十两百千万亿]")
_OPENING = frozenset("（(【[“‘「『〔")
_PAIRS = {"）": "（", ")": "(", "】": "【", "]": "[", "”": "“", "’": "‘", "」": "「", "』": "『", "〕": "〔"}


def _balanced(s: str) -> bool:
    """True when every bracket and quote in ``s`` opened in ``s`` closes there too."""
    stack = []
    for ch in s:
        if ch in _OPENING:
            stack.append(ch)
        elif ch in _PAIRS:
            if not stack or stack.pop() != _PAIRS[ch]:
                return False
    return not stack


def _inside_title(text: str, i: int, reach: int = 120) -> bool:
    """True when a 《 opens before ``i`` on its line (within ``reach``) and is not closed."""
    lo = max(0, i - reach)
    opened = text.rfind("《", lo, i)
    return opened != -1 and text.find("》", opened, i) == -1 and text.find("\n", opened, i) == -1


def _judge_stars(text: str, start: int, end: int) -> Mark | None:
    width = end - start
    p, n = _char(text, start - 1), _char(text, end)
    if not p.strip() and not n.strip():
        return None  # a list bullet (* 项目), a rule line (***, * * *), a lone star
    if p in DIGITS or _is_latin(p) and width == 1:
        return None  # 3*4, p*, a footnote
    if _in_url(text, start, end):
        return None
    if n == "号":
        return None  # 带*号的为必填项: the sign named, not a value
    kind = _value_after(text, end)
    if kind == NUMBER and _char(text, end) == "年" and width == 4:
        kind = YEAR
    if kind is not None:
        if width == 1 and not (is_han(p) or p in OPENERS or p in CLAUSE_PUNCT or not p):
            return None
        return Mark("PH002", start, end, kind)
    if width == 1:
        return None  # 表中*表示…: a lone star is a footnote mark unless a counter follows
    if n in DIGITS or _is_latin(n):
        return None
    # An unpaired ** where a name or a value stands: 对**松聚源矿业, （**天行化工）, 达**。
    if is_han(n) and (is_han(p) or p in OPENERS or p in CLAUSE_PUNCT):
        return Mark("PH002", start, end, NAME)
    if is_han(p) and p in _VALUE_VERBS:
        return Mark("PH002", start, end, NUMBER)
    return None


_SCALE_SHAPES = frozenset("●◎■▲★☆◆◇▪")


def _shape_marks(text: str) -> list[Mark]:
    found = []
    for m in _SHAPE_RUN.finditer(text):
        start, end = m.span()
        p, n = _char(text, start - 1), _char(text, end)
        if m.group()[0] not in "□△" and (p in CN_YEAR_DIGITS or n in CN_YEAR_DIGITS or p in DIGITS or n in DIGITS):
            continue  # 二〇〇八年, 二○二三年: the zero of a year
        if p in _SCALE_SHAPES or n in _SCALE_SHAPES:
            continue  # ●●●○○, ■■□□: a rating or a progress bar
        kind = _value_after(text, end)
        if _char(text, end) == "年" and end - start == 4:
            kind = YEAR
        found.append(Mark("PH002", start, end, kind))
    return found


# -- explicit gaps: 【待补充】, （此处填写…）, [待定], ___, ……个 ------------------------

# A note to the writer inside brackets: 待补充, 此处填写…, 请输入, 填写单位名称, TBD.
_GAP_WORDS = lazy(
    r"待补充|待补|待定|待填|待完善|待核实|待核|待确认|待更新|待提供|待统计|待查|此处(?:填|补|输|添|插)|请填|请补充|请输入"
    r"|^\W?\s*(?:填写|填入|输入)|(?<![A-Za-z])(?:TBD|TODO)(?![A-Za-z])",
    regex.IGNORECASE,
)
_BRACKETED = lazy(r"【[^【】\n]{1,30}】|\[[^\[\]\n]{1,30}\]|［[^［］\n]{1,30}］|（[^（）\n]{1,30}）|\([^()\n]{1,30}\)|〔[^〔〕\n]{1,30}〕|〖[^〖〗\n]{1,30}〗|<[^<>\n]{1,30}>|＜[^＜＞\n]{1,30}＞|\{[^{}\n]{1,30}\}")
_HERE_FILL = lazy(r"(?:请在)?此处(?:请)?(?:填写|填入|输入|补充|添加|插入)[^，。；;,\n（）()【】]{0,20}")
_BLANK_LINE = lazy(r"_{3,}|＿{2,}")
_ELLIPSIS = lazy(r"…+|\.{3,}|。{3,}|(?:\.\s){2,}\.")
_WEAK_GAP = lazy(r"^[（(]\s*(?:待定|待核实|待确认|待核)\s*[）)]$")


def _gaps(text: str) -> list[Mark]:
    found = []
    for m in _BRACKETED.finditer(text):
        if _GAP_WORDS.search(m.group()) and not _in_url(text, m.start(), m.end()):
            found.append(Mark("PH003", m.start(), m.end(), None, certain=not _WEAK_GAP.match(m.group())))
    taken = [(f.start, f.end) for f in found]
    for m in _HERE_FILL.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(Mark("PH003", m.start(), m.end(), None))
    for m in _BLANK_LINE.finditer(text):
        before = _char(text, _skip_spaces_back(text, m.start() - 1))
        after = _char(text, _skip_spaces_forward(text, m.end()))
        if before in ("", "\n") and after in ("", "\n"):
            continue  # a Markdown rule line
        if _is_latin(_char(text, m.start() - 1)) or _is_latin(_char(text, m.end())):
            continue  # an identifier: __init___x
        found.append(Mark("PH003", m.start(), m.end(), _value_after(text, m.end())))
    for m in _ELLIPSIS.finditer(text):
        p = _char(text, m.start() - 1)
        n = _char(text, m.end())
        if p in DIGITS or p in CN_NUMERALS or n in DIGITS or n in CN_NUMERALS:
            continue  # 1、2……10个 is a real series
        kind = _value_after(text, m.end())
        if kind in (NUMBER, DATE) and n not in SPACES and (is_han(p) or p in OPENERS or p in CLAUSE_PUNCT or not p):
            found.append(Mark("PH003", m.start(), m.end(), kind))
    return found


# -- a value missing before its unit: 优良率达％, 金额万元 --------------------------------

_UNIT_LABEL_OPEN, _UNIT_LABEL_CLOSE = frozenset("（("), frozenset("）)")
_RATE_BEFORE = frozenset("率达为到至长降升高低少加比约超近占了是过幅涨跌增减")
_PERCENT = lazy(r"(?<=\p{Han})[%％‰]")
_AMOUNT = lazy(
    r"(?:金额|经费|资金|投资|投入|收入|罚款|罚金|费用|总额|产值|总值|增加值|营收|利润|预算|支出|补贴|补助|奖金|奖励|税收|成本|余额|造价|贷款|存款|债务|工资|收益|GDP|[额款])"
    r"(?:为|达到?|共计?|合计|总计|累计|约|近|超过?|了|是|计|完成|实现|下达|安排|拨付|发放|落实|争取|筹集|支付|兑付)?"
    r"(万元|亿元|千元|百万元|万|亿|元)(?=[，。；：、,;:）)\s]|$)"
)
_COUNT = lazy(r"(?:共计|合计|总计|累计|共)(?:有|为|达|计)?(人次|家次|台次|户次|[个件项家名次起条座台辆户所批期篇份场])(?=[，。；、,;])")
# A change with no size: 同比提高个百分点.
_POINTS = lazy(r"(?:提高|提升|增长|增加|上升|下降|降低|减少|回落|高于|低于|超过|增|降|升)了?((?:个)?百分点)")


# A scale and a unit straight after a noun: 接待游客万人次, 出口亿美元. Not after a
# numeral or an estimate (近万人, 上亿元, 数万人): those carry their number.
_SCALED = lazy(
    r"(?<=[\p{Han}&&[^零〇○一二三四五六七八九十两百千万亿近上数几逾超过破约达余成多每位]])"
    r"([万亿](?:人次|人|元|美元|吨|户|亩|辆|件|台|千瓦时|平方米|立方米|公里))(?=[，。；、,;）)]|$)",
    regex.V1,
)


# _AMOUNT is an alternation with no common first character, which the regex engine
# tries at every position of the text; but every match holds a unit character (万, 亿
# or 元, never in its noun or verb) at most _AMOUNT_REACH characters after its start.
_AMOUNT_UNIT = lazy(r"[万亿元]")
_AMOUNT_REACH = 6  # noun (≤ 3) + verb (≤ 2) + the 千/百 of 千元/百万元 (≤ 1)
_AMOUNT_FIRST = frozenset("金经资投收罚费总产增营利预支补奖税成余造贷存债工G额款")


def _amounts(text: str):
    """The matches of ``_AMOUNT.finditer(text)``, tried only a few characters before a unit.

    Candidate starts are tried in increasing order and past the end of the last
    match, so the result is finditer's: the leftmost match, then the next after it.
    """
    match = _AMOUNT.match
    next_start = 0  # the first start not yet tried (and not inside a match)
    for u in _AMOUNT_UNIT.finditer(text):
        pos = u.start()
        for start in range(max(next_start, pos - _AMOUNT_REACH), pos):
            if text[start] in _AMOUNT_FIRST:
                m = match(text, start)
                if m:
                    yield m
                    next_start = m.end()
                    break
        else:
            next_start = max(next_start, pos)


def _missing_values(text: str) -> list[Mark]:
    found = []
    for m in _PERCENT.finditer(text):
        p, n = text[m.start() - 1], _char(text, m.end())
        if n in _UNIT_LABEL_CLOSE or _char(text, m.start() - 2) in _UNIT_LABEL_OPEN:
            continue  # 占比（%）: a unit label
        found.append(Mark("PH004", m.start(), m.end(), NUMBER, certain=p in _RATE_BEFORE))
    for m in _amounts(text):
        found.append(Mark("PH004", m.start(1), m.end(1), NUMBER))
    for m in _COUNT.finditer(text):
        found.append(Mark("PH004", m.start(1), m.end(1), NUMBER))
    for m in _POINTS.finditer(text):
        found.append(Mark("PH004", m.start(1), m.end(1), NUMBER))
    for m in _SCALED.finditer(text):
        found.append(Mark("PH004", m.start(1), m.end(1), NUMBER, certain=False))
    return found


# -- custom patterns from the configuration ----------------------------------------------


@lru_cache(maxsize=32)
def _compiled(patterns: tuple[str, ...]) -> tuple:
    return tuple(regex.compile(p) for p in patterns)


def _custom(document, taken: list[Mark]) -> list[Mark]:
    """Matches of the team's patterns that no built-in detector reported already.

    ``taken`` is sorted and free of overlaps (see ``_one_per_place``).
    """
    patterns = (document.settings.get("placeholder") or {}).get("patterns") or ()
    if not patterns:
        return []
    starts = [t.start for t in taken]
    found = []
    text = document.prose
    for pattern in _compiled(tuple(patterns)):
        for m in pattern.finditer(text):
            s, e = m.span()
            if e <= s:
                continue
            i = bisect_right(starts, s) - 1  # the last built-in starting at or before s
            if (i >= 0 and taken[i].end > s) or (i + 1 < len(taken) and taken[i + 1].start < e):
                continue
            found.append(Mark("PH005", s, e, None))
    return _one_per_place(found)


# -- the report year: what 20XX stands for, where the document says so ---------------

_YEAR = lazy(r"(?<![0-9])((?:19|20)[0-9]{2})(?=年)")
_SUMMARY_TITLE = lazy(r"总结|报告|汇报|述职|情况")
_PLAN_WORDS = lazy(r"打算|计划|展望|明年|下一步|下步|来年|规划|目标|要点|思路")
_ANNOUNCED = lazy(r"现将[^。\n]{0,30}?((?:19|20)[0-9]{2})年[^。\n]{0,12}?(?:总结|情况|报告|汇报)")
_YEAR_ROLE = lazy(r"年(?:度)?(?:[，,]|是|底|末|上半年|下半年|全年|工作|第[一二三四]季度|1[-—~～至到月]|一季度)")


def _report_year(text: str) -> tuple[int | None, int, bool]:
    """(year, title line end, year taken from the body) or (None, …) when unsure."""
    stripped = text.lstrip()
    title_start = len(text) - len(stripped)
    title_end = text.find("\n", title_start)
    title_end = len(text) if title_end == -1 else title_end
    title = text[title_start:title_end]
    if not _SUMMARY_TITLE.search(title):
        return None, title_end, False
    title_years = set(_YEAR.findall(title))
    if len(title_years) == 1 and not _PLAN_WORDS.search(title):
        return int(title_years.pop()), title_end, False
    if title_years:
        return None, title_end, False
    announced = set(_ANNOUNCED.findall(text))
    if len(announced) == 1:
        return int(announced.pop()), title_end, True
    return None, title_end, False


def _suggest_years(text: str, marks: list[Mark]) -> list[Mark]:
    year_starts = [m.start for m in marks if m.kind == YEAR]
    if not year_starts:
        return marks
    year, title_end, from_body = _report_year(text)
    if year is None:
        return marks
    out = []
    for m in marks:
        if m.kind == YEAR and _year_fits(text, m, year, title_end, from_body, year_starts):
            fill = _fill_year(text, m, year)
            if fill:
                m = m._replace(suggestion=fill)
        out.append(m)
    return out


def _fill_year(text: str, mark: Mark, year: int) -> str | None:
    """What replaces the marks of a year: 23 in 20[XX], 2023 in [XXXX]; None if the digits disagree."""
    year_text = str(year)
    k = mark.start
    while k > 0 and mark.start - k < 4 and text[k - 1] in DIGITS:
        k -= 1
    prefix = text[k:mark.start]
    if len(prefix) + mark.end - mark.start != len(year_text) or not year_text.startswith(prefix):
        return None
    return year_text[len(prefix):]


_SINCE = frozenset("自从于起")
_SENTENCE_EDGE = lazy(r"[。！？；\n]")


def _year_fits(text: str, mark: Mark, year: int, title_end: int, from_body: bool, year_starts: list[int], reach: int = 300) -> bool:
    """Whether ``mark`` is the report year: alone in its sentence, in a summary, not a plan.

    ``year_starts`` is sorted; the sentence is looked for within ``reach``
    characters, so a document of one endless line stays linear.
    """
    lo = max(0, mark.start - reach)
    edges_before = [m.end() for m in _SENTENCE_EDGE.finditer(text, lo, mark.start)]
    start = edges_before[-1] if edges_before else lo
    after = _SENTENCE_EDGE.search(text, mark.end, min(len(text), mark.end + reach))
    end = after.start() if after else min(len(text), mark.end + reach)
    sentence = text[start:end]
    if bisect_left(year_starts, end) - bisect_left(year_starts, start) != 1 or _PLAN_WORDS.search(sentence):
        return False
    if mark.start < title_end:
        return from_body
    if any(int(y) != year for y in _YEAR.findall(sentence)):
        return False
    k = mark.start
    while k > 0 and mark.start - k < 4 and text[k - 1] in DIGITS:
        k -= 1
    if _char(text, k - 1) in _SINCE:
        return False
    return bool(_YEAR_ROLE.match(text, mark.end))


# -- all findings, once per document ------------------------------------------------------


def _findings(document) -> list[Mark]:
    def compute() -> list[Mark]:
        text = document.prose
        marks: list[Mark] = []
        if any(c in text for c in MARK_CHARS):
            marks += _letter_marks(text)
        if "*" in text or "＊" in text:
            marks += _star_marks(text)
        marks += _shape_marks(text)
        marks += _gaps(text)
        marks += _missing_values(text)
        marks = _one_per_place(marks)
        marks += _custom(document, marks)
        return _suggest_years(text, sorted(marks, key=_START_END))

    return document.memo("placeholder.findings", compute)


_START_END = itemgetter(1, 2)  # (Mark.start, Mark.end)


def _findings_by_code(document) -> dict[str, list[Mark]]:
    """:func:`_findings` split by code, in order: each rule walks only its own marks."""

    def compute() -> dict[str, list[Mark]]:
        by_code: dict[str, list[Mark]] = {}
        for m in _findings(document):
            by_code.setdefault(m.code, []).append(m)
        return by_code

    return document.memo("placeholder.findings_by_code", compute)


def _one_per_place(marks: list[Mark]) -> list[Mark]:
    """Keep one finding where two detectors saw overlapping spans (the longer)."""
    marks = sorted(marks, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mark] = []
    for m in marks:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


# -- the rules ---------------------------------------------------------------------------


class _PlaceholderRule(Rule):
    family = "placeholder"
    severity = Severity.ERROR

    def check(self, document):
        text = document.text
        rule_id, code = self.id, self.code
        messages: dict[tuple, dict] = {}  # one read-only message dict per (covered text, kind)
        for m in _findings_by_code(document).get(code, ()):
            covered = text[m.start:m.end]
            message = messages.get((covered, m.kind))
            if message is None:
                message = messages[covered, m.kind] = self._message(covered, m.kind)
            suggestion = m.suggestion
            fix = Fix(UNSAFE, (Edit(m.start, m.end, suggestion),)) if suggestion else None
            yield Diagnostic(rule_id, code, Severity.ERROR if m.certain else Severity.WARNING,
                             m.start, m.end, message, suggestion, fix)

    @staticmethod
    def _message(covered: str, kind: str | None) -> dict:
        zh_what, en_what = _WHAT[kind]
        zh = f"未填写的占位符“{covered}”" + (f"：{zh_what}" if zh_what else "")
        en = f"unfilled placeholder “{covered}”" + (f": {en_what}" if en_what else "")
        return {"zh": zh, "en": en}


class LetterMark(_PlaceholderRule):
    """Finds letter marks left where a number, a year or a name belongs: ``XX``, ``x.x``, ``20XX``, ``××``.

    A template writes ``X`` for every figure it cannot know; one that survives
    into the final report is the first thing a reader notices. The rule judges
    each mark by its neighbours: a counter, a unit or a date word after it, a
    Han character on both sides, a code prefix (``PMx.x``). Words and English
    stay silent: ``X线``, ``X射线``, ``iPhone X``, ``NOx``, ``3x4``, ``1920×1080``.
    Where the document names the report year, a year mark gets it as a suggestion.

    Bad:  截至XX月底，共整改问题XX个，PMx.x浓度下降x.x%。
    Good: 截至10月底，共整改问题12个，PM2.5浓度下降3.2%。
    """

    code = "PH001"
    name = "letter-mark"
    fixable = "unsafe"


class SymbolMark(_PlaceholderRule):
    """Finds asterisks and shapes standing for a value or a name: ``**个``, ``***座``, ``**省``, ``○○``, ``□□``.

    Some templates mask figures and names with ``*`` or ``○`` instead of
    letters. Markdown emphasis (``**重点工作**``), a list bullet, ``3*4`` and
    the zero of a year (``二〇二三年``) are not marks.

    Bad:  对**松聚源矿业进行排查，共发现问题***个，招聘教师○○名。
    Good: 对赣州松聚源矿业进行排查，共发现问题126个，招聘教师35名。
    """

    code = "PH002"
    name = "symbol-mark"


class ExplicitGap(_PlaceholderRule):
    """Finds gaps the template announces in words: ``【待补充】``, ``（此处填写…）``, ``[待定]``, ``___``, ``……个``.

    A bracketed note to the writer, a line of underscores or an ellipsis
    where a figure belongs is a hole in the text that a reader sees at once.
    An ellipsis in a sentence (``等等……``) and a Markdown rule line are not.

    Bad:  新增学位【待补充】个，共培训……人次。
    Good: 新增学位1200个，共培训860人次。
    """

    code = "PH003"
    name = "explicit-gap"


class MissingValue(_PlaceholderRule):
    """Finds a unit with no number before it: ``优良率达％``, ``罚款金额万元``, ``同比增长%``.

    When a figure is deleted and never filled in, its unit is left hanging
    after a rate or amount word (``率达％``, ``金额万元``, ``提高个百分点``,
    ``共计人次``). A unit label (``占比（%）``), ``亿元以上项目`` and an
    estimate that carries its number (``近万人``, ``上亿元``) are not missing
    anything. A unit after any other word (``接待游客万人次``) is only a warning.

    Bad:  截至10月底空气优良率达％，共处罚款金额万元。
    Good: 截至10月底空气优良率达92.3％，共处罚款金额35.6万元。
    """

    code = "PH004"
    name = "missing-value"


class CustomPattern(_PlaceholderRule):
    """Finds the placeholder patterns a team configures (``[tool.doclint.placeholder] patterns``).

    Teams have their own marks (``＿＿``, ``<填>``, ``{{名称}}``); list them as
    regular expressions and each match not already reported is a placeholder.

    Bad:  (with patterns = ["\\{\\{[^}]*\\}\\}"]) 本单位{{单位名称}}全年完成任务。
    Good: 本单位市生态环境局全年完成任务。
    """

    code = "PH005"
    name = "custom-pattern"


@hookimpl
def doclint_register_rules():
    return [LetterMark, SymbolMark, ExplicitGap, MissingValue, CustomPattern]
