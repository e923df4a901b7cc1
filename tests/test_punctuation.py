"""The punctuation family (PU): half-width marks, mixed forms, pairs, doubled marks, ranges.

Every case asserts the exact findings (code, line, column, end column, covered
text) or their exact absence.
"""
from __future__ import annotations

import pytest

from doclint.fixes import apply_fixes
from doclint.testing import found, lint
from conftest import SEED_FILES


def pu(text: str, select=("PU",)):
    return found(lint(text, select=list(select)), text)


def fixed(text: str, rounds: int = 10) -> str:
    """Apply the family's safe fixes until nothing changes, as ``--fix`` does."""
    for _ in range(rounds):
        new, n = apply_fixes(text, lint(text, select=["PU"]))
        if not n:
            return new
        text = new
    raise AssertionError("safe fixes did not converge")


# ---------------------------------------------------------------------------
# PU001 half-width marks
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("根据文件要求,强化尾矿库管理", [("PU001", 1, 7, 8, ",")]),
        ("企业开办时间压缩至1个工作日以内;全面推行电子执照", [("PU001", 1, 17, 18, ";")]),
        ("现将有关情况汇报如下:", [("PU001", 1, 11, 12, ":")]),
        ("持续优化营商环境!加强监管", [("PU001", 1, 9, 10, "!")]),
        ("是否达到考核要求?", [("PU001", 1, 9, 10, "?")]),
        ("哪些人群应优先接种?主要是老年人", [("PU001", 1, 10, 11, "?")]),
        ("提高2个百分点.", [("PU001", 1, 8, 9, ".")]),
        ("提高2个百分点．下一步", [("PU001", 1, 8, 9, "．")]),
        ("印发《方案》.", [("PU001", 1, 7, 8, ".")]),
        ("真的达标了吗?!", [("PU001", 1, 7, 8, "?"), ("PU001", 1, 8, 9, "!")]),
        ("时间:2023年", [("PU001", 1, 3, 4, ":")]),
        ("同比增长8.3%,居全市第一", [("PU001", 1, 9, 10, ",")]),
        ("比去年同期上升x.x%;PMxx平均浓度", [("PU001", 1, 12, 13, ";")]),
        ("“十四五”,也是开局之年", [("PU001", 1, 6, 7, ",")]),
        ("完成年度任务, 成效明显", [("PU001", 1, 7, 8, ",")]),
        ("使用Excel,Word等软件", [("PU001", 1, 8, 9, ",")]),
        ("降低细颗粒物(PM2.5)浓度", [("PU001", 1, 7, 8, "("), ("PU001", 1, 13, 14, ")")]),
        ("印发《考核办法(试行)》", [("PU001", 1, 8, 9, "("), ("PU001", 1, 11, 12, ")")]),
        ("组织xxxx余人(次)开展监测", [("PU001", 1, 9, 10, "("), ("PU001", 1, 11, 12, ")")]),
        ("见公式(1)的推导", [("PU001", 1, 4, 5, "("), ("PU001", 1, 6, 7, ")")]),
        ("一是加强领导;(2)强化督查", [("PU001", 1, 7, 8, ";"), ("PU001", 1, 8, 9, "("), ("PU001", 1, 10, 11, ")")]),
        ("受理投诉(含平台转办件", [("PU001", 1, 5, 6, "(")]),
        ("氢氧化钙(Ca(OH)2)溶液", [("PU001", 1, 5, 6, "("), ("PU001", 1, 13, 14, ")")]),
        ("第二行\n要求,强化", [("PU001", 2, 3, 4, ",")]),
    ],
)
def test_half_width_found(text, expected):
    assert pu(text, ["PU001"]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "全年共完成投资1,000万元，增长3.5%。",
        "会议于10:30召开，比例尺为1:500。",
        "详见http://www.example.com/a?b=1&c=2，或发送邮件至admin@example.gov.cn咨询。",
        "请访问 www.gov.cn/zhengce 查看。",
        "附件：工作方案.docx，数据见data_2023.xlsx。",
        "使用Python, Java等语言开发。",
        "他说：“Hello, world!”",
        "采用“Plan,Do,Check,Act”循环管理。",
        "按照Eq.(1)计算，结果为f(x)。",
        "GDP (Gross Domestic Product) 增长。",
        "In English: one, two; three? yes!",
        "( wWw.850500.cOm 转载请注明 )",
        "百年党史?天天学",
        "百年党史??天天学",
        "X线、X射线、PM2.5、Ⅲ类、VOCs、5G、3D、TOP10、天天、层层",
        "(一)深入打好污染防治攻坚战",
        "(2)优化供应链管理。",
        "  (三)用心服务企业",
        "（四)加强领导",
        "(五）加强领导",
        "工作如下：1）加强领导；2）强化督查。",
        "1)加强领导",
        "代码`a = f(x, y);`中的参数",
        "见C:\\Users\\doc\\报告.docx",
        "路径为/usr/local/bin下",
        "&nbsp;工作总结",
        "时间为上午9:00—11:30",
        "PM2.5,PM10",
        "接入视频监控点位不少于X,XXX个",
        "学习党史?天天学",
        "见附件.docx文件",
        "一.加强领导",
        "中文. English text.",
        "等等...",
    ],
)
def test_half_width_silent(text):
    assert pu(text, ["PU001"]) == []


