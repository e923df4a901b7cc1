"""Wording: typos a careful reviewer marks in the words themselves.

* ``WD001`` a function word typed twice (``的的``), told apart from real
  reduplications (``天天`` ``层层`` ``实实在在`` ``不了了之``) by jieba's dictionary;
* ``WD002`` a look-alike character that does not belong in simplified Chinese:
  Japanese shinjitai (``排査``), CJK compatibility ideographs and Kangxi radicals
  (what copying from PDF or Korean/Japanese sources leaves);
* ``WD003`` full-width Latin letters and digits in Chinese prose (``ＰＭ２．５``);
* ``WD004`` a traditional character inside a simplified document (``環境``);
* ``WD005`` one name or term written two ways in one document (``中央环保督查`` beside
  ``中央环保督察``; ``截止目前`` beside ``截至目前``);
* ``WD006`` a variant the user's terms table (``[wording] terms``) replaces.

Precision comes first: every check looks only at a few candidate spans found by
a compiled pattern, and the expensive helpers (jieba, OpenCC) are imported
lazily, once per process, and only when a document has a candidate.
"""
from __future__ import annotations

import codecs
import threading
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

import regex

from doclint import Fix, Rule, Severity, hookimpl
from doclint.patterns import lazy
from doclint.text import HAN, is_han

UNSAFE = "unsafe"
_KANA = lazy(r"[\u3041-\u3096\u30a1-\u30fa]")


def _outside_gb2312(document) -> frozenset[str]:
    """The characters of the prose that GB 2312 cannot encode, found in one C-speed pass.

    Simplified Chinese prose is almost all inside GB 2312; what is outside is
    where look-alikes, traditional characters and mojibake hide.
    """
    def compute():
        _collected.found = found = set()
        document.prose.encode("gb2312", errors=_COLLECT)
        return frozenset(found)

    return document.memo("wording.outside_gb2312", compute)


_collected = threading.local()  # the encode error handler's output, per thread


def _collect_unencodable(err: UnicodeEncodeError):
    _collected.found.update(err.object[err.start:err.end])
    return "", err.end


_COLLECT = "doclint.wording.collect"
codecs.register_error(_COLLECT, _collect_unencodable)


def _has_kana(document) -> bool:
    """Japanese text uses its own forms (査, full-width letters): leave it alone."""
    return document.memo("wording.kana", lambda: _KANA.search(document.prose) is not None)


# --------------------------------------------------------------------------
# WD001 doubled function words
# --------------------------------------------------------------------------

#: Closed-class characters that almost never reduplicate as a word; a doubled one
#: is a typo unless jieba finds it inside a longer word (目的|的, 为了|了解, 是|是否)
#: or as a dictionary reduplication (的的确确, 不了了之, 实实在在, 和和美美).
#: Verbs and measure words that reduplicate freely (看看, 件件, 个个) are not here.
_FUNCTION_CHARS = "的了在和是与及对把被从将向以就也都而并或由于按其之所给使地得着这各为"
_DOUBLED = lazy(rf"([{_FUNCTION_CHARS}])\1+")
_HAN_RUN_LEFT = lazy(rf"[{HAN}]{{1,12}}$")
_HAN_RUN_RIGHT = lazy(rf"^[{HAN}]{{1,12}}")


def _token_starts(words: list[str]) -> set[int]:
    starts, at = set(), 0
    for w in words:
        starts.add(at)
        at += len(w)
    starts.add(at)
    return starts


