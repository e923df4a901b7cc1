"""Artifacts: what copy and paste from a web page or a wrong encoding leaves behind.

Drafts are assembled from last year's file, a colleague's e-mail and web pages.
What comes along is never part of the report: a site's watermark
(``( wWw.850500.cOm 转载请注明 )``), paywall markers (``##paidbegin##``), HTML
tags and entities, text decoded with the wrong encoding (``锟斤拷``, ``æ–‡``,
``党史?天天学``), invisible characters and trailing spaces.

Every rule here judges by *shape*, never by a site's name: a domain written in
odd mixed case, a bracketed notice about 转载 / 出处, a page counter. Ordinary
URLs cited in a report (``http://www.gov.cn/...``) and source notes such as
``（数据来源：国家统计局）`` are legitimate and stay silent.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

import regex

from doclint import Fix, Rule, Severity, hookimpl
from doclint.diagnostic import SAFE, UNSAFE
from doclint.patterns import lazy
from doclint.text import HAN

# ---------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------

_HSPACE = " \t\u3000\u00a0"


def _scan(pattern, text: str, needles, fold: bool = False):
    """``pattern.finditer(text)``, skipped when none of the literal ``needles`` occurs.

    An alternation of phrases has no common first character, so the regex engine
    tries it at every position; ``str.__contains__`` rules most drafts out at once.
    """
    haystack = text.lower() if fold else text
    if any(n in haystack for n in needles):
        return pattern.finditer(text)
    return iter(())


class _SpanSet:
    """Disjoint [start, end) spans with a logarithmic overlap test.

    A draft full of mojibake has thousands of findings; testing each new one
    against a list of all earlier ones would be quadratic.
    """

    def __init__(self, spans=()):
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, end - 1 if end > start else start)  # spans starting before ``end``
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        i = bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


def _with_leading_space(text: str, start: int, end: int) -> int:
    """Widen a deletion to the spaces before it when it ends its line.

    Deleting ``文字 (wWw.x.cOm)`` down to ``文字 `` would leave a trailing space
    that the next ``--fix`` run removes; taking the space now keeps fixes idempotent.
    """
    rest = end
    while rest < len(text) and text[rest] in _HSPACE:
        rest += 1
    if rest < len(text) and text[rest] != "\n":
        return start
    while start > 0 and text[start - 1] in _HSPACE:
        start -= 1
    return start


# ---------------------------------------------------------------------------
# AR001 trailing whitespace
# ---------------------------------------------------------------------------

# The lookbehind starts a match only at the beginning of a run and the possessive
# quantifier never gives back: a line of 10,000 spaces followed by text is one attempt.
_TRAILING = lazy(r"(?<![ \t\u3000\u00a0])[ \t\u3000\u00a0]++$", regex.M)


class TrailingSpace(Rule):
    """Finds spaces, tabs and ideographic spaces at the end of a line.

    They are invisible in the editor but shift right-aligned text, survive into
    the typeset report and make every diff noisy. In Markdown, exactly two
    spaces after text are a hard line break and are left alone. Severity is
    info: the printed report does not change, but the fix is certain.

    Bad:  二、履行职责情况␣␣
    Good: 二、履行职责情况
    """

    code = "AR001"
    name = "trailing-space"
    family = "artifact"
    severity = Severity.INFO
    fixable = "safe"

    def check(self, document):
        text = document.text
        ignored = document.is_ignored
        markdown = document.format == "markdown"
        for m in _TRAILING.finditer(text):
            start, end = m.span()
            if ignored(start, end):
                continue  # code blocks keep their own whitespace
            if markdown and m.group() == "  " and start > 0 and text[start - 1] != "\n":
                continue  # a Markdown hard line break
            yield self.diagnostic(start, end, "行尾有多余空白", "trailing whitespace",
                                  suggestion="", fix=Fix.replace(start, end, ""))


# ---------------------------------------------------------------------------
# AR002 invisible characters
# ---------------------------------------------------------------------------

_INVISIBLE_NAMES = {
    "\u200b": ("零宽空格", "zero-width space"),
    "\u200c": ("零宽非连接符", "zero-width non-joiner"),
    "\u200d": ("零宽连接符", "zero-width joiner"),
    "\u200e": ("从左到右标记", "left-to-right mark"),
    "\u200f": ("从右到左标记", "right-to-left mark"),
    "\u2060": ("单词连接符", "word joiner"),
    "\ufeff": ("文中的字节顺序标记（BOM）", "byte-order mark inside the text"),
    "\u00ad": ("软连字符", "soft hyphen"),
    "\u00a0": ("不换行空格", "no-break space"),
    "\u202f": ("窄不换行空格", "narrow no-break space"),
    "\u2007": ("数字空格", "figure space"),
    "\u2028": ("行分隔符", "line separator"),
    "\u2029": ("段分隔符", "paragraph separator"),
}
# The standard ``re`` scans a plain character class three times faster than ``regex``;
# a class repeated with nothing after it cannot backtrack.
_INVISIBLE = re.compile(
    r"[\u200b-\u200f\u2060-\u2064\u2066-\u2069\u202a-\u202e\ufeff\u00ad\u00a0\u202f\u2007\u2028\u2029"
    r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]+"
)
# What the fix puts in place of a character; everything else is deleted. Word writes
# a manual line break (Shift+Enter) as a vertical tab when it saves plain text.
_REPLACE_INVISIBLE = {"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\x0b": "\n", "\u2028": "\n", "\u2029": "\n"}
# No-break spaces that end a line belong to AR001, so that the two fixes never overlap.
_TRAILING_AFTER = lazy(r"[ \t\u3000\u00a0]*+(?:\n|\Z)")
# A zero-width joiner inside an emoji sequence (👨‍👩‍👧) is not an artifact.
_EMOJI = lazy(r"[\u2600-\u27bf\U0001f000-\U0001faff]")


def _char_name(ch: str) -> tuple[str, str]:
    if ch in _INVISIBLE_NAMES:
        return _INVISIBLE_NAMES[ch]
    if ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F:
        return "控制字符", "control character"
    name = unicodedata.name(ch, "format character").lower()
    return "格式控制字符", name


class InvisibleCharacter(Rule):
    """Finds invisible characters: zero-width spaces, soft hyphens, no-break spaces, control codes.

    Zero-width spaces and joiners, soft hyphens, a byte-order mark inside the
    text, no-break spaces and control characters come from web pages and PDF
    copies. Nobody sees them, but they break search (``排查`` does not match
    ``排<U+200B>查``), word counts and line wrapping. The fix deletes them; a
    no-break space becomes an ordinary space, and a vertical tab (Word's manual
    line break) a line end.

    Bad:  开展排<U+200B>查整治
    Good: 开展排查整治
    """

    code = "AR002"
    name = "invisible-character"
    family = "artifact"
    severity = Severity.WARNING
    fixable = "safe"

    def check(self, document):
        text, prose = document.text, document.prose
        mojibake = document.memo("artifact.mojibake", lambda: _find_mojibake(document))
        covered = _SpanSet((s, e) for s, e, *_ in mojibake)
        for m in _INVISIBLE.finditer(prose):
            start, end = m.span()
            run = m.group()
            if run[-1] == "\u00a0" and _TRAILING_AFTER.match(text, end):
                # Trailing no-break spaces are reported by AR001; keep what comes before.
                run = run.rstrip("\u00a0")
                end = start + len(run)
                if not run:
                    continue
            if covered.overlaps(start, end):
                continue  # part of a mis-decoded run, reported by AR005
            if run == "\u200d" and (
                (start > 0 and _EMOJI.match(text, start - 1)) or _EMOJI.match(text, end)
            ):
                continue
            if _TRAILING_AFTER.match(text, end):
                # ``文字 <ZWSP>`` at a line end: once the character goes, the space before it
                # trails; take it too so that one ``--fix`` pass leaves a clean line.
                start = _with_leading_space(text, start, end)
                replacement = ""
            else:
                replacement = "".join(_REPLACE_INVISIBLE.get(ch, "") for ch in run)
            names = []
            for ch in dict.fromkeys(run):
                zh, en = _char_name(ch)
                names.append((f"U+{ord(ch):04X}", zh, en))
            zh = "、".join(f"{zh}（{code}）" for code, zh, _ in names)
            en = ", ".join(f"{en} ({code})" for code, _, en in names)
            yield self.diagnostic(start, end, f"不可见字符：{zh}", f"invisible character: {en}",
                                  suggestion=replacement, fix=Fix.replace(start, end, replacement))


# ---------------------------------------------------------------------------
# AR003 watermarks and site chrome
# ---------------------------------------------------------------------------

_DIGIT = r"[0-9０-９一二三四五六七八九十]"
# Top-level labels a watermark domain ends in (compared in lower case); a file name
# (``report.docx``) or an abbreviation (``e.g.``) does not end in one of these.
_TLDS = frozenset(
    "com cn net org gov edu info cc top xyz vip io me tv biz co hk tw site club shop wang ren xin "
    "ink pub link work live online tech fun store cloud icu mobi asia win".split()
)
# A domain-like token: labels of letters, digits and hyphens joined by dots.
_DOMAIN = lazy(
    r"(?<![A-Za-z0-9.@/-])(?:https?://)?(?:[A-Za-z0-9-]{1,63}+\.){1,6}+[A-Za-z]{2,6}+(?![A-Za-z0-9-])"
)
# Declarative notices only a web page makes; the finding runs to the end of the sentence.
_NOTICE = lazy(
    r"转载请(?:注明|保留|标明)"
    r"|(?:转载|引用)(?:请|务必|须|需)?注明(?:出处|来源)"
    r"|未经(?:本站|本网|作者)?(?:许可|授权|同意)[，,]?\s*(?:不得|禁止|严禁|请勿|谢绝)转载"
    r"|(?:禁止|谢绝)转载"
    r"|本(?:文|篇文章|站文章)(?:来源于|来源自|来自于?|转自|转载自|摘自)"
    r"|文章(?:来源于|转载自|转自)|(?:文章|本文)来源[:：]|原标题[:：]"
    r"|(?:上一篇|下一篇|相关阅读|延伸阅读|推荐阅读|相关推荐|热门推荐)[:：]|猜你喜欢"
    r"|版权归(?:本站|本网|原作者|原网站|[^\n，。,]{1,12}?网)所有"
    r"|如有侵权[，,]?\s*请(?:联系|告知|通知)"
    r"|更多[^\n。，,；;]{0,20}?(?:[，,]\s*)?(?:请|欢迎)(?:访问|登录|登陆|浏览|点击)"
    r"|更多[^\n。，,；;]{0,12}?尽在"
    r"|本文由[^\n，。,]{1,20}?(?:整理|提供|发布|编辑|原创)"
    r"|免责声明[:：]"
    r"|分享到[:：]"
    r"|责任编辑[:：]"
    r"|原文(?:链接|地址)[:：]"
)
_SENTENCE_REST = lazy(r"[^\n。！!)）】\]]{0,60}+[。！!]?")
# Labels of a page's user interface: the finding is the label itself.
_UI_LABEL = lazy(
    r"点击(?:此处|这里)?(?:查看|阅读|进入|下载|浏览)(?:全文|原文|更多|详情|下一页)(?:\s*(?:>>|》》|»|›))?"
    r"|展开全文|返回顶部|打印本页|关闭窗口"
)
# Labels too close to ordinary words to be reported unless they stand alone in brackets.
_UI_BRACKETED = lazy(
    r"收藏本页|加入收藏|设为首页|打印|关闭|(?:阅读|查看)(?:原文|全文)|查看更多|(?:字号|字体)[:：]?\s*[大中小\s]*+"
)
# Keywords that make a *bracketed* aside chrome when a domain is in it too.
_DOMAIN_CHROME = lazy(r"本站|本网|原文|转载|出处")
_BRACKETED = lazy(r"[(（\[【]([^()（）\[\]【】\n]{1,80}+)[)）\]】]")
_PAGE_COUNTER = lazy(
    rf"第\s*{_DIGIT}{{1,4}}+\s*页\s*[,，/／、]?\s*共\s*{_DIGIT}{{1,4}}+\s*页"
    rf"|共\s*{_DIGIT}{{1,4}}+\s*页\s*[,，/／、]?\s*第\s*{_DIGIT}{{1,4}}+\s*页"
    rf"|第\s*{_DIGIT}{{1,4}}+\s*[/／]\s*{_DIGIT}{{1,4}}+\s*页"
)
_PAGE_NAV = lazy(r"首页|上一页|下一页|尾页|末页")
# The header of an article page: 来源：… 发布时间：… 浏览次数：… 字号：大 中 小.
_ARTICLE_META = lazy(
    r"(?:来源|作者|时间|发布者|发布时间|发布日期|浏览次数|浏览量|点击数|点击量|阅读次数|阅读量|访问量|字号|字体)\s*[:：]"
)
_STRONG_META = frozenset(
    {"发布时间", "发布日期", "发布者", "浏览次数", "浏览量", "点击数", "点击量", "阅读次数", "阅读量", "访问量", "字号", "字体"}
)
_SITE_FOOTER = lazy(
    r"(?i:powered\s++by)\s++[^\n]{1,80}+"
    r"|(?i:copyright)\s*+(?:©|\([cC]\)|&copy;)[^\n]{0,80}+"
    r"|(?i:all\s++rights\s++reserved)\.?"
    r"|[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]ICP[备证]\d{6,}+号(?:-\d{1,3}+)?"
    r"|[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]公网安备\s*\d{10,}+号?"
)
_NOTICE_NEEDLES = (
    "转载", "注明", "本文", "本篇", "本站", "文章", "版权归", "侵权", "更多", "责任编辑", "原文", "原标题",
    "免责声明", "分享到", "一篇", "阅读", "推荐", "猜你喜欢",
)
_UI_NEEDLES = ("点击", "展开全文", "返回顶部", "打印本页", "关闭窗口")
_FOOTER_NEEDLES = ("powered", "copyright", "rights", "icp", "公网安备")
_BRACKET_PAIRS = {"(": ")", "（": "）", "[": "]", "【": "】"}


def _domains(text: str, start: int = 0, end: int | None = None):
    """Domain-like tokens whose top-level label is a real one."""
    for m in _DOMAIN.finditer(text, start, len(text) if end is None else end):
        if m.group().rsplit(".", 1)[-1].lower() in _TLDS:
            yield m


def _odd_case(label: str) -> bool:
    """``wWw``, ``cOm``, ``WWw``: a capital after the first letter, mixed with small letters.

    ``Www`` and ``Com`` are not counted: a word processor capitalises the first
    letter of a sentence, and people do too.
    """
    return any(c.isupper() for c in label[1:]) and any(c.islower() for c in label)


def _odd_domain(token: str) -> bool:
    """``wWw.850500.cOm``: a ``www`` or a top-level label in mixed case.

    Sites stamp their domain in random case so that it survives copy filters;
    nobody writes ``cOm`` or ``wWw`` by hand. Mixed case *inside* a name
    (``www.ChinaDaily.com.cn``) is ordinary and is not counted.
    """
    labels = token.split("://", 1)[-1].split(".")
    if labels[0].lower() == "www" and _odd_case(labels[0]):
        return True
    return _odd_case(labels[-1])


def _chrome_aside(content: str, square: bool) -> bool | None:
    """Is a bracketed aside a watermark? True: certainly (safe to delete), None: likely, False: no.

    ``square``: the aside is in 【】 or [], the brackets a page's buttons are drawn with;
    ``（关闭）`` after a factory's name is a status, ``【关闭】`` is a button.
    """
    domains = [m.group() for m in _domains(content)] if "." in content else []  # a domain has a dot
    if any(_odd_domain(d) for d in domains):
        rest = content
        for d in domains:
            rest = rest.replace(d, "")
        # Nothing but the stamp and a notice: certain. Other words: a person should look.
        return True if not rest.strip(_HSPACE) or _NOTICE.search(rest) else None
    label = content.strip(_HSPACE)
    if _NOTICE.search(content) or _UI_LABEL.fullmatch(label) or (square and _UI_BRACKETED.fullmatch(label)):
        return True if domains else None
    if domains and _DOMAIN_CHROME.search(content) and "来源" not in content.replace("来源于", ""):
        return None
    return False


class Watermark(Rule):
    """Finds web watermarks and site chrome pasted into the draft.

    A site's stamp such as ``( wWw.850500.cOm 转载请注明 )``, ``本文来源于…``,
    ``更多…请访问…``, ``点击查看全文``, page counters (``第1页 共3页``),
    ``Powered by`` and ICP footers show the report was copied from a web page.
    They are found by shape (a domain in odd mixed case, a notice about 转载 or
    出处), so ordinary cited URLs and ``（数据来源：…）`` notes stay silent.
    A bracketed stamp with an odd-case domain is deleted by the safe fix; other
    notices get an unsafe fix, to be checked by a person.

    Bad:  做到问题及时发现、及时整改。( wWw.850500.cOm 转载请注明 )
    Good: 做到问题及时发现、及时整改。
    """

    code = "AR003"
    name = "watermark"
    family = "artifact"
    severity = Severity.ERROR
    fixable = "safe"

    def check(self, document):
        prose, text = document.prose, document.text
        found: list[tuple[int, int, str, str, bool]] = []

        def add(start, end, kind_zh, kind_en, certain=False):
            shown = prose[start:end].strip()
            found.append((start, end, f"{kind_zh}“{shown}”", f"{kind_en} “{shown}”", certain))

        for m in _BRACKETED.finditer(prose):
            verdict = _chrome_aside(m.group(1), m.group()[0] in "[【")
            if verdict is True or (verdict is None and _BRACKET_PAIRS[m.group()[0]] == m.group()[-1]):
                add(m.start(), m.end(), "网页水印或转载声明", "web watermark or reprint notice", bool(verdict))
        for m in _domains(prose):
            if _odd_domain(m.group()):
                end = after = m.end()
                while after < min(len(prose), end + 3) and prose[after] in _HSPACE:
                    after += 1
                notice = _NOTICE.match(prose, after)  # ``wWw.x.cOm 转载请注明``: one finding
                if notice:
                    end = _SENTENCE_REST.match(prose, notice.end()).end()
                add(m.start(), end, "网页水印", "web watermark", bool(notice))
        for m in _scan(_NOTICE, prose, _NOTICE_NEEDLES):
            start, end = m.start(), _SENTENCE_REST.match(prose, m.end()).end()
            # A domain just before the notice belongs to it: ``www.x.com 转载请注明``.
            for d in _domains(prose, max(0, start - 70), start):
                if not prose[d.end():start].strip(_HSPACE):
                    start = d.start()
            add(start, end, "网页转载声明", "web reprint notice")
        for m in _scan(_UI_LABEL, prose, _UI_NEEDLES):
            add(m.start(), m.end(), "网页按钮或链接文字", "web page button or link text")
        for m in _scan(_PAGE_COUNTER, prose, ("页",)):
            add(m.start(), m.end(), "网页分页计数", "web page counter")
        for m in _scan(_SITE_FOOTER, prose, _FOOTER_NEEDLES, fold=True):
            add(m.start(), m.end(), "网站页脚", "website footer")
        for line in _lines_with(prose, ("页", "：", ":")):
            navs = list(_PAGE_NAV.finditer(prose, line[0], line[1]))
            kinds = {n.group() for n in navs}
            if len(kinds) >= 2 and kinds & {"上一页", "下一页"}:
                add(navs[0].start(), navs[-1].end(), "网页翻页导航", "web page navigation")
            labels = {regex.sub(r"\s*[:：]$", "", x.group()) for x in _ARTICLE_META.finditer(prose, line[0], line[1])}
            if len(labels) >= 2 and labels & _STRONG_META and line[1] - line[0] <= 120:
                add(line[0], line[1], "网页文章信息栏", "web article header")

        taken = _SpanSet()
        for start, end, zh, en, certain in sorted(found, key=lambda f: (f[0], -f[1])):
            while end > start and prose[end - 1] in _HSPACE:
                end -= 1
            while start < end and prose[start] in _HSPACE:
                start += 1
            if start == end or taken.overlaps(start, end):
                continue
            taken.add(start, end)
            start = _with_leading_space(text, start, end)
            yield self.diagnostic(start, end, zh, en, suggestion="",
                                  fix=Fix.replace(start, end, "", SAFE if certain else UNSAFE))


def _lines_with(prose: str, needles) -> list[tuple[int, int]]:
    """(start, end) of the lines that contain any of ``needles`` (a cheap pre-filter)."""
    spans = set()
    for needle in needles:
        i = prose.find(needle)
        while i != -1:
            start = prose.rfind("\n", 0, i) + 1
            end = prose.find("\n", i)
            end = len(prose) if end == -1 else end
            spans.add((start, end))
            i = prose.find(needle, end)
    return sorted(spans)


# ---------------------------------------------------------------------------
# AR004 web markup
# ---------------------------------------------------------------------------

_PAID_MARKER = lazy(r"##[A-Za-z][A-Za-z_]{1,30}+##")
_HTML_TAG = lazy(
    r"</?(?i:p|br|div|span|font|strong|b|em|i|u|img|a|table|tbody|thead|tr|td|th|ul|ol|li"
    r"|h[1-6]|section|article|center|hr|sup|sub|label|o:p)"
    # attributes, if any, must look like attributes: ``x<i时，y>0`` is a formula, not a tag
    r"(?:\s++[A-Za-z:-]++(?:\s*+=\s*+(?:\"[^\"\n]{0,200}+\"|'[^'\n]{0,200}+'|[^\s>'\"]{1,100}+))?+)*+\s*+/?>"
)
_HTML_ENTITY = lazy(
    r"&(?:(?i:nbsp|ensp|emsp|thinsp|amp|lt|gt|quot|apos|ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot"
    r"|times|deg|plusmn|copy|reg|bull|yen|permil|divide);|#[0-9]{2,7}+;|#[xX][0-9a-fA-F]{2,6}+;|(?i:nbsp)(?![A-Za-z;]))"
)
_SPACES_AHEAD = lazy(r"(?:[ \t\u3000\u00a0]|&(?i:nbsp|ensp|emsp|thinsp);?)*+")
_SPACE_ENTITIES = {"&nbsp;", "&ensp;", "&emsp;", "&thinsp;", "&nbsp"}


class WebMarkup(Rule):
    """Finds web page markup in the text: ``##paidbegin##`` markers, HTML tags and entities.

    Paywall markers such as ``##paidbegin##``, HTML tags (``<br>``, ``<p>``)
    and entities (``&nbsp;``) are a web page's source, not text: a printed
    report that shows ``&nbsp;`` or ``##paidend##`` was pasted without being
    read. Markers and entities have a safe fix (delete, or the character the
    entity stands for); tags an unsafe one, since ``<br>`` may have separated
    two sentences. In Markdown, where HTML is part of the syntax, tags and
    entities are allowed.

    Bad:  针对工作中的好##paidbegin##经验好做法
    Good: 针对工作中的好经验好做法
    """

    code = "AR004"
    name = "web-markup"
    family = "artifact"
    severity = Severity.ERROR
    fixable = "safe"

    def check(self, document):
        prose, text = document.prose, document.text
        # Where the run of spaces and space entities after a position ends, and whether
        # the line ends there: remembered, so ``&nbsp;`` × 10,000 is scanned once.
        run_end, run_ends_line = -1, False

        def only_spaces_follow(position: int) -> bool:
            nonlocal run_end, run_ends_line
            if position > run_end:
                run_end = _SPACES_AHEAD.match(text, position).end()
                run_ends_line = run_end == len(text) or text[run_end] == "\n"
            return run_ends_line

        for m in _PAID_MARKER.finditer(prose):
            start = _with_leading_space(text, m.start(), m.end())
            yield self.diagnostic(start, m.end(), f"网页残留标记“{m.group()}”", f"leftover web marker “{m.group()}”",
                                  suggestion="", fix=Fix.replace(start, m.end(), ""))
        if document.format == "markdown":
            return
        for m in _HTML_TAG.finditer(prose):
            start = _with_leading_space(text, m.start(), m.end())
            yield self.diagnostic(start, m.end(), f"网页残留HTML标签“{m.group()}”", f"leftover HTML tag “{m.group()}”",
                                  suggestion="", fix=Fix.replace(start, m.end(), "", UNSAFE))
        for m in _HTML_ENTITY.finditer(prose):
            entity = m.group()
            if entity.lower() in _SPACE_ENTITIES:
                # at a line end the space would only trail: AR001 would remove it next
                replacement = "" if only_spaces_follow(m.end()) else " "
            else:
                import html  # deferred: entities are rare, and html.entities is a large table

                replacement = html.unescape(entity)
                if replacement == entity:
                    continue
                if not replacement.isprintable():
                    replacement = ""  # ``&#8203;``: an invisible character, written as an entity
            meaning_zh, meaning_en = ("空格", "a space") if not replacement.strip() else (replacement, replacement)
            yield self.diagnostic(m.start(), m.end(), f"网页残留HTML实体“{entity}”，应直接写作 {meaning_zh}",
                                  f"leftover HTML entity “{entity}”; write {meaning_en}",
                                  suggestion=replacement, fix=Fix.replace(m.start(), m.end(), replacement))


# ---------------------------------------------------------------------------
# AR005 mojibake, AR006 lost character
# ---------------------------------------------------------------------------

# Windows-1252 glyphs for the bytes 0x80-0x9F, as a UTF-8 text read as cp1252 shows them.
_CP1252_HIGH = "€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ"
_CP1252_BYTE = {ch: 0x80 + i for i, ch in enumerate(_CP1252_HIGH)}
_CONT = "\u0080-\u00bf" + "".join(c for c in _CP1252_HIGH if ord(c) > 0xFF)
# Each shape is its own pattern: an alternation without a common first character
# is tried at every position and costs ten times more on a large draft.
_MOJIBAKE_LOST = lazy(
    r"(?:锟斤拷)++[锟斤]?+"  # U+FFFD written as UTF-8 then read as GBK, the classic
    r"|(?:ï¿½)++"  # U+FFFD written as UTF-8 then read as Latin-1
    r"|\ufffd++"  # the replacement character itself: a decoder gave up here
)
# UTF-8 read as cp1252 (æ–‡ä»¶): two or more (lead, continuation, continuation) triples.
# Written lead-first, and without a possessive on a lone class, so that the regex
# module can skip ahead to candidate characters: ten times faster on a clean draft.
_MOJIBAKE_UTF8 = lazy(rf"[\u00e2-\u00ef](?:[{_CONT}]{{2}}[\u00e2-\u00ef])++[{_CONT}]{{2}}")
_MOJIBAKE_GBK = lazy(r"[\u00a1-\u00fe]{4,}")  # GBK read as Latin-1: ÖÐ¹ú


def _as_bytes(run: str) -> bytes | None:
    out = bytearray()
    for ch in run:
        o = ord(ch)
        if o <= 0xFF:
            out.append(o)
        elif ch in _CP1252_BYTE:
            out.append(_CP1252_BYTE[ch])
        else:
            return None
    return bytes(out)


# UTF-8 read as GBK (鏂囦欢 for 文件): the GBK bytes of such a run are valid UTF-8
# for Chinese. Bytes are classed with ``bytes.translate`` and candidates found with
# ``bytes.find``, both in C: a clean megabyte costs a few milliseconds.
_BYTE_CLASS = bytes(
    ord("L") if b in range(0xE3, 0xEA) or b == 0xEF else ord("C") if 0x80 <= b <= 0xBF else ord(".")
    for b in range(256)
)
_UTF8_CJK_RUN = re.compile(rb"(?:[\xe3-\xe9\xef][\x80-\xbf]{2})+")


def _gb2312_chinese(text: str) -> bool:
    """Two or more characters, all common simplified Chinese (GB 2312) or CJK punctuation."""
    if len(text) < 2 or sum(1 for c in text if "\u4e00" <= c <= "\u9fff") < 2:
        return False
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _mostly_common(text: str) -> bool:
    """At least half the Han characters are among the 3,755 most common (GB 2312 level 1).

    Latin-1 letters paired at random (``ää``, ``¿¿``) decode to rare characters.
    """
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    common = sum(1 for c in han if 0xB0 <= c.encode("gb2312")[0] <= 0xD7)
    return bool(han) and common * 2 >= len(han)


def _find_utf8_read_as_gbk(document, prose: str):
    raw = prose.encode("gbk", errors="replace")  # one byte for what GBK lacks, like the offsets below
    marks = raw.translate(_BYTE_CLASS)
    line_number, counted_to, offsets = 1, 0, None
    i = marks.find(b"LCCLCC")
    while i != -1:
        end = _UTF8_CJK_RUN.match(raw, i).end()
        newlines = raw.count(b"\n", counted_to, i)  # counted incrementally: linear overall
        if newlines or offsets is None:
            line_number += newlines
            line = document.line(line_number)
            line_byte_start = raw.rfind(b"\n", 0, i) + 1
            offsets = [0]  # byte offset of each character of the line, once per line
            for ch in prose[line.start:line.end]:
                offsets.append(offsets[-1] + (1 if ch < "\x80" else len(ch.encode("gbk", errors="replace"))))
        counted_to = i
        first = bisect_right(offsets, i - line_byte_start) - 1
        last = bisect_right(offsets, end - 1 - line_byte_start) - 1
        # When the run starts inside a character (after a lost byte), that character
        # is half mojibake: it is part of the span, and no exact repair is offered.
        aligned = offsets[first] == i - line_byte_start
        decoded = raw[i:end].decode("utf-8")
        run = prose[line.start + first:line.start + last + 1]
        if _gb2312_chinese(decoded) and not _gb2312_chinese(run):
            shown = decoded if aligned else "…" + decoded
            yield (line.start + first, line.start + last + 1,
                   f"乱码“{run}”：UTF-8文字被按GBK读取，原文应为“{shown}”",
                   f"mojibake “{run}”: UTF-8 text read as GBK; it reads “{shown}”",
                   decoded if aligned else None)
        i = marks.find(b"LCCLCC", end)


def _find_mojibake(document) -> list[tuple[int, int, str, str, str | None]]:
    """(start, end, zh, en, decoded text or None) for every mis-decoded run."""
    prose = document.prose
    found = list(_find_utf8_read_as_gbk(document, prose))
    taken = _SpanSet((s, e) for s, e, *_ in found)
    for m in _scan(_MOJIBAKE_LOST, prose, ("锟斤拷", "ï¿½", "\ufffd")):
        if not taken.overlaps(m.start(), m.end()):
            taken.add(m.start(), m.end())
            found.append((m.start(), m.end(), f"乱码“{m.group()}”：此处原有的字符已丢失",
                          f"mojibake “{m.group()}”: the original characters are lost", None))
    for pattern, encoding, zh_name in ((_MOJIBAKE_UTF8, "utf-8", "UTF-8"), (_MOJIBAKE_GBK, "gbk", "GBK")):
        for m in pattern.finditer(prose):
            run = m.group()
            if taken.overlaps(m.start(), m.end()):
                continue
            raw = _as_bytes(run)
            if raw is None or (encoding == "gbk" and len(raw) % 2):
                continue
            try:
                decoded = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _gb2312_chinese(decoded) and len(set(run)) >= 3 and _mostly_common(decoded):
                taken.add(m.start(), m.end())
                found.append((m.start(), m.end(),
                              f"乱码“{run}”：{zh_name}文字被按西文编码读取，原文应为“{decoded}”",
                              f"mojibake “{run}”: {zh_name} text read as Latin-1; it reads “{decoded}”", decoded))
    return sorted(found)


def mojibake_spans(document) -> list[tuple[int, int]]:
    """(start, end) of every mis-decoded run, computed once per document.

    For other families: a variant-character or doubled-character rule should
    not report characters inside mojibake (``鍏氬彶`` is not a traditional form).
    """
    return [(s, e) for s, e, *_ in document.memo("artifact.mojibake", lambda: _find_mojibake(document))]


class Mojibake(Rule):
    """Finds mojibake: text decoded with the wrong encoding.

    ``锟斤拷`` and ``ï¿½`` are what a lost character becomes after a second
    wrong conversion; U+FFFD (�) marks bytes a decoder could not read;
    ``æ–‡ä»¶`` is UTF-8 read as Latin-1 and ``ÖÐ¹ú`` is GBK read as Latin-1.
    A run is reported only when it decodes back to Chinese, and the decoded
    text is offered as an unsafe fix.

    Bad:  按照æ–‡ä»¶要求
    Good: 按照文件要求
    """

    code = "AR005"
    name = "mojibake"
    family = "artifact"
    severity = Severity.ERROR
    fixable = "unsafe"

    def check(self, document):
        for start, end, zh, en, decoded in document.memo("artifact.mojibake", lambda: _find_mojibake(document)):
            yield self.diagnostic(start, end, zh, en, suggestion=decoded,
                                  fix=Fix.replace(start, end, decoded, UNSAFE) if decoded else None)


_LOST = lazy(rf"(?<=[{HAN}])\?{{1,4}}+(?=[{HAN}])")
_CLAUSE_START = lazy(r"[，。；！？,.;!?\n：:“”\"]")
_QUESTION_WORDS = lazy(
    rf"什么|怎么|怎样|如何|为何|为什么|哪|谁|是否|多少|几|难道|岂|何[时处在以]|能否|可否|有无|请问|还是"
    rf"|([{HAN}])[不没]\1"  # 是不是, 行不行, 有没有: the A-not-A question
)
_QUESTION_PARTICLES = "吗呢吧么嘛啊呀"


class LostCharacter(Rule):
    """Finds a ``?`` standing between two Chinese characters where one was lost.

    When text passes through an encoding that lacks a character (GB2312 has no
    ``旻``, a web form saved as Latin-1 has no Chinese at all), the character is
    replaced by ``?``. Between two Chinese characters a half-width ``?`` is
    almost never a question mark; clauses that read as a question (``吗?``,
    ``是否…?``) are left alone.

    Bad:  “百年党史?天天学”
    Good: “百年党史天天学” (the ``?`` gone, or the lost character written back)
    """

    code = "AR006"
    name = "lost-character"
    family = "artifact"
    severity = Severity.WARNING
    fixable = None

    def check(self, document):
        prose = document.prose
        for m in _LOST.finditer(prose):
            start = m.start()
            if prose[start - 1] in _QUESTION_PARTICLES:
                continue
            clause_from = max(0, start - 60)
            for c in _CLAUSE_START.finditer(prose, clause_from, start):
                clause_from = c.end()
            if _QUESTION_WORDS.search(prose, clause_from, start):
                continue
            yield self.diagnostic(start, m.end(), "乱码：“?”处的汉字已丢失",
                                  "mojibake: a Chinese character was lost where “?” stands")


@hookimpl
def doclint_register_rules():
    return [TrailingSpace, InvisibleCharacter, Watermark, WebMarkup, Mojibake, LostCharacter]