def test_half_width_fix_changes_only_the_mark():
    text = "根据文件要求,强化管理(试行);确保实效!是否达标?"
    (d1, d2, d3, d4, d5, d6) = lint(text, select=["PU001"])
    for d in (d1, d2, d3, d4, d5, d6):
        (edit,) = d.fix.edits
        assert (edit.start, edit.end) == (d.start, d.end) and d.fix.is_safe
    assert fixed(text) == "根据文件要求，强化管理（试行）；确保实效！是否达标？"


@pytest.mark.parametrize(
    "text, right",
    [
        ("部分居民认识不足 (签而不约现象仍然存在)。", "部分居民认识不足（签而不约现象仍然存在）。"),
        ("认识不足 (签而不约) 的问题", "认识不足（签而不约）的问题"),
        ("年度 ( 试行 ) 办法", "年度（试行）办法"),
        ("完成年度任务, 成效明显", "完成年度任务，成效明显"),
        ("完成任务 ,成效明显", "完成任务，成效明显"),
        ("主要做法:  一是加强领导", "主要做法：一是加强领导"),
        ("一是加强领导;  (2)强化督查", "一是加强领导；（2）强化督查"),
        ("是否达标? 是的", "是否达标？是的"),
        # indentation, trailing spaces, tabs and ideographic spaces are not padding
        ("  (签而不约)现象", "  （签而不约）现象"),
        ("主要做法:  ", "主要做法：  "),
        ("主要做法:\t一是", "主要做法：\t一是"),
        ("主要做法:\u3000一是", "主要做法：\u3000一是"),
    ],
)
def test_half_width_fix_drops_the_padding_spaces(text, right):
    assert fixed(text) == right
    assert [d for d in lint(right, select=["PU"]) if d.fix is not None and d.fix.is_safe] == []


def test_half_width_padding_fix_keeps_the_span_on_the_mark():
    text = "认识不足 (签而不约) 的问题, 成效"
    diags = lint(text, select=["PU001"])
    assert found(diags, text) == [("PU001", 1, 6, 7, "("), ("PU001", 1, 11, 12, ")"), ("PU001", 1, 16, 17, ",")]
    assert [[(e.start, e.end, e.text) for e in d.fix.edits] for d in diags] == [
        [(4, 6, "（")], [(10, 12, "）")], [(15, 17, "，")]]


def test_half_width_padding_on_a_long_line():
    text = "汉" + " " * 10000 + "(试行)" + " " * 10000 + "汉"
    diags = lint(text, select=["PU"])
    assert found(diags) == [("PU001", 1, 10002, 10003), ("PU001", 1, 10005, 10006)]
    assert fixed(text) == "汉（试行）汉"


# ---------------------------------------------------------------------------
# PU002 % beside ％, . beside ．
# ---------------------------------------------------------------------------

def test_percent_minority():
    text = "增长8.3％。合格率98.6％。\n增长率为6.2%。办结率100％。"
    assert pu(text, ["PU002"]) == [("PU002", 2, 8, 9, "%")]
    assert fixed(text) == text.replace("6.2%", "6.2％")


def test_decimal_point_minority():
    text = "浓度为35.2微克，下降4.1%，同比下降2．3%。"
    assert pu(text, ["PU002"]) == [("PU002", 1, 23, 24, "．")]


@pytest.mark.parametrize(
    "text",
    [
        "增长8.3%，增长6.2%。",
        "增长8.3％，增长6.2％。",
        "增长8.3％，增长6.2%。",  # a tie: no majority to follow
        "详见http://example.com/a%20b，增长8.3％，增长6.2％。",
    ],
)
def test_mixed_width_silent(text):
    assert pu(text, ["PU002"]) == []