class DoubledCharacter(Rule):
    """Finds a function word typed twice (``的的``, ``了了``, ``在在``, ``和和``).

    A doubled 的 or 了 is the commonest typing slip in a draft, and spell checkers
    miss it. Real words that double a character stay silent: reduplications
    (``天天`` ``层层`` ``的的确确`` ``不了了之`` ``实实在在``) and two words that meet
    (``目的的实现`` = 目的 + 的, ``为了了解`` = 为了 + 了解, ``关键是是否`` = 是 + 是否),
    as jieba's dictionary segments them.

    Bad:  对新批新建的的企业开展检查
    Good: 对新批新建的企业开展检查
    """

    code = "WD001"
    name = "doubled-char"
    family = "wording"
    severity = Severity.WARNING
    fixable = "safe"

    def check(self, document):
        prose = document.prose
        for m in _DOUBLED.finditer(prose):
            if self._is_typo(prose, m.start(), m.end()):
                char, doubled = m.group(1), m.group()
                yield self.diagnostic(
                    m.start(), m.end(),
                    f"“{char}”字重复：“{doubled}”", f"doubled character “{doubled}”",
                    suggestion=char, fix=Fix.replace(m.start(), m.end(), char),
                )

    @staticmethod
    def _is_typo(prose: str, start: int, end: int) -> bool:
        """True when jieba cuts every character of the run as a word of its own."""
        if end - start > 2:
            return True  # no word triples a function word
        from doclint import segment  # deferred: jieba loads only for a candidate

        left = _HAN_RUN_LEFT.search(prose, max(0, start - 12), start)
        right = _HAN_RUN_RIGHT.search(prose[end:end + 12])
        lo = left.start() if left else start
        window = prose[lo:end + (right.end() if right else 0)]
        starts = _token_starts(segment.cut(window))
        return all(i - lo in starts for i in range(start, end + 1))


# --------------------------------------------------------------------------
# WD002 look-alike characters
# --------------------------------------------------------------------------

#: Japanese shinjitai (and a few look-alikes) that are not characters of simplified
#: Chinese, each with the one simplified character it stands for. Every key is
#: outside GB 2312 and every value inside it (tests check both).
JAPANESE_VARIANTS = {
    "査": "查", "徳": "德", "経": "经", "済": "济", "関": "关", "歩": "步", "渉": "涉", "団": "团",
    "発": "发", "気": "气", "労": "劳", "営": "营", "応": "应", "変": "变", "対": "对", "図": "图",
    "総": "总", "実": "实", "県": "县", "単": "单", "価": "价", "険": "险", "検": "检", "験": "验",
    "権": "权", "観": "观", "歴": "历", "鉄": "铁", "転": "转", "続": "续", "読": "读", "駅": "驿",
    "広": "广", "拡": "扩", "黒": "黑", "圧": "压", "戦": "战", "沢": "泽", "択": "择", "従": "从",
    "徴": "征", "様": "样", "剤": "剂", "亜": "亚", "悪": "恶", "囲": "围", "隠": "隐", "栄": "荣",
    "駆": "驱", "売": "卖", "晩": "晚", "絵": "绘", "挙": "举", "効": "效", "郷": "乡", "恵": "惠",
    "掲": "揭", "倹": "俭", "剣": "剑", "巻": "卷", "顕": "显", "厳": "严", "鉱": "矿", "雑": "杂",
    "桜": "樱", "児": "儿", "焼": "烧", "奨": "奖", "縄": "绳", "壌": "壤", "譲": "让", "摂": "摄",
    "専": "专", "銭": "钱", "荘": "庄", "捜": "搜", "挿": "插", "騒": "骚", "蔵": "藏", "臓": "脏",
    "帯": "带", "弾": "弹", "遅": "迟", "鋳": "铸", "庁": "厅", "聴": "听", "逓": "递", "伝": "传",
    "闘": "斗", "悩": "恼", "脳": "脑", "覇": "霸", "廃": "废", "髪": "发", "抜": "拔", "仏": "佛",
    "舗": "铺", "豊": "丰", "満": "满", "黙": "默", "訳": "译", "薬": "药", "揺": "摇", "頼": "赖",
    "覧": "览", "両": "两", "猟": "猎", "緑": "绿", "録": "录", "涙": "泪", "霊": "灵", "齢": "龄",
    "竜": "龙", "亀": "龟", "値": "值", "増": "增", "歯": "齿", "辺": "边", "隣": "邻", "縁": "缘",
    "乗": "乘", "剰": "剩", "浄": "净", "桟": "栈", "縦": "纵", "窓": "窗", "歳": "岁", "軽": "轻",
    "斉": "齐", "穏": "稳", "仮": "假", "壊": "坏", "懐": "怀", "楽": "乐", "勧": "劝", "歓": "欢",
    "陥": "陷", "寛": "宽", "覚": "觉", "巣": "巢", "渇": "渴", "氷": "冰", "戻": "戾", "稲": "稻",
    "粛": "肃", "処": "处", "弐": "贰",
}

