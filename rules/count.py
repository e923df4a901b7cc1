"""Counts: numbers in a draft that disagree with each other.

A reviewer re-adds the parts of a total, re-subtracts a stated difference,
re-divides a rate and counts the items of an announced list; drafts copied
from last year's file get these wrong and nobody notices. This family does the
same arithmetic, but only where the sentence's structure leaves no doubt about
which figure is which: a statement it cannot read with confidence is skipped,
never guessed. Approximate figures (``余``, ``多``, ``近``, ``约``, ``以上``)
are never checked, and written precision is respected: ``10.7%`` agrees with
anything that rounds (or truncates) to it, and rounded parts may add up to a
rounded total with the slack their digits allow.

All rules share one analysis per document (``document.memo``); each rule
reports its own kind of finding.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Iterator

import regex

from doclint import Fix, Rule, Severity, hookimpl
from doclint.patterns import lazy as _lazy
from doclint.text import ARABIC_NUMBER, CHINESE_NUMBER, HAN, cn_to_int, format_like, int_to_cn, parse_number, written_step


# --------------------------------------------------------------------------
# Reading quantities: a number, its 万/亿 scale and its unit.

_UNIT = (
    r"(?:个百分点|百分点|%|％|‰|人次|户次|家次|台次|件次|车次|架次|批次|"
    r"微克[/／]立方米|微克每立方米|毫克[/／]立方米|毫克[/／]升|[μu]g[/／]m[3³]|mg[/／][Ll]|"
    r"平方公里|平方千米|平方米|立方米|公里|千米|公顷|千瓦时|千瓦|小时|分钟|个月|课时|学时|"
    r"元|吨|亩|个|项|人|家|件|次|所|台|条|份|天|名|篇|期|块|辆|座|处|户|场|张|批|套|栋|间|宗|起|支|本|册|棵|株|箱|幅|部|米|对)"
)
_QUANTITY = _lazy(
    # each branch opens with a one-character lookahead: the cheap test that lets
    # the scan skip the many positions where no number starts
    rf"(?:(?=[0-9０-９])(?<![0-9０-９A-Za-z.．,_/\\\-—–~～:：第])(?P<num>{ARABIC_NUMBER})(?![0-9０-９]|[.．,:：][0-9０-９]|\s*[-—–~～][0-9０-９])"
    rf"|(?=[〇两二三四五六七八九十百千]|一[十百千万亿])(?<![零〇两一二三四五六七八九十百千万亿第几数])(?P<cn>{CHINESE_NUMBER})(?![几数]))"
    rf"(?P<approx>[余多几])?(?P<scale>[万亿]{{0,2}})(?P<approx2>[余多])?"
    # the unit that must follow is looked up by _unit_at: spelt out here, its
    # eighty alternatives would double the pattern's compile time
)


def _spellings(alternative: str) -> list[str]:
    """The strings one alternative of _UNIT matches: ``mg[/／][Ll]`` → mg/L, mg/l, mg／L, mg／l."""
    words, k = [""], 0
    while k < len(alternative):
        if alternative[k] == "[":
            close = alternative.index("]", k)
            options, k = alternative[k + 1:close], close + 1
        else:
            options, k = alternative[k], k + 1
        words = [w + o for w in words for o in options]
    return words


# _UNIT's alternatives by first character, in _UNIT's order (a regex alternation
# takes the first that matches: 个百分点 before 个, 人次 before 人).
_UNIT_BY_FIRST: dict[str, list[str]] = {}
for _alt in _UNIT[3:-1].split("|"):
    for _word in _spellings(_alt):
        _UNIT_BY_FIRST.setdefault(_word[0], []).append(_word)
#: Units a Chinese numeral may have to give characters back to (三千瓦 is 三 千瓦).
_NUMERAL_UNITS = tuple(w for first in "〇两一二三四五六七八九十百千" for w in _UNIT_BY_FIRST.get(first, ()))


def _unit_at(line: str, pos: int) -> str | None:
    """The unit written at ``pos``, as _UNIT would match it there."""
    for word in _UNIT_BY_FIRST.get(line[pos:pos + 1], ()):
        if line.startswith(word, pos):
            return word
    return None


# Words tested at every figure: plain tuples for str.endswith/startswith, no pattern to compile.
_APPROX_BEFORE = ("近", "约", "超过", "超", "逾", "不足", "不到", "不少于", "不低于", "不超过", "不高于", "大约", "将近", "接近",
                  "最多", "至少")
_APPROX_AFTER = ("左右", "以上", "以下", "上下", "之多", "以内", "开外", "多", "余", "前后")
# A figure that is itself a change (``同比减少17天``), not a level.
_CHANGE_BEFORE = ("增加", "减少", "下降", "上升", "提高", "降低", "增长", "净增", "扩大", "缩小", "缩短", "延长", "增收", "减收",
                  "多", "少", "差", "低", "高", "超出", "高出", "减", "降", "升")


def _is_change(before: str) -> bool:
    """Whether the text before a figure makes it a change: 同比减少17天, 增加了约3人 (but 新增3人 is a level)."""
    b = before[:-1] if before.endswith("约") else before
    b = b[:-1] if b.endswith("了") else b
    return b.endswith(_CHANGE_BEFORE) or (b.endswith("增") and not b.endswith("新增"))


def _unit_key(unit: str) -> str:
    """One spelling per unit: ``％`` is ``%``, ``／`` is ``/``."""
    u = unit.replace("％", "%").replace("／", "/").replace("³", "3").replace("μ", "u")
    if u in ("百分点", "个百分点"):
        return "个百分点"
    if u in ("微克每立方米", "ug/m3"):
        return "微克/立方米"
    return u


@dataclass
class Quantity:
    start: int  # offset of the number in the document
    end: int  # offset just past the number and its scale (the unit is not covered)
    text: str  # the number as written, with its scale: ``12.4亿``
    value: Decimal
    slack: Decimal  # half a step of the last written digit; 0 for exact counts
    unit: str  # normalised
    unit_end: int
    approx: bool
    change: bool
    unit_start: int = -1  # offset of the unit as written

    @property
    def percent(self) -> bool:
        return self.unit in ("%", "‰")

    def low(self) -> Decimal:
        return self.value - self.slack

    def high(self) -> Decimal:
        return self.value + self.slack


# Where a number may start: digits, or a Chinese numeral followed (after its
# scale) by the first character of a unit.
_UNIT_FIRST = "".join(sorted({alt[0] for alt in _UNIT[3:-1].split("|")} - {"["})) + "μu微毫mg"
_NUMBER_START = _lazy(
    # only at the start of a run of numerals, and possessive: linear on 一二三…×10000
    rf"[0-9０-９]+|(?<![〇两一二三四五六七八九十百千万亿])(?:[〇两二三四五六七八九十百千]++|一[十百千万亿])"
    rf"(?=[〇两一二三四五六七八九十百千万亿余多几]*+[{_UNIT_FIRST}])"
)


def _anchored(pattern, starts, text: str):
    """``pattern.finditer(text)``, tried only where ``starts`` finds a candidate.

    A plain character-class scan is an order of magnitude faster than letting a
    pattern with lookbehinds and long alternations try every position.
    """
    end = 0
    for c in starts.finditer(text):
        if c.start() < end:
            continue
        m = pattern.match(text, c.start())
        if m:
            end = m.end()
            yield m


def _quantities(line: str):
    """Each figure with a unit: (match, num, cn, approx, scale, approx2, unit, unit start, unit end).

    _QUANTITY reads the number (as _anchored would), _unit_at the unit after it.
    A Chinese numeral with no unit after it gives back its last characters when
    they begin a unit, as the regex would backtrack: 三千瓦时 is 三 and 千瓦时.
    """
    end = 0
    for c in _NUMBER_START.finditer(line):
        if c.start() < end:
            continue
        m = _QUANTITY.match(line, c.start())
        if not m:
            continue
        num, cn, approx1, scale, approx2 = m.group("num", "cn", "approx", "scale", "approx2")
        unit_start = m.end()
        unit = _unit_at(line, unit_start)
        if unit is None and cn is not None:
            for k in range(len(cn) - 1, 0, -1):
                if line.startswith(_NUMERAL_UNITS, m.start() + k):
                    cn, approx1, scale, approx2, unit_start = cn[:k], None, "", None, m.start() + k
                    unit = _unit_at(line, unit_start)
                    break
        if unit is None:
            continue
        end = unit_start + len(unit)
        yield m, num, cn, approx1, scale, approx2, unit, unit_start, end


def _read_quantities(line: str, base: int) -> list[Quantity]:
    out = []
    for m, num, cn, approx1, scale, approx2, unit_text, unit_start, unit_end in _quantities(line):
        if cn is not None and (cn == "一" or (len(cn) > 1 and all(c in "零〇一二三四五六七八九" for c in cn))):
            continue  # 一个 is "a"; 二〇二三 is a year, 五六个 a guess
        number = (num or cn) + scale
        value = parse_number(number)
        if value is None:
            continue
        unit = _unit_key(unit_text)
        start = m.start()
        before = line[max(0, start - 4):start]
        approx = bool(approx1 or approx2 or line.startswith(_APPROX_AFTER, unit_end) or before.endswith(_APPROX_BEFORE))
        step = written_step(number)
        rounded = step != 1 or unit in ("%", "‰", "个百分点")
        out.append(Quantity(
            start=base + start,
            end=base + start + len(number),
            text=number,
            value=value,
            slack=step / 2 if rounded else Decimal(0),
            unit=unit,
            unit_end=base + unit_end,
            unit_start=base + unit_start,
            approx=approx,
            change=_is_change(before),
        ))
    return out


def _agrees(low: Decimal, high: Decimal, stated: Quantity, *, loose: bool = True) -> bool:
    """Whether a computed interval meets the stated figure within its written precision.

    ``loose`` also accepts a figure truncated rather than rounded (``66.6`` for 66.67).
    """
    above = stated.slack * 3 if loose else stated.slack
    eps = Decimal("1e-9")
    return low - eps <= stated.value + above and stated.value - stated.slack <= high + eps


def _show(q: Quantity) -> str:
    return q.text.translate(str.maketrans("０１２３４５６７８９．", "0123456789."))


def _fmt(value: Decimal, like: str) -> str:
    return format_like(value, like.translate(str.maketrans("０１２３４５６７８９．", "0123456789.")))


# --------------------------------------------------------------------------
# Findings shared by the rules.


@dataclass
class Finding:
    kind: str
    start: int
    end: int
    zh: str
    en: str
    suggestion: str | None


_SENTENCE_END = _lazy(r"[。！？!?；;]")


def _sentences(line_text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _SENTENCE_END.finditer(line_text):
        yield start, m.end()
        start = m.end()
    if start < len(line_text):
        yield start, len(line_text)


def _analyse(document) -> list[Finding]:
    prose = document.prose
    findings: list[Finding] = []
    lines = list(document.lines())
    for line in lines:
        text = prose[line.start:line.end]
        if not _MAYBE_COUNT.search(text):
            continue
        quantities = _read_quantities(text, line.start)
        k = 0
        for s, e in _sentences(text) if len(quantities) >= 2 else ():
            # every check needs two figures in one sentence
            first = k
            while k < len(quantities) and quantities[k].start < line.start + e:
                k += 1
            if k - first < 2:
                continue
            sentence = _Sentence(prose, line.start, line.start + s, line.start + e, quantities[first:k], text)
            findings.extend(_sums(sentence))
            findings.extend(_differences(sentence))
            findings.extend(_rates(sentence))
        findings.extend(_enumerations(prose, line, lines))
    return findings


_MAYBE_COUNT = _lazy(r"[0-9０-９零〇两二三四五六七八九十百千Xx×]")


@dataclass
class _Sentence:
    prose: str
    line_start: int
    start: int
    end: int
    quantities: list[Quantity]
    line_text: str

    def gap(self, i: int) -> str:
        """The text between quantity ``i - 1`` (its unit) and quantity ``i``."""
        q = self.quantities[i]
        left = self.quantities[i - 1].unit_end if i > 0 else self.start
        return self.prose[left:q.start]

    def after(self, i: int, n: int = 8) -> str:
        q = self.quantities[i]
        return self.prose[q.unit_end:min(self.end, q.unit_end + n)]


# -- parts against their total ---------------------------------------------

_TOTAL_GAP = _lazy(
    # 合计1874人, and 合计慢病患者1874人: after 合计/共计/总计 a short noun may name the total
    rf"^[，,]?\s*(?:(?:共计|合计|总计)(?P<noun>[{HAN}]{{1,6}}?)?|总共|共)(?:为|达到?|有|是)?$"
)
# A verb in the noun after 合计 makes it another figure (合计处罚5家, 共计完成): not a plain total noun.
_TOTAL_NOUN_VERB = (
    "完成", "开展", "办理", "办结", "受理", "处理", "处罚", "查处", "立案", "结案", "整改", "发放", "发现", "检查", "培训",
    "新增", "新建", "增加", "减少", "下降", "提高", "降低", "增长", "接待", "走访", "出动", "收到", "组织", "举办", "实现",
    "涉及", "包括", "覆盖", "惠及", "带动", "服务", "帮扶", "参与", "参加", "回访", "调解", "化解", "解决", "处置", "挽回",
    "追回", "罚款", "没收", "拆除", "清理", "整治", "投入", "签订", "签约", "吸纳", "安置", "救助", "资助", "补贴", "累计",
    "全年", "同比", "达", "占", "比", "较", "其中", "以上", "以下", "余", "超", "近", "约", "的",
)
_PART_GAP = _lazy(rf"^(?:、|和|及|以及)[{HAN}A-Za-z“”\"]{{0,12}}$")
_OF_WHICH_GAP = _lazy(rf"^[，,]?[（(]?其中[：:，,]?(?P<label>[{HAN}A-Za-z]{{0,12}})$")
_ASIDE_GAP = _lazy(rf"^[、，,][{HAN}]{{0,6}}$")
_NEXT_PART_GAP = _lazy(rf"^[、，,；;](?P<label>[{HAN}A-Za-z]{{0,12}})$")
_SHARE_GAP = _lazy(rf"^(?P<sep>[、，,；;]|其中|[，,]其中)?[：:]?(?P<label>[{HAN}A-Za-z]{{0,10}}?)占(?P<base>[{HAN}]{{0,8}}?)(?:为|达到?|了)?$")
_REST = ("其余", "其他", "其它", "剩余", "余下", "另有", "另外")
_COMPLEMENTS = (
    ("公办", "民办"), ("公立", "私立"), ("国内", "海外"), ("国内", "国外"), ("境内", "境外"),
    ("城镇", "农村"), ("城区", "农村"), ("城市", "农村"), ("城镇", "乡村"), ("男性", "女性"), ("男", "女"),
    ("线上", "线下"), ("省内", "省外"), ("市内", "市外"), ("县内", "县外"), ("区内", "区外"),
    ("国有", "民营"), ("内资", "外资"), ("本地", "外地"), ("主办", "协办"), ("存量", "新增"),
    ("合格", "不合格"), ("达标", "不达标"), ("已", "未"),
)


def _complementary(a: str, b: str) -> bool:
    for x, y in _COMPLEMENTS:
        for p, q in ((x, y), (y, x)):
            if a.startswith(p) and b.startswith(q) and a[len(p):] == b[len(q):]:
                return True
    return False


def _total_noun_ok(noun: str | None, last_gap: str) -> bool:
    """Whether the noun after 合计 still names the sum of the parts before it.

    合计慢病患者1874人 after 糖尿病患者548人 does (the same noun family, or a
    plain noun); 合计处罚5家 after 检查企业12家 names another figure.
    """
    if not noun:
        return True
    # the part of the noun the last part's label does not share (合计补贴 after 农机补贴: nothing;
    # 合计处罚企业 after 餐饮企业: 处罚) must hold no verb
    label = last_gap.lstrip("、和及以")
    shared = 0
    while shared < min(len(label), len(noun)) and label[-1 - shared] == noun[-1 - shared]:
        shared += 1
    rest = noun[:len(noun) - shared]
    return not any(w in rest for w in _TOTAL_NOUN_VERB)


# Labels that cut across the breakdown (党员 among 教师, 本科以上 among 职工):
# such parts may overlap, and so may add up to more than the total.
_CROSS_CUTTING = ("女", "男", "党员", "团员", "少数民族", "退役", "残疾", "岁", "以上", "以下", "及以", "硕士", "博士",
                  "研究生", "本科", "专科", "高级", "中级", "初级", "其中", "累计", "新增", "同比")


def _one_kind(labels: list[str]) -> bool:
    """Whether the labels after 其中 split one whole along one dimension.

    常规公交、定制公交、微循环公交 share their last character; 党员、女教师 do not, and
    may overlap. A label that cuts across (女, 党员, 以上) is never trusted.
    """
    return (all(len(lb) >= 2 for lb in labels) and len({lb[-1] for lb in labels}) == 1
            and not any(w in lb for lb in labels for w in _CROSS_CUTTING))


def _exceeds_finding(parts: list[Quantity], total: Quantity) -> Finding | None:
    """Parts of one kind listed after 其中 that add up to more than their total."""
    low = sum((p.low() for p in parts), Decimal(0))
    if low <= total.high() + Decimal("1e-9"):
        return None
    value = sum((p.value for p in parts), Decimal(0))
    shown = _fmt(value, total.text)
    if shown == _show(total):
        return None
    expr = " + ".join(_show(p) for p in parts)
    return Finding("sum", total.start, total.end, f"其中各项之和 {expr} = {shown}，超过总数{_show(total)}",
                   f"the parts add up to more than the total: {expr} = {shown} > {_show(total)}", None)


def _plain(q: Quantity) -> bool:
    return not q.approx and not q.change


def _sum_finding(parts: list[Quantity], total: Quantity) -> Finding | None:
    low = sum((p.low() for p in parts), Decimal(0))
    high = sum((p.high() for p in parts), Decimal(0))
    if _agrees(low, high, total, loose=False):
        return None
    value = sum((p.value for p in parts), Decimal(0))
    shown = _fmt(value, total.text)
    if shown == _show(total):
        return None
    expr = " + ".join(_show(p) for p in parts)
    return Finding("sum", total.start, total.end, f"{expr} = {shown}，文中为{_show(total)}",
                   f"{expr} = {shown}, the text says {_show(total)}", format_like(value, total.text))


def _sums(s: _Sentence) -> Iterator[Finding]:
    qs = s.quantities
    for i, total in enumerate(qs):
        # Parts first, then the total they make: 完成12项、推进中5项，共18项.
        gap = s.gap(i) if i >= 2 and _plain(total) else ""
        tm = _TOTAL_GAP.match(gap) if ("共" in gap or "计" in gap) else None
        if tm and _total_noun_ok(tm.group("noun"), s.gap(i - 1)):
            parts, j = [], i - 1
            while True:
                if qs[j].unit != total.unit or not _plain(qs[j]):
                    parts = []  # an approximate part, or one in another unit: no sum to check
                    break
                parts.append(qs[j])
                if j == 0 or not _PART_GAP.match(s.gap(j)):
                    break
                j -= 1
            if len(parts) >= 2 and "共" not in s.gap(j)[-3:]:
                parts.reverse()
                f = _sum_finding(parts, total)
                if f:
                    yield f
        # The total first, then the parts it is made of: 共有幼儿园126所，其中公办园58所、民办园68所.
        # Parts known to be the whole must add up to it; any other breakdown of
        # one kind (常规公交、定制公交、微循环公交) may leave some out, but can never exceed it.
        # One figure in another unit may stand between: 拆除违建46处、面积1.38万平方米，其中….
        if i + 2 < len(qs) and _plain(total):
            first = i + 1
            if (qs[first].unit != total.unit and first + 2 < len(qs) and "其中" in s.gap(first + 1)
                    and _ASIDE_GAP.match(s.gap(first)) and _OF_WHICH_GAP.match(s.gap(first + 1))):
                first += 1
            gap = s.gap(first)
            m = _OF_WHICH_GAP.match(gap) if "其中" in gap else None
            if not m:
                continue
            labels, parts, j = [m.group("label")], [qs[first]], first + 1
            while j < len(qs):
                n = _NEXT_PART_GAP.match(s.gap(j))
                if not n or qs[j].unit != total.unit:
                    break  # the list of parts ends where the unit changes (，罚没款612.5万元)
                labels.append(n.group("label"))
                parts.append(qs[j])
                j += 1
            if len(parts) < 2 or any(p.unit != total.unit or not _plain(p) for p in parts):
                continue
            if s.after(j - 1, 1) in ("等",) or "等" in labels[-1]:
                continue
            exhaustive = labels[-1].startswith(_REST) or (len(parts) == 2 and _complementary(labels[0], labels[1]))
            if exhaustive:
                f = _sum_finding(parts, total)
                if f:
                    yield f
            elif _one_kind(labels):
                f = _exceeds_finding(parts, total)
                if f:
                    yield f
    yield from _shares(s)


def _shares(s: _Sentence) -> Iterator[Finding]:
    """Shares of one whole listed side by side that add up to more than 100%."""
    qs = s.quantities
    i = 0
    while i < len(qs):
        gap = s.gap(i) if qs[i].unit == "%" else ""
        m = _SHARE_GAP.match(gap) if "占" in gap else None
        if not (m and _plain(qs[i])):
            i += 1
            continue
        run, base, labels, j = [qs[i]], m.group("base"), [m.group("label")], i + 1
        while j < len(qs):
            n = _SHARE_GAP.match(s.gap(j))
            if not (n and n.group("sep") and qs[j].unit == "%" and _plain(qs[j]) and n.group("base") == base):
                break
            run.append(qs[j])
            labels.append(n.group("label"))
            j += 1
        # Shares of one whole split along one dimension (第一产业, 第二产业…) share
        # a last character; 本科以上学历 and 中级以上职称 overlap and may exceed 100%.
        one_dimension = all(labels) and len({lb[-1] for lb in labels}) == 1 and not any(
            w in lb for lb in labels for w in ("以上", "以下", "及以"))
        if len(run) >= 2 and one_dimension:
            low = sum((q.low() for q in run), Decimal(0))
            if low > 100 + Decimal("1e-9"):
                total = sum((q.value for q in run), Decimal(0))
                expr = " + ".join(_show(q) + "%" for q in run)
                shown = format(total.normalize(), "f")
                last = run[-1]
                yield Finding("sum", last.start, last.end, f"各部分占比之和 {expr} = {shown}%，超过100%",
                              f"the shares add up to more than 100%: {expr} = {shown}%", None)
        i = j


# -- differences -----------------------------------------------------------

_DOWN = ("差", "低", "少", "减少", "下降", "降低", "低于", "缩小", "降", "减", "净减", "缩短", "减收")
_UP = ("高", "多", "增加", "上升", "提高", "超出", "高出", "增长", "提升", "扩大", "增", "升", "净增", "超", "延长", "增收")
_VERB = r"(?:减少|下降|降低|低于|缩小|缩短|增加|上升|提高|超出|高出|增长|提升|扩大|延长|净增|净减|增收|减收|差|低|少|高|多|超)"
# 较年度目标（252）差 / 比上年的215天减少: the base figure, then the stated change.
# The units are not spelt out here (that would double the pattern and its
# compile time): a unit in brackets is looked up in _UNITS, and a bare base
# must be a figure already read, followed by nothing but 相比 and ，(see _versus_match).
_VERSUS = _lazy(
    rf"(?:较|比)(?P<label>(?:20[0-9]{{2}}年)?[^0-9０-９，。；、,;:：（()）]{{0,10}}?)(?<=[^较比])"
    rf"(?:[（(](?P<base>{ARABIC_NUMBER})(?P<bscale>[万亿]?)(?P<bunit>[^（()）0-9０-９.．]{{1,8}})?[）)]"
    rf"|的?(?P<bare>{ARABIC_NUMBER})[^，。；、,;:：（()）0-9０-９.．]{{1,12}}?)"
    rf"(?:相比)?[，,]?(?P<verb>{_VERB})了?$"
)
_AFTER_BARE_BASE = ("", "相比", "，", ",", "相比，", "相比,")
#: Every spelling _UNIT matches (微克/立方米, 微克／立方米, …).
_UNITS = frozenset(word for words in _UNIT_BY_FIRST.values() for word in words)


def _versus_match(window: str, window_start: int, qs: list[Quantity]):
    """The leftmost 较/比 comparison that ends ``window``, as _VERSUS with the units spelt out would find it."""
    pos = 0
    while True:
        m = _VERSUS.search(window, pos)
        if m is None:
            return None
        if m.group("base") is not None:
            if m.group("bunit") is None or m.group("bunit") in _UNITS:
                return m
        else:
            at = window_start + m.start("bare")
            q = next((q for q in qs if q.start == at), None)
            if (q is not None and q.unit_start - at == len(q.text) and q.text[-2:-1] not in ("万", "亿")
                    and window[q.unit_end - window_start:m.start("verb")] in _AFTER_BARE_BASE):
                return m
        pos = m.start() + 1


_VERB_LAST = frozenset(v[-1] for v in _VERB[3:-1].split("|"))  # a window _VERSUS may match ends with one
# 由12人 / 由上年的320万元 / 从2022年的8.4天: the earlier level, perhaps with a short modifier ending in 的.
_FROM = _lazy(rf"(?:由|从)(?:[{HAN}0-9]{{1,8}}的)?$")
_FROM_TO = _lazy(r"^的?(?P<verb>增加|增长|提高|提升|上升|扩大|下降|减少|降低|缩小|增|升|降|减)(?:到|至)$")
_THEN_CHANGE = _lazy(rf"^[，,]?(?:同比|共|累计|净)?(?P<verb>{_VERB}|增幅|降幅|增长率)了?(?:为|达到?)?$")


def _direction(verb: str) -> int:
    verb = verb.replace("幅", "").replace("率", "")
    if verb in _DOWN or verb.startswith(("降", "减", "下")):
        return -1
    if verb in _UP or verb.startswith(("增", "升", "提", "上")):
        return 1
    return 0


def _diff_finding(kind: str, later: Quantity | Decimal, earlier: Quantity | Decimal, stated: Quantity,
                  direction: int, later_text: str, earlier_text: str) -> Finding | None:
    """Check ``stated`` against ``later − earlier`` (``direction`` says which way the text says it went)."""
    lv, ls = (later.value, later.slack) if isinstance(later, Quantity) else (later, Decimal(0))
    ev, es = (earlier.value, earlier.slack) if isinstance(earlier, Quantity) else (earlier, Decimal(0))
    delta = lv - ev
    if direction == 0 or delta == 0 or (delta > 0) != (direction > 0):
        return None  # the sign disagrees: the figures are probably not the ones compared
    size = abs(delta)
    low, high = size - ls - es, size + ls + es
    if _agrees(low, high, stated, loose=False):
        return None
    shown = _fmt(size, stated.text)
    if shown == _show(stated):
        return None
    a, b = (later_text, earlier_text) if delta > 0 else (earlier_text, later_text)
    return Finding(kind, stated.start, stated.end, f"{a} − {b} = {shown}，文中为{_show(stated)}",
                   f"{a} − {b} = {shown}, the text says {_show(stated)}", format_like(size, stated.text))


def _rate_finding(part: Decimal, whole: Decimal, part_slack: Decimal, whole_slack: Decimal, stated: Quantity,
                  expr_zh: str, expr_en: str) -> Finding | None:
    if whole - whole_slack <= 0:
        return None
    with localcontext() as ctx:
        ctx.prec = 28
        low = (part - part_slack) / (whole + whole_slack) * 100
        high = (part + part_slack) / (whole - whole_slack) * 100
        value = part / whole * 100
    if low > high:
        low, high = high, low
    if _agrees(low, high, stated):
        return None
    shown = _fmt(value, stated.text)
    if shown == _show(stated):
        return None
    unit = "%" if stated.unit == "%" else stated.unit
    return Finding("rate", stated.start, stated.end, f"{expr_zh} = {shown}{unit}，文中为{_show(stated)}{unit}",
                   f"{expr_en} = {shown}{unit}, the text says {_show(stated)}{unit}", format_like(value, stated.text))


def _level_before(qs: list[Quantity], i: int, unit: str) -> Quantity | None:
    """The nearest figure before ``qs[i]`` in ``unit`` that states a level, stepping
    over changes (``同比减少17天``); None when that figure is approximate."""
    for q in reversed(qs[:i]):
        if q.unit == unit and not q.change:
            return None if q.approx else q
    return None


def _differences(s: _Sentence) -> Iterator[Finding]:
    qs = s.quantities
    for i, d in enumerate(qs):
        if d.approx:
            continue
        gap = s.gap(i)
        # X … 较年度目标（252）差46天 / 比上年的215天减少8天
        window_start = max(s.start, d.start - 40)
        window = s.prose[window_start:d.start]
        # cheap tests first: _VERSUS needs 较/比 and ends with its verb (and 了)
        m = (_versus_match(window, window_start, qs)
             if window.rstrip("了")[-1:] in _VERB_LAST and ("较" in window or "比" in window) else None)
        if m:
            f = _versus(s, i, m, window_start)
            if f:
                yield f
            continue
        # 由12人增加到19人，增加7人 / 由85.2%提高到91.6%，提高6.4个百分点
        if i < 2:
            continue
        g1 = s.gap(i - 1)
        if not (g1.endswith(("到", "至")) and (t := _THEN_CHANGE.match(gap)) and (ft := _FROM_TO.match(g1))
                and _FROM.search(s.gap(i - 2))):
            continue
        a, b = qs[i - 2], qs[i - 1]
        if a.approx or b.approx or a.unit != b.unit:
            continue
        direction = _direction(ft.group("verb"))
        if _direction(t.group("verb")) != direction:
            continue
        if (d.unit == a.unit and not a.percent) or (a.percent and d.unit == "个百分点"):
            f = _diff_finding("diff", b, a, d, direction, _show(b), _show(a))
        elif d.percent and not a.percent and (b.value - a.value) * direction > 0:
            hi, lo = (b, a) if direction > 0 else (a, b)
            expr = f"({_show(hi)} − {_show(lo)}) ÷ {_show(a)}"
            f = _rate_finding(abs(b.value - a.value), a.value, a.slack + b.slack, a.slack, d, expr, expr.replace("÷", "/"))
        else:
            f = None
        if f:
            yield f


def _versus(s: _Sentence, i: int, m, window_start: int) -> Finding | None:
    qs = s.quantities
    d = qs[i]
    direction = _direction(m.group("verb"))
    as_rate = d.unit == "%"  # 比上年（10.5亿元）增长14.3%: a rate of change
    figure_unit = "%" if d.unit == "个百分点" else None if as_rate else d.unit
    compare_at = window_start + m.start()
    if m.group("base") is not None:
        at = window_start + m.start("base")
        known = [q for q in qs if q.start == at]
        if known:
            base = known[0]
        else:
            text = m.group("base") + m.group("bscale")
            step = written_step(text)
            rounded = step != 1 or figure_unit in ("%", "‰")
            base = Quantity(at, at + len(text), text, parse_number(text), step / 2 if rounded else Decimal(0),
                            figure_unit, at + len(text), False, False)
    else:
        at = window_start + m.start("bare")
        known = [q for q in qs if q.start == at]
        if not known:
            return None
        base = known[0]
    if as_rate:
        # the base must carry its own unit, and not be a per cent (比上年（85%）提高5%: points or per cent?)
        if base.value is None or base.approx or not base.unit or base.percent or base.unit == "个百分点":
            return None
        figure_unit = base.unit
    if base.value is None or base.approx or base.unit != figure_unit:
        return None
    before = [q for q in qs if q.unit_end <= compare_at]
    figure = _level_before(before, len(before), figure_unit)
    if figure is None:
        return None
    if as_rate:
        delta = figure.value - base.value
        if direction == 0 or delta == 0 or (delta > 0) != (direction > 0) or base.value <= 0:
            return None
        hi, lo = (figure, base) if delta > 0 else (base, figure)
        expr = f"({_show(hi)} − {_show(lo)}) ÷ {_show(base)}"
        return _rate_finding(abs(delta), base.value, figure.slack + base.slack, base.slack, d, expr, expr.replace("÷", "/"))
    return _diff_finding("diff", figure, base, d, direction, _show(figure), _show(base))


# -- rates -----------------------------------------------------------------

_YOY = _lazy(r"(?:同比|比上年|较上年|比去年|较去年)(?:同期)?(?P<verb>增长|增加|上升|提高|下降|减少|降低)了?(?:为|达到?)?$")
_LAST_YEAR = _lazy(rf"(?:去年|上年|上一年)(?:同期|全年)?[{HAN}]{{0,6}}$")
_SHARE_OF = _lazy(rf"^[，,]?(?:占|占到)(?P<label>[{HAN}]{{0,10}}?)(?:的)?(?:比重|比例)?(?:为|达到?|约)?$")
_FULL_STOP = _lazy(r"[。！？!?]")
_WHOLE_OPEN = _lazy(rf"^[，,]?(?:占|占到)[{HAN}]{{0,12}}[（(]$")
_WHOLE_CLOSE = _lazy(r"^[）)]的?(?:比重|比例)?(?:为|达到?)?$")


def _rate_verb(gap: str) -> str | None:
    """The verb of a named rate ending ``gap`` (办结率为 → 办结), if it is one _RATE_VERBS lists."""
    for word in ("达到", "为", "达", "是"):
        if gap.endswith(word):
            gap = gap[:-len(word)]
            break
    verb = gap[-3:-1] if gap.endswith("率") else ""
    return verb if verb in _RATE_VERBS else None


_TARGET = ("目标", "任务", "计划")  # what marks the target of a 完成率
_RATE_VERBS = ("完成", "办结", "整改", "合格", "达标", "结案", "处置", "回复", "销号", "验收", "签约", "开工", "竣工", "处理", "落实", "兑现")


def _rates(s: _Sentence) -> Iterator[Finding]:
    qs = s.quantities
    for i, r in enumerate(qs):
        if r.unit != "%" or r.approx:
            continue
        gap = s.gap(i)
        # each pattern is tried only where a word it needs is in the gap
        m = _YOY.search(gap) if ("比" in gap or "较" in gap) else None
        if m:
            yield from _yoy(s, i, _direction(m.group("verb")))
            continue
        m = _SHARE_OF.match(gap) if "占" in gap else None
        if m and i > 0 and _plain(qs[i - 1]) and not qs[i - 1].percent:
            yield from _share_of(s, i, m.group("label"))
            continue
        if i >= 2 and gap[:1] in ("）", ")") and _WHOLE_CLOSE.match(gap) and _WHOLE_OPEN.match(s.gap(i - 1)):
            part, whole = qs[i - 2], qs[i - 1]
            if part.unit == whole.unit and _plain(part) and _plain(whole) and not part.percent and 0 < part.value <= whole.value:
                f = _rate_finding(part.value, whole.value, part.slack, whole.slack, r,
                                  f"{_show(part)} ÷ {_show(whole)}", f"{_show(part)} / {_show(whole)}")
                if f:
                    yield f
            continue
        verb = _rate_verb(gap)
        if verb and "占" not in gap:
            yield from _named_rate(s, i, verb)


def _yoy(s: _Sentence, i: int, direction: int) -> Iterator[Finding]:
    qs = s.quantities
    r = qs[i]
    # an absolute change between (比上年的80.32亿元增加6.10亿元，同比增长7.6%) is not a level
    levels = [(j, q) for j, q in enumerate(qs[:i]) if not q.percent and q.unit != "个百分点" and not q.change]
    if len(levels) != 2 or any(not _plain(q) for _, q in levels) or levels[0][1].unit != levels[1][1].unit:
        return
    last = [(j, q) for j, q in levels if _LAST_YEAR.search(s.gap(j))]
    if len(last) != 1:
        return
    (jb, before), = last
    (ja, now), = [(j, q) for j, q in levels if j != jb]
    if _LAST_YEAR.search(s.gap(ja)):
        return
    delta = now.value - before.value
    if direction == 0 or delta == 0 or (delta > 0) != (direction > 0):
        return
    expr = f"({_show(now)} − {_show(before)}) ÷ {_show(before)}" if delta > 0 else f"({_show(before)} − {_show(now)}) ÷ {_show(before)}"
    f = _rate_finding(abs(delta), before.value, now.slack + before.slack, before.slack, r, expr, expr.replace("÷", "/"))
    if f:
        yield f


def _share_of(s: _Sentence, i: int, label: str) -> Iterator[Finding]:
    qs = s.quantities
    part, r = qs[i - 1], qs[i]
    whole = None
    if label in ("", "比"):
        # 在册员工2418人，其中研发人员1032人，占比42.7%: the whole is the total before 其中
        j = i - 1
        if j >= 1 and _OF_WHICH_GAP.match(s.gap(j)) and qs[j - 1].unit == part.unit and _plain(qs[j - 1]):
            whole = qs[j - 1]
    else:
        whole = _figure_named(s, label, part.unit, exclude=part)
    if whole is None or whole.value <= 0 or part.value > whole.value:
        return
    f = _rate_finding(part.value, whole.value, part.slack, whole.slack, r,
                      f"{_show(part)} ÷ {_show(whole)}", f"{_show(part)} / {_show(whole)}")
    if f:
        yield f


def _figure_named(s: _Sentence, label: str, unit: str, exclude: Quantity) -> Quantity | None:
    """The one figure this sentence or the one before gives for ``label`` (``实现营业收入8.6亿元``).

    Only so near: a whole named further away may belong to another period.
    """
    if len(label) < 2:
        return None
    line = s.line_text
    local_start = s.start - s.line_start
    previous = max((m.end() for m in _FULL_STOP.finditer(line, 0, max(0, local_start - 1))), default=0)
    found: dict[Decimal, Quantity] = {}
    pattern = regex.compile(regex.escape(label) + r"(?:总额|总量|总数)?(?:为|达到?|实现|共|共计|合计|总计|是|有)?$")
    for q in _read_quantities(line, s.line_start):
        if q is exclude or q.start == exclude.start or q.unit != unit or not (s.line_start + previous <= q.start < s.end):
            continue
        before = line[max(0, q.start - s.line_start - len(label) - 4):q.start - s.line_start]
        if pattern.search(before):
            if q.approx:
                return None
            found[q.value] = q
    return next(iter(found.values())) if len(found) == 1 else None


def _named_rate(s: _Sentence, i: int, verb: str) -> Iterator[Finding]:
    qs = s.quantities
    levels = [(j, q) for j, q in enumerate(qs[:i]) if not q.percent and q.unit != "个百分点"]
    if len(levels) != 2 or any(not _plain(q) for _, q in levels):
        return
    (jd, whole), (jn, part) = levels
    if whole.unit != part.unit:
        return
    # 完成率: the target is the figure marked 目标/任务/计划, in either order
    # (体检2680人，年度目标任务3000人 / 年度目标任务3000人，完成体检2680人).
    targets = [any(w in s.gap(j) for w in _TARGET) for j in (jd, jn)] if verb == "完成" else [False, False]
    if targets == [False, True]:
        whole, part = part, whole
    elif not (verb in s.gap(jn) or targets == [True, False]):
        return
    if part.value > whole.value and verb != "完成":
        return
    f = _rate_finding(part.value, whole.value, part.slack, whole.slack, qs[i],
                      f"{_show(part)} ÷ {_show(whole)}", f"{_show(part)} / {_show(whole)}")
    if f:
        yield f


# -- announced counts against the items listed ------------------------------

_COUNT_WORD = r"(?P<count>十[一二三四五六七八九]?|[两二三四五六七八九]|[1-9][0-9]?|[Xx×])"
# A count of kinds: 三个方面, 六大行动, 四项指标, x个方面 (a template's placeholder).
_ANNOUNCED = _lazy(rf"{_COUNT_WORD}(?P<cls>个方面|大|个|项|类|种|条|方面)(?=[{HAN}])")
_COUNT_START = _lazy(r"[十两二三四五六七八九1-9Xx×](?=[一二三四五六七八九0-9]?(?:个|大|项|类|种|条|方面))")
# What may not stand right before a count: a digit or letter (5G, 12个), 第 (an
# ordinal), or another numeral (二十三个 is not 十三个).
_NOT_BEFORE_COUNT = set("0123456789０１２３４５６７８９ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz第前后每零〇一二两三四五六七八九十百千万亿")
_RESPECTIVELY = _lazy(r"分别(?:为|是)[：:]?")
_CLAUSE = "，。；：！？,;:!?"
_CLAUSE_END = _lazy(rf"[{_CLAUSE}]")
_CONNECTOR = _lazy(r"以及|和|及|与")
# After 个/项/条/类/种, a count of kinds (三项措施) rather than of instances
# (企业、学校5个单位 counts units, not the two kinds listed).
_KIND_NOUNS = (
    "方面", "领域", "行动", "工程", "任务", "指标", "措施", "体系", "重点", "环节", "机制", "制度", "专项", "攻坚",
    "保卫战", "战役", "类别", "板块", "主题", "原则", "目标", "要求", "标准", "清单", "平台", "中心", "层级",
    "步骤", "阶段", "维度", "渠道", "功能", "职能", "课题", "问题", "短板", "方向", "产业", "行业", "模式", "举措",
    "计划", "能力", "工作", "项目", "方案", "文件", "活动", "专班", "小组", "会议", "品牌", "基地", "园区", "乡镇",
    "街道", "村", "社区", "断面", "河", "湖", "水库", "站", "县", "区", "市", "镇", "环境", "污染", "考核", "服务",
)
_BRACKETED = _lazy(r"“[^“”\n]*”|‘[^‘’\n]*’|《[^《》\n]*》|（[^（）\n]*）|\([^()\n]*\)|【[^【】\n]*】|「[^「」\n]*」|\"[^\"\n]*\"")
_OPENERS = ("“", "‘", "《", "（", "(", "【", "「", '"')
_LOOKBACK = 240  # no list in a draft runs longer than this before its count
_MAX_ITEMS = 20  # nor has more items than this
_LEADING_MARKER = _lazy(r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2})、")
_HAS_DIGIT = _lazy(r"[0-9０-９]")


def _split_at(text: str, masked: str, sep: str) -> list[str]:
    """``text`` split at each ``sep`` of ``masked`` (its copy with brackets masked)."""
    items, last = [], 0
    k = masked.find(sep)
    while k != -1:
        items.append(text[last:k])
        last = k + len(sep)
        k = masked.find(sep, last)
    items.append(text[last:])
    return items


def _mask_brackets(text: str) -> str:
    """``text`` with what is inside quotes and brackets replaced by ``_`` (same length),
    so that the 、 of ``“双随机、一公开”`` does not split the list around it."""
    if not any(o in text for o in _OPENERS):
        return text
    for _ in range(3):  # innermost pairs first; three levels of nesting is plenty
        masked = _BRACKETED.sub(lambda m: m.group()[0] + "_" * (len(m.group()) - 2) + m.group()[-1], text)
        if masked == text:
            break
        text = masked
    return text


def _connector_split(item: str, others: list[str]) -> set[int]:
    """How many items ``item`` may hold: {1}, {2} or {1, 2} (A和B: one item or two?).

    ``协调联动`` after ``和`` is a second item; ``修复`` in ``水生态保护和修复``
    is one verb sharing its object with ``保护``: a single short word after the
    connector, much shorter than every other item, joins two words, not two items.
    """
    conns = list(_CONNECTOR.finditer(item))
    if not conns:
        return {1}
    if len(conns) > 1:
        return {1, 2, 3}
    c = conns[0]
    before, after = item[:c.start()], item[c.end():]
    if not before or not after or "_" in item:
        return {1, 2}
    from doclint.segment import cut  # lazy: jieba loads only for such items

    after_words = cut(after)
    before_words = cut(before)
    shortest = min((len(o) for o in others), default=0)
    if len(after_words) >= 2 or len(before_words) == 1 or (len(after) >= 3 and 2 * len(after) >= shortest):
        return {2}  # 协调联动, 人才培养: as long as an item
    if len(before_words) >= 2 and len(after) <= len(before_words[-1]) and 2 * len(after) <= shortest:
        return {1}
    return {1, 2}


def _list_counts(items: list[str], first_known: bool) -> set[int]:
    """The possible numbers of items in a 、-list; the first item's start may be unknown."""
    counts = {0}
    for k, item in enumerate(items):
        if k == 0 and not first_known:
            options = {1, 2} if _CONNECTOR.search(item) else {1}
        else:
            others = [o for n, o in enumerate(items) if n != k and (n > 0 or first_known)]
            options = _connector_split(item, others)
        counts = {c + o for c in counts for o in options}
    return counts