# ---------------------------------------------------------------------------
# PU003 quotation marks
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("全面推行”双随机、一公开”和网格化", [("PU003", 1, 5, 6, "”")]),
        ("巩固深化”XXX”主题教育，反对”四风”", [("PU003", 1, 5, 6, "”"), ("PU003", 1, 17, 18, "”")]),
        ("学习\"x+x+x”现代产业体系", [("PU003", 1, 3, 4, '"')]),
        ("学习“x+x+x\"现代产业体系", [("PU003", 1, 9, 10, '"')]),
        ("他说\"你好\"然后离开", [("PU003", 1, 3, 4, '"'), ("PU003", 1, 6, 7, '"')]),
        ("英文为\"good\"。", [("PU003", 1, 4, 5, '"'), ("PU003", 1, 9, 10, '"')]),
        ("开展隐患排查“百日攻坚行动，检查电梯1186台。", [("PU003", 1, 7, 8, "“")]),
        ("“A“，“B”", [("PU003", 1, 3, 4, "“")]),
        ("“甲，“乙”", [("PU003", 1, 1, 2, "“")]),
        ("推行双随机”，“一公开”", [("PU003", 1, 6, 7, "”")]),
        ("‚测试‛一下", [("PU003", 1, 1, 2, "‚"), ("PU003", 1, 4, 5, "‛")]),
        ("他说：“要做到‘两个维护。”", [("PU003", 1, 8, 9, "‘")]),
    ],
)
def test_quotes_found(text, expected):
    assert pu(text, ["PU003"]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "主要包括“一源一策”和“河（湖）长制”。",
        "他说：“我们要‘两个维护’。”",
        "He said \"hello\" to me.",
        "It's a 'test' of don’t and rock’n’roll.",
        "屏幕尺寸为15.6\"的笔记本",
        "“蓉城先锋”“学习强国”等平台",
        "第一行引用“跨行\n继续”结束。",
    ],
)
def test_quotes_silent(text):
    assert pu(text, ["PU003"]) == []


def test_quote_stray_mark_stays_in_its_paragraph():
    text = "推行”双随机。\n" + "开展“放管服”改革。\n" * 50
    assert pu(text, ["PU003"]) == [("PU003", 1, 3, 4, "”")]


def test_quote_unclosed_at_a_sentence_end_is_reported_on_its_line():
    text = "排查“百日攻坚行动。\n继续开展“放管服”改革。"
    assert pu(text, ["PU003"]) == [("PU003", 1, 3, 4, "“")]


def test_quote_fixes():
    assert fixed("全面推行”双随机、一公开”和学习\"x+x+x”体系") == "全面推行“双随机、一公开”和学习“x+x+x”体系"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("建设”一站式“多元解纷和诉讼服务体系。", [("PU003", 1, 3, 8, "”一站式“")]),
        ("推广”刷码乘车“服务", [("PU003", 1, 3, 9, "”刷码乘车“")]),
        ("”一站式“", [("PU003", 1, 1, 6, "”一站式“")]),
        ("他说：“要做到’两个维护‘。”", [("PU003", 1, 8, 14, "’两个维护‘")]),
        ("”甲“和“乙”", [("PU003", 1, 1, 4, "”甲“")]),
        # two reversed pairs in a row: the words between them are not a quotation
        ("推行”放管服“改革，落实”双随机“", [("PU003", 1, 3, 8, "”放管服“"), ("PU003", 1, 13, 18, "”双随机“")]),
        # not reversed pairs: a stray ” before a real pair, and a ” … “ across a sentence break
        ("推行双随机”，“一公开”", [("PU003", 1, 6, 7, "”")]),
        ("他说完了”。又说“好", [("PU003", 1, 5, 6, "”"), ("PU003", 1, 9, 10, "“")]),
        ("要求”与“标准”一致", [("PU003", 1, 3, 4, "”")]),
    ],
)
def test_reversed_quote_pair_is_one_finding(text, expected):
    assert pu(text, ["PU003"]) == expected