# Kangxi radicals, CJK radicals, compatibility ideographs: each looks exactly like a
# unified ideograph, and NFKC gives that ideograph.
_COMPAT_CLASS = r"\u2e80-\u2ef3\u2f00-\u2fd5\uf900-\ufaff\U0002f800-\U0002fa1f"
_LOOKALIKE = lazy(rf"[{''.join(JAPANESE_VARIANTS)}{_COMPAT_CLASS}]")
_RADICALS = lazy(r"[\u2e80-\u2ef3\u2f00-\u2fd5]")


@lru_cache(maxsize=1024)
def _unified(ch: str) -> str | None:
    """The simplified unified ideograph a look-alike stands for, else None."""
    if ch in JAPANESE_VARIANTS:
        return JAPANESE_VARIANTS[ch]
    norm = unicodedata.normalize("NFKC", ch)
    if len(norm) != 1 or norm == ch or not is_han(norm):
        return None
    if not _encodes(norm, "gb2312"):
        simplified = _t2s(norm)  # 領 (U+F9B4) is 領: give the simplified 领 at once
        if len(simplified) == 1 and _encodes(simplified, "gb2312"):
            return simplified
    return norm


class LookalikeCharacter(Rule):
    """Finds a look-alike character that is not simplified Chinese (``排査``: 査 U+67FB).

    Japanese forms (``査`` ``経`` ``関``), compatibility ideographs and Kangxi
    radicals (``⽣`` U+2F63) look like the right character on screen but are
    different code points: search, spell checking and document comparison all
    miss them. They come from Japanese input methods and text copied from PDF.

    Bad:  继续深入开展危险废物排査整治工作
    Good: 继续深入开展危险废物排查整治工作
    """

    code = "WD002"
    name = "lookalike-char"
    family = "wording"
    severity = Severity.WARNING
    fixable = "safe"

    def check(self, document):
        prose = document.prose
        present = [c for c in _outside_gb2312(document) if _LOOKALIKE.match(c)]
        if not present or _has_kana(document):
            return
        for m in regex.finditer("[" + "".join(present) + "]", prose):
            ch, start = m.group(), m.start()
            right = _unified(ch)
            if right is None:
                continue
            if _RADICALS.match(ch) and not _beside_han(prose, start):
                continue  # a radical on its own may be meant as a radical
            yield self.diagnostic(
                start, start + 1,
                f"“{ch}”（U+{ord(ch):04X}）不是规范简体字，应为“{right}”",
                f"“{ch}” (U+{ord(ch):04X}) is a look-alike, not simplified Chinese: use “{right}”",
                suggestion=right, fix=Fix.replace(start, start + 1, right),
            )


def _beside_han(text: str, i: int) -> bool:
    return (i > 0 and (is_han(text[i - 1]) or _RADICALS.match(text[i - 1]) is not None)) or (
        i + 1 < len(text) and (is_han(text[i + 1]) or _RADICALS.match(text[i + 1]) is not None))


# --------------------------------------------------------------------------
# WD003 full-width letters and digits
# --------------------------------------------------------------------------