def _read_count(word: str) -> int | None:
    if word in ("X", "x", "×"):
        return None
    if word.isdigit():
        return int(word)
    return cn_to_int(word)


#: Returned when a list was found and agrees with its count (nothing to report, look no further).
AGREES = Finding("agrees", 0, 0, "", "", None)


def _count_finding(start: int, end: int, word: str, counts: set[int], what_zh: str, what_en: str) -> Finding:
    value = _read_count(word)
    if len(counts) != 1:
        return AGREES  # the list may be read two ways: say nothing
    (n,) = counts
    if value is None:
        return Finding("fill", start, end, f"占位的“{word}”可填为{n}：{what_zh}列出了{n}项",
                       f"the placeholder “{word}” can read {n}: {n} items are listed {what_en}", str(n))
    if value == n:
        return AGREES
    suggestion = str(n) if word.isdigit() else "两" if n == 2 else int_to_cn(n)
    return Finding("list", start, end, f"文中为“{word}”，{what_zh}列出{n}项",
                   f"the text says {word}, but {n} items are listed {what_en}", suggestion)


class _Line:
    """One line being checked for announced counts; its brackets are masked on first need."""

    def __init__(self, prose: str, line, lines: list, text: str):
        self.prose, self.line, self.lines, self.text = prose, line, lines, text
        self._masked: str | None = None

    @property
    def masked(self) -> str:
        if self._masked is None:
            self._masked = _mask_brackets(self.text)
        return self._masked


