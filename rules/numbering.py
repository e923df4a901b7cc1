"""Section numbering: the outline a reader sees, and where its numbers break.

Drafts are assembled by pasting sections together, so their numbers break:
a number repeats (``四、`` twice), one is skipped, a sub-level forgets to
restart under a new heading, forms mix inside one level (``(一)`` beside
``（四）``, ``5 全力…`` among ``1.``…``4.``), or an enumeration inside a
paragraph jumps (``一是…二是…四是``).

The standard hierarchy is GB/T 9704-2012 §7.3.3: ``一、`` → ``（一）`` →
``1.`` → ``（1）``; drafts also use ``第一章/第一节`` above it, ``1.1``
decimal numbers and ``①`` below it. Every rule here reads one shared outline
(:func:`outline`), built once per document:

1. *Markers* are read at the head of a line, after indentation and Markdown
   ``#`` or ``**``. A marker without a separator (``5 全力``, ``四以打造``) is
   only a *candidate*: it counts when its siblings around it confirm it, which keeps
   ``2023年…``, ``一是…``, ``三大…`` and ``1.5亿元`` out. A ``1.`` glued to
   digits (``1.2023年…``, ``2.12366热线…``, ``2.5亿元…``) is *ambiguous*: it
   counts only when its siblings on both sides expect its number; it is never
   reported or fixed itself, and an ambiguous line that could fill a gap keeps
   that gap from being reported (:func:`_explained_by_doubt`).
2. Each marker gets a *rank* from the standard's order and is nested under the
   nearest marker of a lower rank, so skipped levels (``一、`` then ``1.``) nest
   naturally. The children of one parent at one rank form a *run*.
3. A run's numbers are diagnosed with the fewest findings (:func:`diagnose`):
   a duplicate renumbers what follows it, a skip is one finding.

Precision comes before recall: a list that restarts at 1 after two or more
items is taken as a new list, not as an error; a uniform non-standard style
gets one informational finding per document at most.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterator

import regex

from doclint import Edit, Fix, Rule, Severity, hookimpl
from doclint.patterns import lazy
from doclint.text import HAN, cn_to_int, int_to_cn

FAMILY = "numbering"
_CN = "一二三四五六七八九十"
_SPACE = " \t\u3000"
_MAX_VALUE = 99
_BEAM = 6  # states kept while diagnosing a sequence
_NEIGHBOUR_REACH = 200  # how many markers away a candidate's vouching sibling may be

# One marker at the head of a line. Every branch is a fixed-width token or a
# bounded repetition followed by a one-character test, so the pattern runs in
# linear time whatever the line holds.
_MARKER = lazy(
    rf"""^(?P<indent>[{_SPACE}]*(?:\#{{1,6}}[{_SPACE}]+)?(?:\*\*|__)?)
    (?:
      (?P<chap>第(?P<chap_num>[{_CN}百零〇两]{{1,4}}|\d{{1,2}})(?P<chap_kind>部分|篇|章|节))
    | (?P<cnp>(?P<cnp_open>[（(])(?P<cnp_num>[{_CN}]{{1,3}})(?P<cnp_close>[）)])(?P<cnp_sep>[、.．，,]?))
    | (?P<arp>(?P<arp_open>[（(])(?P<arp_num>\d{{1,2}})(?P<arp_close>[）)])(?P<arp_sep>[、.．，,]?))
    | (?P<circ>[\u2460-\u2473])
    | (?P<dot>(?P<dot_num>\d{{1,2}}(?:[.．]\d{{1,2}}){{1,3}})(?![\d.．])(?=[{_SPACE}]*[{HAN}]))
    | (?P<ar>(?P<ar_num>\d{{1,2}})(?!\d)(?P<ar_sep>[.．](?![\d.．])|、|(?=[{_SPACE}]+[{HAN}])|(?=[{HAN}])))
    | (?P<amb>(?P<amb_num>\d{{1,2}})(?P<amb_sep>[.．])(?=\d))
    | (?P<cn>(?P<cn_num>[{_CN}]{{1,3}})(?P<cn_sep>、|[.．](?![\d.．])|(?=[{_SPACE}]+[{HAN}])|(?=[{HAN}])))
    )""",
    regex.M | regex.X,
)

# Characters that, right after a bare numeral, make it a word or a quantity
# (一是, 三大, 四个, 2023年, 5号) rather than a section number.
_NOT_AFTER_BARE = set("是个大项批些年月日时分秒号季次届轮名位级类种型代版条点方要期家户所座处台辆艘架部"
                      "张本份件套段步倍成折万亿千百元天周人吨米亩公克升度层栋间组支队股只头棵株%％")

# After a bracketed number, these make it a name: （2）班, （3）号楼, （一）类.
_NOT_AFTER_BRACKET = set("班号栋室床类级组期届")

# A bracketed item later in the same line (``（1）…；（2）…``): the line-initial
# list continues inside the paragraph, and the next line goes on from there.
_INLINE_BRACKET = lazy(
    rf"(?<=[；;。，,：:{_SPACE}])(?P<open>[（(])(?P<num>\d{{1,2}}|[{_CN}]{{1,3}})(?P<close>[）)])")
# The same for ``1.…；2.…``, after a full stop or semicolon only (``增长2.5%`` stays out).
_INLINE_ARABIC = lazy(r"(?<=[；;。])(?P<num>\d{1,2})(?P<sep>[.．、])(?![\d.．])")

# Inline enumerations: 一是…二是…, 第一，…第二，…, and the 首先 that sometimes
# stands for 一是. They must start a clause (line start or after punctuation).
_CLAUSE_START_AFTER = set("\n \t\u3000，。；：！？,;:!?）)”")
_INLINE = lazy(
    rf"(?:(?P<shi>(?P<shi_num>[{_CN}]{{1,2}})是)(?!(?P=shi_num))"
    rf"|(?P<di>第(?P<di_num>[{_CN}]{{1,2}}))(?=[，,：:])"
    rf"|(?P<first>首先)(?=[，,]))"
)

# GB/T 9704 ranks: a lower rank is a higher level.
RANK = {"part": 0.0, "chapter": 0.2, "section": 0.5, "cn": 1.0, "cnparen": 2.0, "arabic": 3.0,
        "dotted": 3.5, "arparen": 4.0, "circled": 5.0}
_STANDARD_SEP = {"cn": "、", "arabic": "."}
_CHAPTER_KIND = {"部分": "part", "篇": "part", "章": "chapter", "节": "section"}


# -- the outline -------------------------------------------------------------

@dataclass(slots=True)
class Marker:
    """A number at the head of a line: ``四、``, ``（一）``, ``5 ``, ``1.2``."""

    cls: str  # a key of RANK
    value: int
    start: int  # first character of the marker (bracket or numeral)
    end: int  # just past the separator (or the numeral when there is none)
    num_start: int
    num_end: int
    line: int
    text: str  # the marker as written, without trailing spaces
    sep: str = ""  # "、", ".", "．" for cn/arabic; "" when bare
    open: str = ""  # brackets, for cnparen/arparen
    close: str = ""
    extra_sep: str = ""  # what follows a closing bracket: （一）、
    space_after: bool = False
    prefix: str = ""  # "1.2" for a dotted 1.2.3
    candidate: bool = False  # no separator: needs its siblings to confirm it
    sandwich: bool = False  # a candidate that needs both neighbours, not only the previous one
    synthetic: bool = False  # an item inside the line (（1）…；（2）…): counted, never reported
    ambiguous: bool = False  # ``2.12366热线``: item 2 or the number 2.12366; counted when vouched, never reported
    gap_end: int = 0  # just past the spaces after the marker
    parent: "Marker | None" = field(default=None, repr=False)
    depth: int = 0

    @property
    def rank(self) -> float:
        return RANK[self.cls] + (0.01 * self.prefix.count(".") if self.cls == "dotted" else 0)

    def numeral(self, value: int) -> str:
        """This marker's numeral for ``value``, written the way this marker writes numbers."""
        if self.cls in ("cn", "cnparen") or (self.cls in ("part", "chapter", "section") and not self.text[1].isdigit()):
            return int_to_cn(value)
        if self.cls == "circled":
            return chr(0x2460 + value - 1) if 1 <= value <= 20 else str(value)
        return str(value)

    def render(self, value: int) -> str:
        """The marker as written, with its number replaced by ``value``."""
        head = self.text[: self.num_start - self.start]
        tail = self.text[self.num_end - self.start:]
        return head + self.numeral(value) + tail


@dataclass(slots=True)
class Finding:
    code: str
    start: int
    end: int
    zh: str
    en: str
    suggestion: str | None = None
    fix: Fix | None = None
    severity: Severity | None = None


@lru_cache(maxsize=4096)
def _value(numeral: str) -> int | None:
    if numeral.isdigit():
        value = int(numeral)
    else:
        value = cn_to_int(numeral)
    if value is None or not 1 <= value <= _MAX_VALUE:
        return None
    return value


_NUMBER_AFTER_DUNHAO = lazy(rf"(?:\d{{1,2}}(?!\d)|[{_CN}]{{1,2}})(?=[、，,季月产号日年期类级批线等个项次轮届])")


def _is_number_list(text: str, pos: int, value: int) -> bool:
    """True for ``1、2月份``, ``一、二季度``: the next number after the dunhao, then a unit."""
    m = _NUMBER_AFTER_DUNHAO.match(text, pos, pos + 4)
    return m is not None and _value(m.group()) == value + 1


def read_markers(document) -> list[Marker]:
    """Every line-initial marker that counts, in document order."""
    return _read(document)[0]


def _ambiguous(prose: str, numeral: str, sep: str, start: int, common: dict) -> Marker | None:
    """``2.`` glued to digits: a marker only if its siblings on both sides vouch for it."""
    value = _value(numeral)
    if value is None or numeral.startswith("0"):
        return None
    end = start + len(numeral) + len(sep)
    common = dict(common, end=end, text=prose[start:end], space_after=False, gap_end=end)
    return Marker("arabic", value, num_start=start, num_end=start + len(numeral), sep=sep,
                  candidate=True, sandwich=True, ambiguous=True, **common)


def _read(document) -> tuple[list[Marker], list[Marker]]:
    """The markers that count, and the ambiguous lines left unconfirmed (the doubts)."""
    prose = document.prose
    markdown = document.path.lower().endswith((".md", ".markdown")) or document.format == "markdown"
    markers: list[Marker] = []
    for m in _MARKER.finditer(prose):
        kind = next(k for k in ("chap", "cnp", "arp", "circ", "dot", "ar", "amb", "cn") if m.group(k) is not None)
        start, end = m.start(kind), m.end(kind)
        line_end = prose.find("\n", end)
        line_end = len(prose) if line_end == -1 else line_end
        gap_end = end
        while gap_end < line_end and prose[gap_end] in _SPACE:
            gap_end += 1
        common = dict(start=start, end=end, line=document.line_of(start), text=prose[start:end],
                      space_after=gap_end > end, gap_end=gap_end)
        if kind == "chap":
            value = _value(m.group("chap_num"))
            if value is None:
                continue
            markers.append(Marker(_CHAPTER_KIND[m.group("chap_kind")], value, num_start=m.start("chap_num"),
                                  num_end=m.end("chap_num"), sep=m.group("chap_kind"), **common))
        elif kind in ("cnp", "arp"):
            value = _value(m.group(f"{kind}_num"))
            if value is None or (not m.group(f"{kind}_sep") and prose[end:end + 1] in _NOT_AFTER_BRACKET):
                continue
            markers.append(Marker("cnparen" if kind == "cnp" else "arparen", value,
                                  num_start=m.start(f"{kind}_num"), num_end=m.end(f"{kind}_num"),
                                  open=m.group(f"{kind}_open"), close=m.group(f"{kind}_close"),
                                  extra_sep=m.group(f"{kind}_sep"), **common))
        elif kind == "circ":
            markers.append(Marker("circled", ord(m.group("circ")) - 0x2460 + 1, num_start=start, num_end=end, **common))
        elif kind == "dot":
            parts = regex.split(r"[.．]", m.group("dot_num"))
            value = _value(parts[-1])
            if value is None or any(p.startswith("0") for p in parts):
                continue
            if not common["space_after"] and prose[end] in _NOT_AFTER_BARE:
                # 1.5亿元, 2.3万户: a decimal quantity, or item 2 of a list that reads 5亿元…
                if len(parts) == 2:
                    amb = _ambiguous(prose, parts[0], m.group("dot_num")[len(parts[0])], start, common)
                    if amb is not None:
                        markers.append(amb)
                continue
            markers.append(Marker("dotted", value, num_start=end - len(parts[-1]), num_end=end,
                                  prefix=".".join(parts[:-1]), **common))
        elif kind == "amb":  # 1.2023年…, 2.12366热线…, 3.5G基站…
            amb = _ambiguous(prose, m.group("amb_num"), m.group("amb_sep"), start, common)
            if amb is not None:
                markers.append(amb)
        else:  # ar / cn
            numeral, sep = m.group(f"{kind}_num"), m.group(f"{kind}_sep")
            value = _value(numeral)
            if value is None:
                continue
            # 1、2月份, 一、二季度, 二、三产业 are lists of numbers, unless the
            # headings around vouch for a heading (一、… 二、三产业融合发展 … 三、…).
            number_list = sep == "、" and _is_number_list(prose, end, value)
            if kind == "ar" and markdown and sep == "." and common["space_after"]:
                continue  # a Markdown ordered list: the renderer numbers it
            candidate = sep == "" or number_list
            if sep == "":
                if common["gap_end"] >= line_end or prose[common["gap_end"]] in _NOT_AFTER_BARE:
                    continue
            markers.append(Marker("arabic" if kind == "ar" else "cn", value, num_start=m.start(f"{kind}_num"),
                                  num_end=m.end(f"{kind}_num"), sep=sep, candidate=candidate,
                                  sandwich=number_list or not common["space_after"], **common))
    kept = _confirm(_with_inline_items(prose, markers))
    kept_ids = {id(k) for k in kept}
    doubts = [k for k in markers if k.ambiguous and id(k) not in kept_ids]
    return kept, doubts


def _with_inline_items(prose: str, markers: list[Marker]) -> list[Marker]:
    """Add the ``（2）`` of ``（1）…；（2）…`` (or ``1.…；2.…``) as a silent item after its line's marker.

    The next line may then start at ``（3）`` without looking like a skip. Only
    items that continue the line's own number one by one are taken.
    """
    out: list[Marker] = []
    for m in markers:
        out.append(m)
        if m.cls not in ("cnparen", "arparen", "arabic") or m.ambiguous:
            continue
        line_end = prose.find("\n", m.end)
        line_end = len(prose) if line_end == -1 else line_end
        expected = m.value + 1
        pattern = _INLINE_ARABIC if m.cls == "arabic" else _INLINE_BRACKET
        for x in pattern.finditer(prose, m.end, line_end):
            if x.group("num").isdigit() != (m.cls != "cnparen") or _value(x.group("num")) != expected:
                continue
            bracket = {"open": x.group("open"), "close": x.group("close")} if m.cls != "arabic" else {"sep": x.group("sep")}
            out.append(Marker(m.cls, expected, x.start(), x.end(), x.start("num"), x.end("num"), m.line,
                              x.group(), synthetic=True, **bracket))
            expected += 1
    return out


def _confirm(markers: list[Marker]) -> list[Marker]:
    """Keep a separator-less candidate only when its siblings vouch for it.

    ``5 全力…`` counts when the nearest marker of its level or above is ``4.``;
    ``5全力…``, ``四以打造…`` (no space at all) and ``二、三产业…`` need the next
    one too (``6.``, ``五、``, ``三、``), because a line may well begin with a
    numeral and a word, or with a list of numbers.

    An ambiguous ``N.`` glued to digits also needs both sides, with two
    allowances that keep a list's ends: a ``1.`` may follow its parent (or
    open the text) when ``2.`` follows, and the last item may be followed by a
    higher level (or the end) when ``N-1.`` precedes. One side alone never
    suffices: ``1.5亿元…`` under a heading is a number.
    """
    confirmed = [m for m in markers if not m.candidate]
    if len(confirmed) == len(markers):
        return markers
    ranks = [m.rank for m in confirmed]
    starts = [m.start for m in confirmed]
    keep_candidates = []
    for cand in (m for m in markers if m.candidate):
        i = bisect_left(starts, cand.start)
        prev = next((confirmed[j] for j in range(i - 1, max(-1, i - 1 - _NEIGHBOUR_REACH), -1)
                     if ranks[j] <= cand.rank), None)
        sibling_before = prev is not None and prev.cls == cand.cls and prev.value == cand.value - 1
        opens = cand.ambiguous and cand.value == 1 and (prev is None or prev.rank < cand.rank)
        if not (sibling_before or opens):
            continue
        if cand.sandwich:
            nxt = next((confirmed[j] for j in range(i, min(len(confirmed), i + _NEIGHBOUR_REACH))
                        if ranks[j] <= cand.rank), None)
            sibling_after = nxt is not None and nxt.cls == cand.cls and nxt.value == cand.value + 1
            closes = cand.ambiguous and sibling_before and (nxt is None or nxt.rank < cand.rank)
            if not (sibling_after or closes):
                continue
        keep_candidates.append(cand)
    kept = confirmed + keep_candidates
    kept.sort(key=lambda m: m.start)
    return kept


@dataclass(slots=True)
class Run:
    """The children of one parent at one rank, in order."""

    parent: Marker | None
    cls: str
    items: list[Marker] = field(default_factory=list)


def build_runs(markers: list[Marker]) -> list[Run]:
    """Nest markers by rank and group siblings into runs.

    A marker closes every open level of its rank or above; it joins the run of
    its rank under the current parent, or starts one. A ``1`` after two or
    more items starts a new run (a second list under the same heading).
    """
    stack: list[Marker] = []
    open_runs: dict[tuple, Run] = {}
    runs: list[Run] = []
    for marker in markers:
        while stack and stack[-1].rank > marker.rank:
            stack.pop()
        if stack and stack[-1].rank == marker.rank:
            stack.pop()
        parent = stack[-1] if stack else None
        marker.parent, marker.depth = parent, len(stack)
        key = (id(parent), marker.cls, marker.prefix)
        run = open_runs.get(key)
        if run is None or (marker.value == 1 and len(run.items) >= 2) or (
                run.items and marker.cls == "dotted" and run.items[-1].prefix != marker.prefix):
            run = Run(parent, marker.cls)
            open_runs[key] = run
            runs.append(run)
        run.items.append(marker)
        stack.append(marker)
    return runs


# -- diagnosing a sequence of numbers ------------------------------------------

def diagnose(values: list[int], before: int) -> list[tuple[int, int, str]]:
    """The fewest findings that explain ``values`` as a consecutive sequence.

    ``before`` is the number expected just before the first value (0 for a list
    that must start at 1). Returns ``(index, expected, kind)`` with kind
    ``repeat`` (the number repeats or goes back: it and what follows are
    renumbered), ``wrong`` (a number too high that its followers do not
    confirm) or ``skip`` (numbers are missing: one finding, the rest stand).

    ``一 二 三 四 四 五`` → two findings (四→五, 五→六); ``一 二 四 五`` → one
    (三 skipped); ``一 三 三 四`` → one (the first 三 should be 二).
    """
    # state: the number the last item should have had -> (cost, findings), the
    # findings kept as a linked list (finding, earlier) so extending one is O(1).
    states: dict[int, tuple[int, tuple | None]] = {before: (0, None)}
    for i, v in enumerate(values):
        nxt: dict[int, tuple[int, tuple | None]] = {}

        def relax(t: int, cost: int, path: tuple | None) -> None:
            if t not in nxt or cost < nxt[t][0]:
                nxt[t] = (cost, path)

        for prev, (cost, path) in states.items():
            t = prev + 1
            if v == t:
                relax(t, cost, path)
            else:
                relax(t, cost + 1, ((i, t, "repeat" if v < t else "wrong"), path))
                if v > t:
                    relax(v, cost + 1, ((i, t, "skip"), path))
        # A small beam keeps this linear on any input; real runs need two or three states.
        states = dict(sorted(nxt.items(), key=lambda kv: (kv[1][0], kv[0] != v))[:_BEAM])
    last = values[-1] if values else 0
    _, (_, path) = min(states.items(), key=lambda kv: (kv[1][0], kv[0] != last, -kv[0]))
    findings = []
    while path is not None:
        finding, path = path
        findings.append(finding)
    return findings[::-1]


def _renumber_fixes(items: list, first: int, positions: list[int], renders: Callable) -> dict[int, Fix]:
    """Unsafe fixes that together renumber ``items`` ``first, first+1, …``.

    The edits are split between the findings: a finding at index ``k`` carries
    the edits from ``k`` up to the next finding, so no two fixes overlap and
    applying all of them renumbers the whole run, keeping each marker's form.
    """
    fixes = {}
    bounds = positions + [len(items)]
    for k, start in enumerate(positions):
        edits = []
        for j in range(start, bounds[k + 1]):
            item, target = items[j], first + j
            text = renders(item, target)
            if text != renders(item, item.value):
                edits.append(Edit(item.num_start, item.num_end, text))
        if edits:
            fixes[start] = Fix("unsafe", tuple(edits))
    return fixes


# -- the analysis shared by every rule -----------------------------------------

def outline(document) -> dict[str, list[Finding]]:
    """All numbering findings of a document, by rule code (computed once)."""
    return document.memo("numbering.outline", lambda: _analyse(document))


def _analyse(document) -> dict[str, list[Finding]]:
    markers, doubts = _read(document)
    runs = build_runs(markers)
    found: dict[str, list[Finding]] = {}

    def add(f: Finding) -> None:
        found.setdefault(f.code, []).append(f)

    for f in _sequence_findings(runs, doubts):
        add(f)
    for f in _style_findings(markers):
        add(f)
    for f in _order_findings(runs):
        add(f)
    for f in _inline_findings(document, markers):
        add(f)
    return found


def _first_indexes(values: list[int]) -> dict[int, int]:
    """Where each value first occurs: a repeat is a value seen before its index."""
    first: dict[int, int] = {}
    for i, v in enumerate(values):
        first.setdefault(v, i)
    return first


def _numeral_of(item, value: int) -> str:
    return item.numeral(value)


def _continuous_classes(runs: list[Run]) -> set[str]:
    """Classes whose child lists continue across parents more often than they restart."""
    restart, cont = Counter(), Counter()
    last_by_level: dict[tuple, int] = {}
    for run in runs:
        if run.parent is None or run.cls == "dotted":
            continue
        level = (run.cls, run.parent.cls)
        first = run.items[0].value
        if first == 1:
            restart[run.cls] += 1
        elif level in last_by_level and first == last_by_level[level] + 1:
            cont[run.cls] += 1
        last_by_level[level] = run.items[-1].value
    return {cls for cls in cont if cont[cls] > restart[cls]}


def _explained_by_doubt(doubts: list[Marker], doubt_starts: list[int], after: int, before: int,
                        low: int, high: int) -> bool:
    """True when an unconfirmed ambiguous line between ``after`` and ``before`` could be item ``low…high-1``.

    ``1.`` … ``2.12366热线…`` … ``4.``: whether the middle line is item 2 or a
    number is unsure, so the gap it might fill is not reported (precision first).
    """
    for k in range(bisect_left(doubt_starts, after + 1), len(doubts)):
        d = doubts[k]
        if d.start >= before:
            return False
        if low <= d.value < high:
            return True
    return False


def _sequence_findings(runs: list[Run], doubts: list[Marker] = ()) -> Iterator[Finding]:
    """NU001 and NU002, with unsafe fixes that renumber the run.

    An ambiguous line (``2.12366热线…``) is never reported, and a run that holds
    one or might hold one gets no renumbering fix: the fix would rest on a guess.
    """
    doubt_starts = [d.start for d in doubts]
    continuous = _continuous_classes(runs)
    last_by_level: dict[tuple, int] = {}
    for run in runs:
        items = run.items
        values = [m.value for m in items]
        level = (run.cls, run.parent.cls if run.parent else None)
        if run.cls == "dotted" and values[0] != 1:
            continue  # 1.5 万吨, 3.15 消费者权益日: decimal numbers only count as a list from .1
        if run.parent is None or run.cls == "dotted":
            before = values[0] - 1  # a top level may be an excerpt: take its start as given
        elif run.cls in continuous and level in last_by_level:
            before = last_by_level[level]
        else:
            before = 0
        previous_last = last_by_level.get(level)
        last_by_level[level] = values[-1]
        path = diagnose(values, before)
        if not path:
            continue
        lead = run.parent.start if run.parent is not None else items[0].start
        unsure = run.cls == "arabic" and (any(m.ambiguous for m in items) or _explained_by_doubt(
            doubts, doubt_starts, lead, items[-1].start, 0, _MAX_VALUE + 1))
        fixes = {} if unsure else _renumber_fixes(items, before + 1, [i for i, _, _ in path], _numeral_of)
        first_seen = _first_indexes(values)
        for i, expected, kind in path:
            item = items[i]
            if item.synthetic or item.ambiguous:
                continue
            if unsure and _explained_by_doubt(doubts, doubt_starts, items[i - 1].start if i else lead,
                                              item.start, expected, item.value):
                continue
            right = item.render(expected)
            shown = item.text
            if i == 0 and run.parent is not None:
                parent = run.parent.text
                if before == 0 and previous_last is not None and item.value == previous_last + 1:
                    zh = f"“{parent}”下的编号没有重新开始：“{shown}”接续了上一节的编号，应为“{right}”"
                    en = f"the numbering under “{parent}” does not restart: “{shown}” continues the previous section; expected “{right}”"
                elif before == 0:
                    zh = f"“{parent}”下的第一个编号是“{shown}”，应从“{right}”开始"
                    en = f"the first number under “{parent}” is “{shown}”; the level should start at “{right}”"
                else:
                    zh = f"“{parent}”下的第一个编号“{shown}”应为“{right}”"
                    en = f"the first number under “{parent}” is “{shown}”; expected “{right}”"
                yield Finding("NU002", item.start, item.end, zh, en, right, fixes.get(i))
                continue
            if kind == "skip":
                prev = items[i - 1].text if i else ""
                missing = item.render(expected) if item.value == expected + 1 else \
                    f"{item.render(expected)}…{item.render(item.value - 1)}"
                zh = f"编号跳过了“{missing}”：“{prev}”之后是“{shown}”" if prev else f"编号跳过了“{missing}”"
                en = f"the numbering skips “{missing}”: “{shown}” follows “{prev}”" if prev else \
                    f"the numbering skips “{missing}”"
            elif kind == "repeat" and first_seen[item.value] < i:
                zh = f"编号“{shown}”与前面的编号重复，应为“{right}”"
                en = f"section number “{shown}” repeats an earlier number; expected “{right}”"
            elif kind == "repeat":
                zh = f"前面的编号顺延后，“{shown}”应为“{right}”"
                en = f"once the numbers before it are corrected, “{shown}” should be “{right}”"
            else:
                zh = f"编号“{shown}”应为“{right}”"
                en = f"section number “{shown}” is out of sequence; expected “{right}”"
            yield Finding("NU001", item.start, item.end, zh, en, right, fixes.get(i))


def _bracket_form(m: Marker) -> str:
    full = (m.open == "（", m.close == "）")
    return "full" if all(full) else "half" if not any(full) else "mixed"


def _all_brackets_full_width(level: list[Marker]) -> Fix:
    """One fix for a whole level: the note is made once, so its fix covers every marker."""
    edits = []
    for m in level:
        if m.open != "（":
            edits.append(Edit(m.start, m.start + 1, "（"))
        if m.close != "）":
            edits.append(Edit(m.num_end, m.num_end + 1, "）"))
    return Fix("safe", tuple(edits))


def _style_findings(markers: list[Marker]) -> Iterator[Finding]:
    """NU003 (odd one out in a level), NU004 (separator), NU005 (uniform non-standard)."""
    # Brackets: full-width is the standard; half-width ones are odd when the
    # same level also has full-width ones; a mixed pair （一) is always wrong.
    markers = [m for m in markers if not m.ambiguous]  # 2.12366热线: its "separator" may be a decimal point
    bracketed = [m for m in markers if m.cls in ("cnparen", "arparen") and not m.synthetic]
    forms = {cls: Counter(_bracket_form(m) for m in bracketed if m.cls == cls) for cls in ("cnparen", "arparen")}
    uniform_noted = False
    for m in bracketed:
        form = _bracket_form(m)
        shown = m.text[:m.num_end + 1 - m.start]  # the marker without what follows its bracket
        right = "（" + m.text[len(m.open):m.num_end - m.start] + "）"
        fix = Fix("safe", tuple(e for e in (
            Edit(m.start, m.start + 1, "（") if m.open != "（" else None,
            Edit(m.num_end, m.num_end + 1, "）") if m.close != "）" else None) if e))
        if form == "mixed":
            yield Finding("NU004", m.start, m.num_end + 1, f"编号“{shown}”的括号不成对，应为“{right}”",
                          f"the brackets of “{shown}” do not match; expected “{right}”", right, fix)
        elif form == "half" and forms[m.cls]["full"]:
            yield Finding("NU003", m.start, m.num_end + 1, f"半角括号编号“{shown}”与同级的全角括号“（）”混用，应为“{right}”",
                          f"half-width brackets in “{shown}” beside full-width “（）” ones; expected “{right}”",
                          right, fix)
        elif form == "half" and not uniform_noted:
            uniform_noted = True
            yield Finding("NU005", m.start, m.num_end + 1, f"全文编号使用半角括号“{shown}”，GB/T 9704 用全角括号“{right}”",
                          f"the document numbers with half-width brackets “{shown}”; GB/T 9704 uses full-width “{right}”",
                          right, _all_brackets_full_width([b for b in bracketed if b.cls == m.cls]), Severity.INFO)
        if m.extra_sep:
            yield Finding("NU004", m.start, m.end, f"括号编号后不加标点：“{m.text}”应为“{right}”",
                          f"no punctuation follows a bracketed number: “{m.text}” should be “{right}”",
                          right, Fix.replace(m.end - len(m.extra_sep), m.end, ""))

    # Separators of 一、 and 1.: the level's majority (ties: the standard) wins.
    for cls in ("cn", "arabic"):
        level = [m for m in markers if m.cls == cls and not m.synthetic]
        seps = Counter(m.sep for m in level if m.sep)
        if not seps:
            continue
        standard = _STANDARD_SEP[cls]
        # A document may write 1、 directly under 一、 and 1. under （一）: two
        # levels, each uniform, not a mix. Then each parent level has its own form.
        by_parent: dict[str | None, Counter] = {}
        for m in level:
            if m.sep:
                by_parent.setdefault(m.parent.cls if m.parent else None, Counter())[m.sep] += 1
        split = len(by_parent) > 1 and all(len(c) == 1 for c in by_parent.values()) and \
            len({next(iter(c)) for c in by_parent.values()}) > 1
        overall = max(seps, key=lambda s: (seps[s], s == standard))
        spaced = Counter((m.sep, m.space_after) for m in level)
        for m in level:
            group = by_parent.get(m.parent.cls if m.parent else None) if split else None
            majority = next(iter(group)) if group else overall
            want_space = spaced[majority, True] > spaced[majority, False]
            right = m.numeral(m.value) + majority
            if m.sep == "":
                edits = [Edit(m.num_end, m.num_end, majority)]
                if m.space_after and not want_space:
                    edits = [Edit(m.num_end, m.gap_end, majority)]
                zh = f"编号“{m.text}”后缺少“{majority}”" if cls == "arabic" else f"标题序号“{m.text}”后缺少“{majority}”"
                en = f"section number “{m.text}” lacks the “{majority}” its siblings have"
                yield Finding("NU004", m.start, m.num_end, zh, en, right, Fix("safe", tuple(edits)))
            elif m.sep != majority:
                yield Finding("NU003", m.start, m.end, f"编号“{m.text}”与同级多数的“{m.numeral(m.value)}{majority}”写法不一致",
                              f"section number “{m.text}” differs from its level's usual “{m.numeral(m.value)}{majority}”",
                              right, Fix.replace(m.num_end, m.end, majority))
        if cls == "cn" and len(seps) == 1 and overall != standard and not uniform_noted:
            first = next(m for m in level if m.sep)
            uniform_noted = True
            right = first.numeral(first.value) + standard
            yield Finding("NU005", first.start, first.end,
                          f"全文一级标题序号写作“{first.text}”，GB/T 9704 写作“{right}”",
                          f"the document writes first-level numbers as “{first.text}”; GB/T 9704 writes “{right}”",
                          right, Fix("safe", tuple(Edit(m.num_end, m.end, standard) for m in level if m.sep)),
                          Severity.INFO)


def _order_findings(runs: list[Run]) -> Iterator[Finding]:
    """NU006: a top-level run of a deeper rank before the level that should hold it."""
    roots = [run for run in runs if run.parent is None]
    for k, run in enumerate(roots):
        if run.cls not in ("cnparen", "arabic"):  # a (1) list before the first heading is a preamble
            continue
        higher = next((r for r in roots[k + 1:] if RANK[r.cls] < RANK[run.cls]), None)
        m = next((i for i in run.items if not i.ambiguous), None)
        if higher is None or m is None:
            continue
        h = higher.items[0]
        yield Finding("NU006", m.start, m.end,
                      f"层级顺序错误：“{m.text}”出现在任何“{h.render(1)}”之前（GB/T 9704：一、→（一）→1.→（1））",
                      f"levels out of order: “{m.text}” comes before any “{h.render(1)}” (GB/T 9704: 一、→（一）→1.→（1）)")


@dataclass(slots=True)
class _Token:
    kind: str
    value: int
    start: int
    end: int
    num_start: int
    num_end: int
    line: int

    def numeral(self, value: int) -> str:
        return int_to_cn(value)


def _inline_findings(document, markers: list[Marker]) -> Iterator[Finding]:
    """NU007: 一是…二是…四是…, 一是…一是…, 首先…二是…, 第一，…第三，… in a paragraph."""
    prose = document.prose
    by_line: dict[int, list[_Token]] = {}
    for m in _INLINE.finditer(prose):
        if m.start() and prose[m.start() - 1] not in _CLAUSE_START_AFTER:
            continue  # 统一是, 全省第一，: part of a word, not an ordinal
        kind = next(k for k in ("shi", "di", "first") if m.group(k) is not None)
        if kind == "first":
            value, ns, ne = 1, m.start(), m.end()
        else:
            value = _value(m.group(f"{kind}_num"))
            if value is None:
                continue
            ns, ne = m.start(f"{kind}_num"), m.end(f"{kind}_num")
        tok = _Token(kind, value, m.start(), m.end(), ns, ne, document.line_of(m.start()))
        by_line.setdefault(tok.line, []).append(tok)
    if not by_line:
        return
    marker_lines = {m.line for m in markers}
    previous_last: dict[str, tuple[int, int]] = {}  # kind -> (line, last value)
    for line_no in sorted(by_line):
        tokens = by_line[line_no]
        for kind in ("shi", "di"):
            series = [t for t in tokens if t.kind == kind]
            if not series:
                continue
            # Split where a list restarts at 1 after two or more items.
            groups, cur = [], []
            for t in series:
                if t.value == 1 and len(cur) >= 2:
                    groups.append(cur)
                    cur = []
                cur.append(t)
            groups.append(cur)
            for g, group in enumerate(groups):
                first = group[0]
                before = first.value - 1
                if first.value > 1 and g == 0:
                    prev = previous_last.get(kind)
                    if prev and _adjacent(document, prev[0], line_no) and line_no not in marker_lines:
                        before = prev[1]  # the list continues from the line above
                    elif kind == "shi" and first.value == 2:
                        lead = next((t for t in tokens if t.start < first.start and (
                            t.kind == "first" or (t.kind == "di" and t.value == 1))), None)
                        if lead is not None:
                            said = prose[lead.start:lead.end]
                            yield Finding("NU007", lead.start, lead.end,
                                          f"列举以“{said}”开头，后面却是“二是”：应为“一是”",
                                          f"the enumeration opens with “{said}” but continues with “二是”; write “一是”",
                                          "一是", Fix.replace(lead.start, lead.end, "一是"))
                            before = 1
                values = [t.value for t in group]
                path = diagnose(values, before)
                word = (lambda v: f"{int_to_cn(v)}是") if kind == "shi" else (lambda v: f"第{int_to_cn(v)}")
                fixes = _renumber_fixes(group, before + 1, [i for i, _, _ in path], _numeral_of)
                first_seen = _first_indexes(values)
                for i, expected, k in path:
                    t = group[i]
                    shown, right = word(t.value), word(expected)
                    if k == "skip":
                        missing = right if t.value == expected + 1 else f"{right}…{word(t.value - 1)}"
                        zh = f"列举跳过了“{missing}”：“{word(group[i - 1].value) if i else ''}”之后是“{shown}”"
                        en = f"the enumeration skips “{missing}” before “{shown}”"
                    elif k == "repeat" and first_seen[t.value] == i:
                        zh = f"前面的列举序号顺延后，“{shown}”应为“{right}”"
                        en = f"once the ordinals before it are corrected, “{shown}” should be “{right}”"
                    elif k == "repeat":
                        zh = f"列举序号“{shown}”重复，应为“{right}”"
                        en = f"enumeration “{shown}” repeats an earlier one; expected “{right}”"
                    else:
                        zh = f"列举序号“{shown}”应为“{right}”"
                        en = f"enumeration “{shown}” is out of sequence; expected “{right}”"
                    yield Finding("NU007", t.start, t.end, zh, en, right, fixes.get(i))
            last = groups[-1][-1]
            previous_last[kind] = (line_no, last.value)


def _adjacent(document, earlier: int, later: int) -> bool:
    """True when only blank lines separate line ``earlier`` from ``later``."""
    return all(not document.line(n).text.strip() for n in range(earlier + 1, later))


# -- the rules -----------------------------------------------------------------

class _NumberingRule(Rule):
    family = FAMILY

    def check(self, document):
        for f in outline(document).get(self.code, ()):
            yield self.diagnostic(f.start, f.end, f.zh, f.en, suggestion=f.suggestion, fix=f.fix, severity=f.severity)


class Sequence(_NumberingRule):
    """Finds a section number that repeats or skips within its level (``四、`` then ``四、``).

    Drafts are assembled by pasting sections together, and the numbers break.
    The findings are the fewest that explain the sequence: a repeated number
    renumbers what follows it (each a finding with its suggestion), a skip is
    one finding. The hierarchy read is GB/T 9704-2012 §7.3.3:
    一、 → （一） → 1. → （1）, with 第一章/第一节 above and ① below.
    A list that restarts at 1 after two or more items is a new list.
    The unsafe fix renumbers the level, keeping each marker's own form.

    Bad:  四、积极作为 ⏎ 四、存在问题和不足 ⏎ 五、2024年工作打算
    Good: 四、积极作为 ⏎ 五、存在问题和不足 ⏎ 六、2024年工作打算
    Bad:  （一）研发投入 ⏎ （二）市场拓展 ⏎ （四）人力资源
    Good: （一）研发投入 ⏎ （二）市场拓展 ⏎ （三）人力资源
    """

    code = "NU001"
    name = "sequence"
    severity = Severity.ERROR
    fixable = "unsafe"


class Restart(_NumberingRule):
    """Finds a sub-level that does not restart under a new parent, or starts at the wrong number.

    Under each heading the next level counts again from one: 二、 holds
    （一）（二）, and 三、 holds （一） again, not （三）. A document that
    numbers a level continuously across its parents throughout is left alone.

    Hierarchy (GB/T 9704-2012 §7.3.3): 一、 → （一） → 1. → （1）.

    Bad:  二、主要工作 ⏎ （一）研发投入 ⏎ （二）市场拓展 ⏎ 三、工作打算 ⏎ （三）经营目标
    Good: 二、主要工作 ⏎ （一）研发投入 ⏎ （二）市场拓展 ⏎ 三、工作打算 ⏎ （一）经营目标
    """

    code = "NU002"
    name = "restart"
    severity = Severity.WARNING
    fixable = "unsafe"


class MixedForm(_NumberingRule):
    """Finds a section number written differently from the other numbers of its level.

    One level, one form: half-width ``(一)`` beside full-width ``（四）``,
    ``1、`` or ``1．`` beside the document's usual ``1.``. The odd ones out are
    reported against the level's majority; for brackets the full-width form
    of GB/T 9704 wins whenever the document uses it.

    Hierarchy (GB/T 9704-2012 §7.3.3): 一、 → （一） → 1. → （1）.

    Bad:  （一）研发投入 ⏎ (二)市场拓展 ⏎ 1.确保全年营收 ⏎ 2、确保全年利润
    Good: （一）研发投入 ⏎ （二）市场拓展 ⏎ 1.确保全年营收 ⏎ 2.确保全年利润
    """

    code = "NU003"
    name = "mixed-form"
    severity = Severity.WARNING
    fixable = "safe"


class Separator(_NumberingRule):
    """Finds punctuation the standard requires or forbids after a section number.

    GB/T 9704: ``一、`` takes a dunhao, ``1.`` a dot, and a bracketed number
    takes nothing after it. A number with no separator where its siblings
    have one (``5 全力…`` among ``4.`` and ``6.``) is a pasted or mistyped
    heading; brackets that do not pair (``（一)``) are a typing slip.

    Hierarchy (GB/T 9704-2012 §7.3.3): 一、 → （一） → 1. → （1）.

    Bad:  1. 打好蓝天保卫战 ⏎ 2 全力保障区域环境安全 ⏎ （一）、总体目标 ⏎ 四以打造生态强县为目标
    Good: 1. 打好蓝天保卫战 ⏎ 2. 全力保障区域环境安全 ⏎ （一）总体目标 ⏎ 四、以打造生态强县为目标
    """

    code = "NU004"
    name = "separator"
    severity = Severity.WARNING
    fixable = "safe"


class UniformStyle(_NumberingRule):
    """Notes, once per document, a numbering style used uniformly but not the standard's.

    A draft that writes every sub-heading ``(一)`` with half-width brackets,
    or every heading ``一.``, is consistent; it gets one informational note
    pointing at GB/T 9704's form, not one finding per line.

    Hierarchy (GB/T 9704-2012 §7.3.3): 一、 → （一） → 1. → （1）.

    Bad:  (一)深学细悟 ⏎ (二)认真谋划 ⏎ (三)全力保障
    Good: （一）深学细悟 ⏎ （二）认真谋划 ⏎ （三）全力保障
    """

    code = "NU005"
    name = "uniform-style"
    severity = Severity.INFO
    fixable = "safe"


class LevelOrder(_NumberingRule):
    """Finds levels used out of the GB/T 9704 order: 一、 → （一） → 1. → （1）.

    A ``（一）`` directly under the title, before any ``一、``, or a ``1.`` used
    as the first level while ``一、`` appears below it, turns the outline
    upside down: the reader cannot tell which heading holds which.

    Bad:  （一）总体情况 ⏎ 一、主要工作 ⏎ （一）…
    Good: 一、总体情况 ⏎ 二、主要工作 ⏎ （一）…
    """

    code = "NU006"
    name = "level-order"
    severity = Severity.WARNING


class InlineEnumeration(_NumberingRule):
    """Finds an enumeration inside a paragraph that skips or repeats (一是…二是…四是).

    Reports list their measures inline: ``一是…二是…三是…``, ``第一，…第二，…``.
    When a pasted sentence brings its own ordinal, one goes missing or
    repeats. Only ordinals that open a clause count, so ``统一是``,
    ``一是一、二是二`` and ``第一时间`` stay quiet; whether the count matches an
    announced number (``五个方面``) is the count family's business.

    Hierarchy (GB/T 9704-2012 §7.3.3): 一、 → （一） → 1. → （1）.

    Bad:  一是加强监管。二是优化服务。四是强化宣传。
    Good: 一是加强监管。二是优化服务。三是强化宣传。
    """

    code = "NU007"
    name = "inline-enumeration"
    severity = Severity.WARNING
    fixable = "unsafe"


@hookimpl
def doclint_register_rules():
    return [Sequence, Restart, MixedForm, Separator, UniformStyle, LevelOrder, InlineEnumeration]