def test_reversed_quote_pair_message_and_fix():
    text = "深化诉源治理，建设”一站式“多元解纷和诉讼服务体系。"
    (d,) = lint(text, select=["PU"])
    assert d.message["zh"] == "前后引号方向颠倒：应为“一站式”"
    assert d.suggestion == "“一站式”" and d.fix.is_safe
    assert [(e.start, e.end, e.text) for e in d.fix.edits] == [(9, 10, "“"), (13, 14, "”")]
    assert fixed(text) == "深化诉源治理，建设“一站式”多元解纷和诉讼服务体系。"
    assert pu(fixed(text)) == []


def test_quote_messages_quote_the_mark_readably():
    assert [d.message["zh"] for d in lint("推行双随机”，“一公开”", select=["PU003"])] == ["后引号（”）没有对应的前引号"]
    assert [d.message["zh"] for d in lint("开展隐患排查“百日攻坚行动。", select=["PU003"])] == ["前引号（“）没有闭合"]


def test_reversed_quote_pairs_on_a_long_line():
    diags = lint("”甲“" * 3000, select=["PU"])
    assert {d.code for d in diags} == {"PU003"} and len(diags) == 3000
    assert found(diags[-1:]) == [("PU003", 1, 8998, 9001)]
    assert pu("”" + "甲" * 10000 + "“", ["PU003"]) == [("PU003", 1, 1, 2, "”"), ("PU003", 1, 10002, 10003, "“")]


# ---------------------------------------------------------------------------
# PU004 brackets and title marks
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("受理价格投诉举报（含12315平台转办件138件，办结率100％。", [("PU004", 1, 9, 10, "（")]),
        ("制定《药品安全专项整治方案》》，明确任务分工。", [("PU004", 1, 14, 16, "》》")]),
        ("开展《反不正当竞争法〉宣传活动", [("PU004", 1, 11, 12, "〉")]),
        ("学习〈条例》内容", [("PU004", 1, 3, 4, "〈")]),
        ("《关于〈方案》的通知》", [("PU004", 1, 7, 8, "》")]),
        ("《关于〈方案》", [("PU004", 1, 4, 5, "〈")]),
        ("（甲《乙）", [("PU004", 1, 3, 4, "《")]),
        ("印发《方案的通知，明确分工。", [("PU004", 1, 3, 4, "《")]),
        ("完成整改）并销号。", [("PU004", 1, 5, 6, "）")]),
        ("【重要】通知】", [("PU004", 1, 7, 8, "】")]),
        ("（含（PM2.5）浓度）完成（达标", [("PU004", 1, 15, 16, "（")]),
        ("（一）《方案（试行》", [("PU004", 1, 7, 8, "（")]),
        ("受理(含平台转办件", [("PU004", 1, 3, 4, "(")]),
    ],
)
def test_brackets_found(text, expected):
    assert pu(text, ["PU004"]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "《关于印发〈实施方案〉的通知》",
        "〔2022〕25号文件（赣环固体〔2022〕25号）",
        "（一）加强领导",
        "工作如下：1）加强领导；2）强化督查；a）落实责任。",
        "一）加强领导",
        "a) first item",
        "表情:)",
        "「引用」和『书名』",
        "检查对象包括（一是重点企业，\n二是一般企业）等。",
        "【待补充】个",
    ],
)
def test_brackets_silent(text):
    assert pu(text, ["PU004"]) == []


def test_bracket_stray_mark_stays_in_its_paragraph():
    text = "完成整改）。\n" + "制定《方案》（试行）。\n" * 50
    assert pu(text, ["PU004"]) == [("PU004", 1, 5, 6, "）")]


def test_bracket_fixes():
    assert fixed("制定《方案》》，明确分工。") == "制定《方案》，明确分工。"
    # a wrong-kind closer is a judgement: the fix is offered, but only as unsafe
    (d,) = lint("开展《反不正当竞争法〉宣传", select=["PU004"])
    assert d.fix is not None and not d.fix.is_safe and d.fix.edits[0].text == "》"


# ---------------------------------------------------------------------------
# PU005 doubled or conflicting marks
# ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("开展全覆盖检查，，检查覆盖率达到100％。", [("PU005", 1, 8, 10, "，，")]),
        ("发放宣传资料5000余份。。", [("PU005", 1, 13, 15, "。。")]),
        ("主要做法：：一是", [("PU005", 1, 5, 7, "：：")]),
        ("加强监管，。下一步", [("PU005", 1, 5, 7, "，。")]),
        ("水、大气、，土壤", [("PU005", 1, 5, 7, "、，")]),
        ("要求,，强化", [("PU005", 1, 3, 5, ",，")]),
        ("要求,,强化", [("PU005", 1, 3, 5, ",,")]),
        ("等等。。。", [("PU005", 1, 3, 6, "。。。")]),
        ("是否达标？。", [("PU005", 1, 5, 7, "？。")]),
        ("落实不到位！！", [("PU005", 1, 6, 8, "！！")]),
        ("落实不到位!!", [("PU005", 1, 6, 8, "!!")]),
    ],
)
def test_doubled_found(text, expected):
    assert pu(text, ["PU005"]) == expected