def _enumerations(prose: str, line, lines) -> Iterator[Finding]:
    text = prose[line.start:line.end]
    ctx = None
    for m in _anchored(_ANNOUNCED, _COUNT_START, text):
        if m.start() and text[m.start() - 1] in _NOT_BEFORE_COUNT:
            continue
        word = m.group("count")
        value = _read_count(word)
        if value is not None and not (2 <= value <= 10):
            continue
        kinds = m.group("cls") in ("大", "方面", "个方面") or text.startswith(_KIND_NOUNS, m.end())
        if not kinds and "分别" not in text[m.end():m.end() + 40]:
            continue  # neither a count of kinds nor one with 分别为: nothing to count against
        ctx = ctx or _Line(prose, line, lines, text)
        if ctx.masked[m.start()] == "_":
            continue  # inside quotes: a name such as “三个以案”
        start, end = line.start + m.start("count"), line.start + m.end("count")
        f = _list_before(ctx, m, word, start, end) if kinds else None
        if f is None:
            f = _list_after(ctx, m, word, start, end)
        if f is None and kinds and m.group("cls") not in ("种", "类"):
            f = _items_after(ctx, m, word, start, end)
        if f is not None and f is not AGREES:
            yield f


def _clause_start(masked: str, end: int) -> int:
    """Where the clause that ends at ``end`` begins (after the last ，。；： outside brackets)."""
    lo = max(0, end - _LOOKBACK)
    last = None
    for last in _CLAUSE_END.finditer(masked, lo, end):
        pass
    return last.end() if last else lo