_FULLWIDTH_ALNUM = lazy(r"(?:[Ａ-Ｚａ-ｚ０-９]|(?<=[０-９])．(?=[０-９]))+")
_TO_HALFWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_PLACEHOLDER_ONLY = lazy(r"[０-９．]*[Ｘｘ][Ｘｘ０-９．]*")


class FullwidthAlphanumeric(Rule):
    """Finds full-width Latin letters and digits in Chinese prose (``ＰＭ２．５``).

    GB/T 15835-2011 writes Arabic numerals half-width, and Latin letters are
    half-width too; full-width ones come from an input method left in full-width
    mode, break search and sorting and look uneven beside half-width ones.

    Bad:  ＰＭ２．５平均浓度为３５微克/立方米
    Good: PM2.5平均浓度为35微克/立方米
    """

    code = "WD003"
    name = "fullwidth-alnum"
    family = "wording"
    severity = Severity.WARNING
    fixable = "safe"

    def check(self, document):
        for m in _FULLWIDTH_ALNUM.finditer(document.prose):
            if _has_kana(document):
                return
            wrong = m.group()
            if _PLACEHOLDER_ONLY.fullmatch(wrong):
                continue  # ＸＸ, ２０ＸＸ: an unfilled placeholder, the placeholder rules' finding
            right = wrong.translate(_TO_HALFWIDTH)
            yield self.diagnostic(
                m.start(), m.end(),
                f"全角字母或数字“{wrong}”应使用半角“{right}”",
                f"full-width letters or digits “{wrong}”: use half-width “{right}”",
                suggestion=right, fix=Fix.replace(m.start(), m.end(), right),
            )


# --------------------------------------------------------------------------
# WD004 traditional characters in a simplified document
# --------------------------------------------------------------------------

#: Traditional characters whose simplified form depends on the word (餘 余/馀,
#: 鍾 钟/锺, 麼 么/麽, 鍊 炼/链 …): reported, but the fix is left to the writer.
_AMBIGUOUS_T2S = set("餘鍾麼鍊隻摺蒐甯瞭乾著於藉夥徵覆蘋衹祇阪鬆噹彆嚐剋捲闢鬚")
#: Variants that the 通用规范汉字表 (2013) admits in simplified text, mainly in names.
_ADMITTED_VARIANTS = set("昇陞甦邨堃喆淼犇皙瞭")