@pytest.mark.parametrize(
    "text",
    ["等等……", "北京——上海", "真的吗？！", "std::vector", "a,,b", "他说：“好。”", "Wow!! Great", "What?!"],
)
def test_doubled_silent(text):
    assert pu(text, ["PU005"]) == []


def test_doubled_fixes():
    assert fixed("检查，，覆盖率达到100％。发放资料5000余份。。要求,，强化") == "检查，覆盖率达到100％。发放资料5000余份。要求，强化"
    (d,) = lint("加强监管，。下一步", select=["PU005"])
    assert not d.fix.is_safe and d.fix.edits[0].text == "。"


# ---------------------------------------------------------------------------
# PU006 a paragraph ending in ， or ； before a heading
# ---------------------------------------------------------------------------

def test_paragraph_end_before_heading():
    text = "一、主要工作\n加强执法检查，严厉打击环境违法行为，\n二、存在问题\n人员不足；\n（一）下一步\n"
    assert pu(text, ["PU006"]) == [("PU006", 2, 18, 19, "，"), ("PU006", 4, 5, 6, "；")]


@pytest.mark.parametrize(
    "text",
    [
        "主要措施：\n（一）加强领导；\n（二）强化督查；\n（三）落实责任。",
        "现将有关情况报告如下：\n一、主要工作",
        "一是加强领导；\n二是强化督查。",
        "加强执法检查，\n严厉打击违法行为。",
        "1.加强领导；\n（1）成立小组；\n（2）明确分工。",
        "主要包括以下内容，\n1.加强领导。",
        "1.加强领导，\n2.强化督查。",
    ],
)
def test_paragraph_end_silent(text):
    assert pu(text, ["PU006"]) == []


# ---------------------------------------------------------------------------
# PU007 range marks
# ---------------------------------------------------------------------------

def test_range_minority_time():
    text = "2023年1月—6月完成。7月—9月推进。\n今年1-6月份，PM2.5下降。"
    assert pu(text, ["PU007"]) == [("PU007", 2, 4, 5, "-")]


def test_range_years():
    text = "2021—2025年规划，2023—2024学年，2022-2023年度"
    assert pu(text, ["PU007"]) == [("PU007", 1, 30, 31, "-")]


def test_range_time_and_number_are_separate():
    text = "1月—6月完成，7月—9月推进，温度5～10℃，排放20～30吨，处罚1-3万元。"
    assert pu(text, ["PU007"]) == [("PU007", 1, 37, 38, "-")]


@pytest.mark.parametrize(
    "text",
    [
        "1月—6月完成，7月—9月推进，温度5～10℃。",
        "1-6月完成，7月—9月推进。",  # a tie
        "执行GB 3095-2012标准，GB 3096-2008标准，1月—6月完成。",
        "电话0731-8888，2023-01-05，1月—6月完成，7月—9月推进。",
        "2021—2025年规划，2023—2024学年，工期3-5年，培训1-2周。",
    ],
)
def test_range_silent(text):
    assert pu(text, ["PU007"]) == []


# ---------------------------------------------------------------------------
# The family as a whole
# ---------------------------------------------------------------------------

CLEAN = """县市场监督管理局2023年度工作总结
2023年，县市场监管局坚持稳中求进工作总基调，全面履行市场监管职责，各项工作取得新进展。
一、优化营商环境
全年新登记各类市场主体5,862户，同比增长8.3%，其中企业1425户。推行“一网通办”，开办时间压缩至1个工作日。
（一）食品安全
组织开展“守护舌尖安全”专项行动（含校园周边），检查3260家次，合格率98.6%。会议于9:30召开，比例尺1:500。
依据《食品安全法》《关于印发〈实施方案〉的通知》（市监发〔2023〕12号），详见http://www.samr.gov.cn/a?b=1。
PM2.5浓度为35微克/立方米，X线设备、5G基站、TOP10企业、VOCs治理，天天抓、层层压实。
他说：“要做到‘两个维护’。”英文材料中写道：Quality first, safety always.
1月—6月完成检查，7月—9月开展复查，温度控制在5～10℃。
"""