def _list_before(ctx: _Line, m, word: str, start: int, end: int) -> Finding | None:
    """从组织领导、日常监管和协调联动x个方面 / “xx蓝天、xx碧水…”五大行动计划."""
    text, masked = ctx.text, ctx.masked
    pre_end = m.start()
    if text[max(0, pre_end - 1):pre_end] in ("共", "这", "此"):
        pre_end -= 1
    if text[max(0, pre_end - 1):pre_end] == "等":
        return None  # 等 may close an open list
    pre_start = _clause_start(masked, pre_end)
    marker = _LEADING_MARKER.match(text, pre_start, pre_end)
    if marker:
        pre_start = marker.end()  # 三、加强队伍、制度两大建设: 三、 numbers the heading
    first_known = pre_start > 0 and pre_end - pre_start < _LOOKBACK
    if pre_end > pre_start and text[pre_end - 1] in "”’》」』\"":
        # a quoted list: its first item starts right after the opening mark
        opener = {"”": "“", "’": "‘", "》": "《", "」": "「", "』": "『", "\"": "\""}[text[pre_end - 1]]
        k = text.rfind(opener, pre_start, pre_end - 1)
        if k == -1:
            return None
        quoted = _mask_brackets(text[k + 1:pre_end - 1])
        if "、" in quoted:
            pre_start, pre_end, first_known = k + 1, pre_end - 1, True
            pre, mpre = text[pre_start:pre_end], quoted
        else:  # “一岗双责”、“党政同责”: a list of quoted items
            first_known = False
            pre, mpre = text[pre_start:pre_end], masked[pre_start:pre_end]
    else:
        first_known = False
        pre, mpre = text[pre_start:pre_end], masked[pre_start:pre_end]
    if not pre or pre.endswith("等") or "、" not in mpre or _HAS_DIGIT.search(mpre):
        return None
    items = _split_at(pre, mpre, "、")
    if len(items) > _MAX_ITEMS or any(not it.strip() for it in items) or any(len(it) > 30 for it in items[1:]):
        return None
    if "的" in items[-1] or "之" in items[-1]:
        return None  # 省、市下达的三项指标: the list modifies something else, not the count
    return _count_finding(start, end, word, _list_counts(items, first_known), "前文", "before it")


