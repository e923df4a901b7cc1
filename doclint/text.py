"""Character classes and number reading shared by the rules.

Numbers are read the way a reader of a Chinese report reads them: Arabic
digits (half- or full-width, with ``,`` thousands separators and decimals),
Chinese numerals (``一百二十三``, ``两``, ``十二``, ``二〇二三``) and the
``万``/``亿`` scales (``1.2万`` is 12000).
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

# Han ideographs (CJK Unified, Extension A, compatibility) as a regex class body.
HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Full-width CJK punctuation commonly found in Chinese prose.
CJK_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕…—～·「」『』"
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
             "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_SCALES = {"万": 10_000, "亿": 100_000_000}
_CN_OUT = "零一二三四五六七八九"


def is_han(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


def cn_to_int(text: str) -> int | None:
    """Read a Chinese numeral; None when it is not one (``一百二十三`` → 123)."""
    if not text or any(c not in CN_DIGITS and c not in CN_UNITS and c not in CN_SCALES for c in text):
        return None
    if all(c in CN_DIGITS for c in text) and len(text) > 1:
        # Read digit by digit, as years are written: 二〇二三 → 2023.
        if "两" in text:
            return None
        return int("".join(str(CN_DIGITS[c]) for c in text))
    total, section, number = 0, 0, None
    last_unit = 10**12
    for ch in text:
        if ch in CN_DIGITS:
            if number is not None and number != 0 and CN_DIGITS[ch] != 0:
                return None  # two digits in a row (一二十) is not a numeral
            number = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            unit = CN_UNITS[ch]
            if unit >= last_unit:
                return None
            section += (1 if number is None else number) * unit
            number, last_unit = None, unit
        else:
            scale = CN_SCALES[ch]
            section += number or 0
            if section == 0:
                return None
            total += section * scale
            section, number, last_unit = 0, None, 10**12
    return total + section + (number or 0)


def int_to_cn(n: int) -> str:
    """Write 0 ≤ n < 10000 as a Chinese numeral, the way section numbers are written."""
    if n < 0 or n >= 10000:
        return str(n)
    if n < 10:
        return _CN_OUT[n]
    if n < 20:
        return "十" + (_CN_OUT[n % 10] if n % 10 else "")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero:
                out += "零"
                zero = False
            out += _CN_OUT[digit] + unit
        elif out:
            zero = True
    return out


def parse_number(text: str) -> Decimal | None:
    """Read ``1,234.5``, ``１２``, ``1.2万``, ``三百``, ``十二``; None when unsure."""
    t = text.strip().translate(FULLWIDTH_DIGITS)
    scale = 1
    while t and t[-1] in CN_SCALES:
        scale *= CN_SCALES[t[-1]]
        t = t[:-1]
    if not t:
        return None
    if t[0].isdigit():
        if "," in t:
            head, *groups = t.split(".")[0].split(",")
            if not head or len(head) > 3 or any(len(g) != 3 for g in groups):
                return None
            t = t.replace(",", "")
        try:
            return Decimal(t) * scale
        except InvalidOperation:
            return None
    value = cn_to_int(t)
    return None if value is None else Decimal(value) * scale


def decimals(text: str) -> int:
    """How many decimal places a written number has (its precision)."""
    t = text.translate(FULLWIDTH_DIGITS)
    return len(t.split(".", 1)[1].rstrip("万亿")) if "." in t else 0


# -- numbers as drafts write them (appended for the count family) -----------

#: An Arabic number as written in a draft: half- or full-width digits, ``,``
#: thousands separators (groups of three only) and a decimal part. Use it with
#: guards against letters and digits on either side (``PM2.5``, ``5G``).
ARABIC_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]+)?"
#: A Chinese numeral without the 万/亿 scales (those are read separately).
CHINESE_NUMBER = r"[零〇两一二三四五六七八九十百千]+"


def written_step(text: str) -> Decimal:
    """The value of one step in the last written digit: ``12.4亿`` → 10000000, ``12`` → 1."""
    t = text.strip().translate(FULLWIDTH_DIGITS)
    scale = 1
    while t and t[-1] in CN_SCALES:
        scale *= CN_SCALES[t[-1]]
        t = t[:-1]
    return Decimal(1).scaleb(-decimals(t)) * scale


def format_like(value: Decimal, like: str) -> str:
    """Write ``value`` the way ``like`` is written: same decimals, scale and digit style.

    ``format_like(Decimal("1.24e9"), "12.5亿")`` → ``"12.4亿"``; a Chinese
    numeral template gives a Chinese numeral (``"四"``) for whole values below 10000.
    """
    t = like.strip()
    suffix = ""
    while t and t[-1] in CN_SCALES:
        suffix = t[-1] + suffix
        t = t[:-1]
    scale = 1
    for ch in suffix:
        scale *= CN_SCALES[ch]
    scaled = value / scale
    if t and t[0] not in "0123456789０１２３４５６７８９":
        whole = scaled.to_integral_value()
        if whole == scaled and 0 <= whole < 10000:
            return int_to_cn(int(whole)) + suffix
        return format(scaled.normalize(), "f") + suffix
    places = decimals(t)
    quantum = Decimal(1).scaleb(-places)
    out = format(scaled.quantize(quantum, rounding="ROUND_HALF_UP"), "f")
    if "," in t:
        head, _, tail = out.partition(".")
        out = f"{int(head):,}" + ("." + tail if tail else "")
    if any("０" <= c <= "９" for c in t):
        out = out.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    return out + suffix