def test_clean_draft_is_silent():
    assert pu(CLEAN) == []


@pytest.mark.parametrize(
    "line",
    ["X" * 10000, "、" * 10000, "（" * 10000, "1" * 10000, "a." * 5000, "1-" * 5000, "/a" * 5000, "a@" * 5000,
     "“" * 10000, "," * 10000, "汉" + "?" * 10000 + "汉", "?!" * 5000, "《" * 5000 + "》" * 5000,
     "（" * 5000 + "】" * 5000, "〈" * 5000 + "》" * 5000],
    ids=lambda line: f"{line[:2]}..x{len(line)}",
)
def test_long_lines(line):
    diags = lint(line, select=["PU"])
    if line[0] in "（〈" and line[-1] != "（":
        # each closer takes one opener as a wrong-kind pair: 5000 findings, never 5000²
        assert [d.code for d in diags] == ["PU004"] * 5000
    elif line[0] == "（":
        assert [d.code for d in diags] == ["PU004"] * 10000
    elif line[0] == "“":
        assert {d.code for d in diags} == {"PU003"} and len(diags) == 5000
    elif line[0] == "、":
        assert found(diags) == [("PU005", 1, 1, 10001)]
    else:
        assert diags == []


def test_fixes_stay_within_their_spans_and_converge():
    text = "\n".join([
        "根据文件要求,强化管理(试行);全面推行”双随机、一公开”，学习\"x+x+x”体系",
        "检查，，覆盖率达到100％。发放资料5000余份。。增长8.3％，增长6.2%，合格率98.6％。",
        "制定《方案》》，明确分工,确保实效!",
    ])
    for d in lint(text, select=["PU"]):
        if d.fix is not None:
            assert all(d.start <= e.start <= e.end <= d.end for e in d.fix.edits), d
    once = fixed(text)
    assert once == "\n".join([
        "根据文件要求，强化管理（试行）；全面推行“双随机、一公开”，学习“x+x+x”体系",
        "检查，覆盖率达到100％。发放资料5000余份。增长8.3％，增长6.2％，合格率98.6％。",
        "制定《方案》，明确分工，确保实效！",
    ])
    assert [d for d in lint(once, select=["PU"]) if d.fix is not None and d.fix.is_safe] == []


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_seed_fixes_converge(path):
    text = path.read_text(encoding="utf-8")
    once = fixed(text)
    assert [d for d in lint(once, select=["PU"]) if d.fix is not None and d.fix.is_safe] == []


def _seed(prefix: str) -> str:
    return next(p for p in SEED_FILES if p.name.startswith(prefix)).read_text(encoding="utf-8")


def test_seed_000_wrong_direction_quotes():
    text = _seed("000")
    got = [f for f in pu(text) if f[0] == "PU003"]
    assert [(f[1], f[4]) for f in got] == [(6, "”"), (10, "”"), (10, "”"), (10, "”"), (10, "”"), (12, "”")]
    line6 = text.splitlines()[5]
    assert line6[got[0][2] - 1:got[0][2] + 7] == "”双随机、一公开"


def test_seed_001_half_width_and_quote():
    text = _seed("001")
    got = pu(text)
    lines = text.splitlines()
    assert ("PU003", 4, 115, 116, '"') in got
    assert lines[3][114:121] == '"x+x+x”'
    half = [f for f in got if f[0] == "PU001"]
    # every half-width , ; : in the seed is Chinese prose; (一)…(七) are the numbering family's
    assert sum(1 for f in half if f[4] in ",;:") == text.count(",") + text.count(";") + text.count(":")
    assert not any(f[1] == 32 and f[4] in "()" and f[2] > 390 for f in half)  # the watermark's brackets
    assert not any(f[2] == 1 for f in half)  # no line-initial (一)
    assert ("PU001", 31, 30, 31, "(") in got and lines[30][29:37] == "(PMx.x)浓"


def test_seed_003_half_width_comma():
    got = pu(_seed("003"))
    assert [f[:2] for f in got] == [("PU001", 6), ("PU001", 8), ("PU001", 8), ("PU001", 8), ("PU001", 26),
                                    ("PU001", 26), ("PU001", 26)]


@pytest.mark.parametrize("prefix", ["002", "004"])
def test_seeds_without_punctuation_defects(prefix):
    assert pu(_seed(prefix)) == []