def _list_after(ctx: _Line, m, word: str, start: int, end: int) -> Finding | None:
    """X个地表水考核断面水质分别为Ⅲ类、Ⅲ类、Ⅳ类: the list follows 分别为 in the same clause."""
    text, masked = ctx.text, ctx.masked
    stop = _CLAUSE_END.search(masked, m.end(), min(len(text), m.end() + 40))
    clause_end = stop.start() if stop else min(len(text), m.end() + 40)
    k = text.find("分别", m.end(), clause_end)
    r = _RESPECTIVELY.search(text, k, clause_end) if k != -1 else None
    if not r or _ANNOUNCED.search(text, m.end(), r.start()):
        return None
    stop = _CLAUSE_END.search(masked, r.end(), min(len(text), r.end() + _LOOKBACK))
    if not stop:
        return None
    body, mbody = text[r.end():stop.start()], masked[r.end():stop.start()]
    if not body or "等" in mbody:
        return None
    if "、" in mbody:
        items = _split_at(body, mbody, "、")
        if len(items) > _MAX_ITEMS or any(not it.strip() for it in items):
            return None
        counts = _list_counts(items, True)
    elif len(_CONNECTOR.findall(mbody)) == 1:
        counts = {2}  # 分别为A和B
    else:
        return None
    return _count_finding(start, end, word, counts, "“分别”之后", "after 分别")