@lru_cache(maxsize=8192)
def _encodes(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


_converter = None


def _t2s(ch: str) -> str:
    """OpenCC's traditional → simplified conversion of one character (lazy, cached)."""
    global _converter
    if _converter is None:
        import opencc  # deferred: only documents with candidate characters need it

        _converter = opencc.OpenCC("t2s")
    return _simplified(ch)


@lru_cache(maxsize=8192)
def _simplified(ch: str) -> str:
    return _converter.convert(ch)


#: Common characters that exist only in simplified Chinese (in GB 2312, not in Big5):
#: how often they occur tells a simplified document from a traditional one.
COMMON_SIMPLIFIED = (
    "们这为国会发说对时经过进还长现开关问门东车见话边让认给该样实动员马单书区产应业务报议计设"
    "证质总县乡镇级织统专领导环护态废处监测执项标济场检验农户亿达规组责资"
)


@dataclass
class ScriptProfile:
    """Which script a document is written in, and its traditional characters."""

    traditional: dict[str, str]  # traditional character → its simplified form
    odd: frozenset[str]  # outside GB 2312 and not traditional: rare, or mojibake (鍏 鏁 偛)
    mostly_simplified: bool = False


def _script_profile(document) -> ScriptProfile:
    def compute():
        traditional, odd = {}, set()
        for c in _outside_gb2312(document):
            if not is_han(c) or c in JAPANESE_VARIANTS or c in _ADMITTED_VARIANTS:
                continue
            if unicodedata.normalize("NFKC", c) != c:
                continue  # a compatibility ideograph: WD002's
            s = _t2s(c)
            if len(s) == 1 and s != c and _encodes(s, "gb2312"):
                traditional[c] = s
            else:
                odd.add(c)
        profile = ScriptProfile(traditional, frozenset(odd))
        if traditional:
            prose = document.prose
            simplified = sum(prose.count(c) for c in COMMON_SIMPLIFIED)
            traditional_uses = sum(prose.count(c) for c in traditional)
            profile.mostly_simplified = simplified >= 10 and simplified >= 2 * traditional_uses
        return profile

    return document.memo("wording.script", compute)


class TraditionalCharacter(Rule):
    """Finds a traditional character inside a simplified document (``環境`` in a simplified draft).

    A traditional character among simplified ones is pasted from a Hong Kong or
    Taiwan source or typed with the wrong input method; it is wrong in a
    mainland report (《通用规范汉字表》) and breaks search. Documents written in
    traditional characters are left alone, and so are characters that are also
    valid simplified ones (``乾`` ``著`` ``於`` ``藉``).

    Bad:  全县环境质量总体稳定，各项指标达到年度目標，监测站点运行正常，生态环境保护工作取得实效。
    Good: 全县环境质量总体稳定，各项指标达到年度目标，监测站点运行正常，生态环境保护工作取得实效。
    """

    code = "WD004"
    name = "traditional-char"
    family = "wording"
    severity = Severity.WARNING
    fixable = "safe"

    def check(self, document):
        prose = document.prose
        if not any(is_han(c) for c in _outside_gb2312(document)):
            return  # OpenCC is not even loaded
        profile = _script_profile(document)
        if not profile.traditional or not profile.mostly_simplified or _has_kana(document):
            return
        pattern = regex.compile("[" + "".join(sorted(profile.traditional)) + "]")
        for m in pattern.finditer(prose):
            ch, start = m.group(), m.start()
            if profile.odd and not profile.odd.isdisjoint(prose[max(0, start - 3):start + 4]):
                continue  # 鍏氬彶瀛︿範: UTF-8 read as GBK, the artifact rules' mojibake
            right = profile.traditional[ch]
            fix = Fix.replace(start, start + 1, right, UNSAFE if ch in _AMBIGUOUS_T2S else "safe")
            yield self.diagnostic(
                start, start + 1,
                f"简体文档中出现繁体字“{ch}”，应为“{right}”",
                f"traditional character “{ch}” in a simplified document: use “{right}”",
                suggestion=right, fix=fix,
            )


# --------------------------------------------------------------------------
# WD005 / WD006 one term written two ways
# --------------------------------------------------------------------------

# A time after 截止/截至 (目前, 6月底, 2023年11月21日), not followed by 前: 截止6月30日前
# is a deadline. The atomic group keeps the engine from giving back part of the date.
_DATE_AFTER = lazy(
    r"(?>目前|当前|现在|今年|本年|本月|本季度|上半年|下半年|年底|年末|月底|去年|"
    r"(?:[0-9０-９XxＸｘ×*○〇零一二三四五六七八九十两]{1,4}\s*(?:年|月[底末初]?|日|号)\s*)+)"
    r"(?!之?前|以前)"
)
_OBJECT_AFTER = lazy(rf"[了出好的]?(《[^》\n]{{1,40}}》|[{HAN}]{{4}})")
_PREFIX_BEFORE = lazy(rf"[{HAN}]{{2,4}}$")
#: Words before 督查/督察 that make it an action, where either word may be right.
_VERB_BEFORE = frozenset(
    "开展 进行 加强 强化 现场 实地 组织 接受 配合 迎接 做好 负责 进驻 专项 跟踪 定期 联合 全面 重点 持续 深入 "
    "日常 明察 暗访 交叉 综合 监督 检查 巡查 抽查 及时 严格 认真 集中 开始 继续 已经 正在".split()
)
# 截止 means "up to a time" only at the head of a clause (，截止目前 / 今年截止6月底);
# 报名截止6月30日 is a deadline, which 截至 would not replace.
_CLAUSE_HEAD_BEFORE = lazy(rf"(?:^|[^{HAN}]|年)$")


@dataclass(frozen=True)
class TermPair:
    """Two spellings of one term, and how to tell that two uses are the same term.

    ``context`` says what makes two uses "the same": ``prefix`` the same two to four
    characters before (中央环保|督察 and 中央环保|督查 name one thing; 加强督查 and
    市级环保督查 do not), ``date`` a date after it at the head of a clause
    (，截至|目前), ``object`` the same document or four characters after it
    (制定|《方案》), ``any`` every use.
    """

    forms: tuple[str, str]
    context: str
    preferred: str | None = None  # the standard form, when the two are not equals
    #: The standard form in some contexts only: (form, what the context key ends with).
    #: 督察 is the official name of the environmental and land inspections
    #: (中央生态环境保护督察, 国家土地督察), so 中央环保督查 is the variant there even
    #: when it is the majority, and a tie is decided rather than left silent.
    preferred_after: tuple[str, tuple[str, ...]] | None = None


TERM_PAIRS = (
    TermPair(("督察", "督查"), "prefix", preferred_after=("督察", ("环保", "环境保护", "土地", "自然资源"))),
    TermPair(("截至", "截止"), "date", preferred="截至"),
    TermPair(("制定", "制订"), "object"),
    TermPair(("台账", "台帐"), "any", preferred="台账"),
    TermPair(("账户", "帐户"), "any", preferred="账户"),
    TermPair(("账号", "帐号"), "any", preferred="账号"),
    TermPair(("账目", "帐目"), "any", preferred="账目"),
)


def _context_key(pair: TermPair, prose: str, start: int, end: int) -> str | None:
    if pair.context == "any":
        return ""
    if pair.context == "prefix":
        m = _PREFIX_BEFORE.search(prose, max(0, start - 4), start)
        if m is None or m.group()[-2:] in _VERB_BEFORE:
            return None  # 开展督查 / 开展督察: an action, not a name
        return m.group()
    if pair.context == "date":
        if not _DATE_AFTER.match(prose, end):
            return None
        if not _CLAUSE_HEAD_BEFORE.search(prose, max(0, start - 1), start):
            return None
        return "date"
    m = _OBJECT_AFTER.match(prose, end)
    return m.group(1) if m else None


def user_terms(document) -> dict[str, list[str]]:
    """The ``[wording] terms`` table: preferred term → its variants."""
    terms = document.settings.get("wording", {}).get("terms") or {}
    out = {}
    for preferred, variants in terms.items():
        if isinstance(variants, str):
            variants = [variants]
        variants = [v for v in variants if v and v != preferred]
        if preferred:
            out[preferred] = variants  # no variants: it still decides a pair (WD005)
    return out


class InconsistentTerm(Rule):
    """Finds one name or term written two ways in one document (``环保督查`` beside ``环保督察``).

    A reader takes two spellings for two things, and a reviewer marks the
    inconsistency. doclint compares uses of the same term only: 督察/督查 after
    the same words (``中央环保督察``), 截止/截至 before a date (``截至目前``: 截至 is
    the form for "up to a time"), 制定/制订 for the same document, 台帐/台账. Where
    one form is the standard one (截至 before a date, 台账, 督察 in the names of the
    environmental and land inspections) it is kept and the other reported, even
    in the majority; otherwise the minority form is reported and the majority
    quoted, and a tie says nothing. A ``[wording] terms`` table in ``doclint.toml``
    can state the preferred form.

    Bad:  第三轮中央环保督查迎检工作 …… 全区迎接第三轮中央环保督察动员会
    Good: 第三轮中央环保督察迎检工作 …… 全区迎接第三轮中央环保督察动员会
    """

    code = "WD005"
    name = "inconsistent-term"
    family = "wording"
    severity = Severity.WARNING
    fixable = "unsafe"

    def check(self, document):
        prose = document.prose
        terms = user_terms(document)
        user_variants = {v for vs in terms.values() for v in vs}
        for pair in TERM_PAIRS:
            a, b = pair.forms
            if a not in prose or b not in prose:
                continue
            if a in user_variants or b in user_variants:
                continue  # the user's table decides: WD006
            yield from self._check_pair(document, prose, pair, terms)

    def _check_pair(self, document, prose, pair, terms):
        uses = [(m.start(), m.end(), m.group()) for m in regex.finditer("|".join(pair.forms), prose)]
        overall = Counter(form for _, _, form in uses)
        groups = defaultdict(list)
        for start, end, form in uses:
            key = _context_key(pair, prose, start, end)
            if key is not None:
                groups[key].append((start, end, form))
        for key, group in groups.items():
            counts = Counter(form for _, _, form in group)
            if len(counts) < 2:
                continue
            preferred = self._preferred(pair, terms, counts, overall, key)
            if preferred is None:
                continue
            first = next(s for s, _, f in group if f == preferred)
            line = document.line_of(first)
            for start, end, form in group:
                if form == preferred:
                    continue
                yield self.diagnostic(
                    start, end,
                    f"“{form}”与“{preferred}”混用：本文{counts[preferred]}处作“{preferred}”（如第{line}行），应统一为“{preferred}”",
                    f"“{form}” and “{preferred}” both used for one term: “{preferred}” {counts[preferred]} time(s) "
                    f"(e.g. line {line}); use “{preferred}” throughout",
                    suggestion=preferred, fix=Fix.replace(start, end, preferred, UNSAFE),
                )

    @staticmethod
    def _preferred(pair, terms, counts, overall, key):
        for form in pair.forms:
            if form in terms:
                return form
        if pair.preferred:
            return pair.preferred
        if pair.preferred_after and key.endswith(pair.preferred_after[1]):
            return pair.preferred_after[0]
        (top, n), (_, m) = counts.most_common(2)
        if n != m:
            return top
        (top, n), (_, m) = overall.most_common(2)
        return top if n != m else None


class PreferredTerm(Rule):
    """Finds a variant that the user's ``[wording] terms`` table replaces.

    An office fixes the form of its names (``中央生态环境保护督察``, not
    ``中央环保督查``); the table lists each preferred term with its variants and
    every variant is reported. Without a table this rule finds nothing.

    Bad:  中央环保督查     (with terms = {"中央生态环境保护督察" = ["中央环保督查"]})
    Good: 中央生态环境保护督察
    """

    code = "WD006"
    name = "preferred-term"
    family = "wording"
    severity = Severity.WARNING
    fixable = "unsafe"

    def check(self, document):
        terms = user_terms(document)
        if not terms:
            return
        prose = document.prose
        preferred_of = {v: p for p, vs in terms.items() for v in vs}
        if not preferred_of:
            return
        # Longest first, so that 中央环保督查 is one finding, not also its 督查.
        alternatives = sorted(set(preferred_of) | set(terms), key=len, reverse=True)
        pattern = regex.compile("|".join(regex.escape(t) for t in alternatives))
        for m in pattern.finditer(prose):
            variant = m.group()
            preferred = preferred_of.get(variant)
            if preferred is None:
                continue  # a preferred term itself (and the variants inside it)
            yield self.diagnostic(
                m.start(), m.end(),
                f"“{variant}”应按术语表统一为“{preferred}”",
                f"“{variant}”: the terms table prefers “{preferred}”",
                suggestion=preferred, fix=Fix.replace(m.start(), m.end(), preferred, UNSAFE),
            )


@hookimpl
def doclint_register_rules():
    return [DoubledCharacter, LookalikeCharacter, FullwidthAlphanumeric, TraditionalCharacter,
            InconsistentTerm, PreferredTerm]