_ORDINAL_MARK = _lazy(r"(?P<n>十[一二三四五六七八九]?|[一二三四五六七八九])是")
_ITEM_LINE = _lazy(
    r"^[ \t\u3000]*(?:(?P<arabic>[0-9]{1,2})[.．、](?![0-9])|[（(](?P<paren>[0-9]{1,2})[）)]"
    r"|(?P<shi>十[一二三四五六七八九]?|[一二三四五六七八九])是|[（(](?P<cnparen>十[一二三四五六七八九]?|[一二三四五六七八九])[）)])"
)
_HEADING = _lazy(r"^[ \t\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9]{1,2}[.．、]|[（(][0-9]{1,2}[）)])")


def _items_after(ctx: _Line, m, word: str, start: int, end: int) -> Finding | None:
    """五个方面工作：一是…二是… on the line, or 三项措施： then lines 1. 2. 3."""
    text, masked = ctx.text, ctx.masked
    # The announcement ends its clause a few characters later with ： (五个方面工作：)
    # and is the only count in that clause.
    stop = _CLAUSE_END.search(masked, m.end(), min(len(text), m.end() + 11))
    if not stop or text[stop.start()] not in "：:" or _CONNECTOR.search(text, m.end(), stop.start()):
        return None
    clause_start = _clause_start(masked, m.start())
    if sum(1 for _ in _ANNOUNCED.finditer(text, clause_start, stop.start())) != 1:
        return None
    rest = text[stop.end():]
    if rest.strip():
        if not rest.lstrip().startswith("一是"):
            return None
        n = _count_ordinals(rest)
        if n is None or _continues_below(ctx, n):
            return None
        return _count_finding(start, end, word, {n}, "其后", "after it")
    n = _count_item_lines(ctx)
    return None if n is None else _count_finding(start, end, word, {n}, "其后", "on the lines after it")


def _continues_below(ctx: _Line, n: int) -> bool:
    """Whether the next line goes on with the ordinals (一是… on this line, 二是… below)."""
    number = ctx.line.number + 1
    while number <= len(ctx.lines):
        body = ctx.prose[ctx.lines[number - 1].start:ctx.lines[number - 1].end].strip()
        if body:
            m = _ORDINAL_MARK.match(body)
            return bool(m) and cn_to_int(m.group("n")) == n + 1
        number += 1
    return False


def _count_ordinals(rest: str) -> int | None:
    """Count 一是 二是 三是 … in order; None when a second 一是 makes it nested."""
    expected, n, last = 1, 0, 0
    for m in _ORDINAL_MARK.finditer(rest):
        value = cn_to_int(m.group("n"))
        if value == expected:
            n, expected, last = value, value + 1, m.end()
        elif value == 1:
            # a new list announced with its own ： ends this one; otherwise it is nested
            between = rest[last:m.start()]
            return n if n > 1 and ("：" in between or ":" in between) else None
    return n or None


def _count_item_lines(ctx: _Line) -> int | None:
    """The items on the lines after an announcement: 1. 2. 3. (or （1）, 一是, （一）).

    Counted only when the items follow one another with nothing between them
    and the run ends cleanly (end of text, blank line, or another heading):
    items separated by body text are sections, not a plain list.
    """
    n, style = 0, None
    number = ctx.line.number + 1
    while number <= len(ctx.lines):
        nxt = ctx.lines[number - 1]
        body = ctx.prose[nxt.start:nxt.end]
        mm = _ITEM_LINE.match(body)
        if mm:
            this_style = mm.lastgroup
            raw = mm.group(this_style)
            value = int(raw) if raw.isdigit() else cn_to_int(raw)
            if style is None:
                if value != 1:
                    return None
                style = this_style
            if this_style == style and value == n + 1:
                n = value
                number += 1
                continue
            if this_style == style and value != 1:
                return None  # a skip or a repeat: the numbering helper's business
            break
        if body.strip() and not _HEADING.match(body):
            return None
        break
    return n or None


# --------------------------------------------------------------------------
# The rules.


class _CountRule(Rule):
    family = "count"
    fixable = "unsafe"
    kind = ""

    def check(self, document):
        for f in document.memo("count.findings", lambda: _analyse(document)):
            if f.kind == self.kind:
                fix = Fix.replace(f.start, f.end, f.suggestion, "unsafe") if f.suggestion else None
                yield self.diagnostic(f.start, f.end, f.zh, f.en, suggestion=f.suggestion, fix=fix)


class PartsTotal(_CountRule):
    """Finds parts that do not add up to the total stated beside them.

    A total copied from last year's draft, or a part updated without its total,
    is the arithmetic slip a reader is most likely to catch. Checked: parts
    joined by 、 before 共/合计 (also 合计慢病患者1874人: a short noun may name
    the total); parts after 其中 when they are clearly the whole (公办/民办,
    国内/海外, 已/未, or a last part 其余/其他); parts of one kind after 其中
    (常规公交、定制公交、微循环公交) that exceed their total, which no reading of
    其中 allows; shares of one whole that exceed 100%. Rounded figures may
    differ by the slack of their digits.

    Bad:  完成12项、推进中5项，共18项
    Good: 完成12项、推进中5项，共17项
    """

    code = "CT001"
    name = "parts-total"
    severity = Severity.ERROR
    kind = "sum"


class Difference(_CountRule):
    """Finds a stated difference that does not match the two figures it compares.

    A gap to the target (较年度目标（252）差46天), a change between two levels
    (由12人增加到19人，增加8人; 由上年的8.4天下降至7.8天，缩短0.8天) or percentage
    points between two rates: one figure was updated and the difference was
    not. The message shows the subtraction.

    Bad:  优良天数207天，较年度目标（252）差46天
    Good: 优良天数207天，较年度目标（252）差45天
    """

    code = "CT002"
    name = "difference"
    severity = Severity.ERROR
    kind = "diff"


class Rate(_CountRule):
    """Finds a rate (同比增长, 占比, 完成率) that does not match the figures it is computed from.

    Rates are recomputed by hand and often from the wrong pair of figures.
    Checked only where both figures are in the same sentence (or the whole is
    named in the sentence before); the rate may be rounded or truncated. A
    完成率's target is the figure marked 目标/任务/计划, before or after the
    achieved one; a stated absolute change (比上年的80.32亿元增加6.10亿元) does
    not hide the two levels a 同比 rate is computed from.

    Bad:  今年19家，去年12家，同比增长36.8%
    Good: 今年19家，去年12家，同比增长58.3%
    """

    code = "CT003"
    name = "rate"
    severity = Severity.ERROR
    kind = "rate"


class ListCount(_CountRule):
    """Finds an announced count that does not match the items listed.

    An item is dropped or added and the 五个方面 announcing the list is not
    updated. Counted: a 、-list right before its count (A、B和C三个方面), a list
    after 分别为, 一是…二是… after a colon, and numbered lines after a colon.

    Bad:  主要做好五个方面工作：一是…二是…三是…四是…
    Good: 主要做好四个方面工作：一是…二是…三是…四是…
    """

    code = "CT004"
    name = "list-count"
    severity = Severity.WARNING
    kind = "list"


class CountFromList(_CountRule):
    """Gives the value of a placeholder count that the list beside it determines.

    A template's X个方面 left unfilled can be filled by counting the items
    listed; the placeholder family reports the mark, this rule the number.

    Bad:  从组织领导、日常监管和协调联动x个方面强化监管
    Good: 从组织领导、日常监管和协调联动3个方面强化监管
    """

    code = "CT005"
    name = "count-from-list"
    severity = Severity.WARNING
    kind = "fill"


@hookimpl
def doclint_register_rules():
    return [PartsTotal, Difference, Rate, ListCount, CountFromList]
