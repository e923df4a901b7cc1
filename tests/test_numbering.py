"""The numbering family: sequences, restarts, mixed forms, separators, level order, inline lists."""
from __future__ import annotations

import pytest

from conftest import SEEDS
from doclint.rules.numbering import (
    InlineEnumeration,
    LevelOrder,
    MixedForm,
    Restart,
    Separator,
    Sequence,
    UniformStyle,
    diagnose,
)
from doclint.testing import found, lint


def nu(text: str, select=("NU",)):
    return found(lint(text, select=list(select)), text)


def suggestions(text: str, select=("NU",)):
    return [(d.code, d.line, text[d.start:d.end], d.suggestion) for d in lint(text, select=list(select))]


def apply_fixes(text: str, select=("NU",), unsafe: bool = True) -> str:
    """Apply every fix the way --fix / --unsafe-fixes would (edits do not overlap)."""
    edits = [e for d in lint(text, select=list(select)) if d.fix and (unsafe or d.fix.is_safe) for e in d.fix.edits]
    for e in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[:e.start] + e.text + text[e.end:]
    return text


def seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


# -- the seeds -----------------------------------------------------------------

def test_seed_002_repeated_four_renumbers_what_follows():
    text = seed("002")
    assert suggestions(text) == [("NU001", 14, "四、", "五、"), ("NU001", 16, "五、", "六、")]


def test_seed_001_missing_dot_and_one_note_for_uniform_half_width_brackets():
    text = seed("001")
    assert suggestions(text) == [("NU005", 3, "(一)", "（一）"), ("NU004", 20, "5", "5.")]
    assert [d.severity.name for d in lint(text, select=["NU005"])] == ["INFO"]


def test_seed_003_bracket_mix_reports_the_half_width_ones():
    text = seed("003")
    assert [(c, line, t) for c, line, t, _ in suggestions(text)] == [
        ("NU003", 3, "(一)"), ("NU003", 7, "(二)"), ("NU003", 9, "(三)"),
        ("NU003", 22, "(二)"), ("NU003", 23, "(三)"), ("NU003", 24, "(四)"), ("NU003", 25, "(五)"),
    ]


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_seeds_with_sound_numbering_are_silent(prefix):
    assert nu(seed(prefix)) == []


def test_enterprise_report_all_numbering_defects():
    text = ("华信科技股份有限公司2024年第三季度经营情况报告\n一、总体经营情况\n营业收入8.6亿元。\n二、主要业务进展\n"
            "（一）研发投入\n研发投入0.92亿元。\n（二）市场拓展\n新签合同额12.4亿元。\n（四）人力资源\n在册员工2418人。\n"
            "二、风险与挑战\n（一）原材料价格波动\n（二）汇率风险\n四、第四季度工作安排\n（一）经营目标\n"
            "1.确保全年营业收入达到34亿元。\n2.确保全年净利润不低于4.2亿元。\n3 加快推进重点项目建设。\n（二）重点举措\n"
            "（1）加快新产品量产。\n(2)优化供应链管理。\n（3）强化应收账款管理。\n五、其他事项\n无。\n")
    assert suggestions(text) == [
        ("NU001", 9, "（四）", "（三）"),
        ("NU001", 11, "二、", "三、"),
        ("NU004", 18, "3", "3."),
        ("NU003", 21, "(2)", "（2）"),
    ]


# -- NU001 sequence ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("一、甲\n二、乙\n四、丙\n", [("NU001", 3, 1, 3, "四、")]),
    ("一、甲\n二、乙\n四、丙\n五、丁\n", [("NU001", 3, 1, 3, "四、")]),
    ("一、甲\n三、乙\n三、丙\n四、丁\n", [("NU001", 2, 1, 3, "三、")]),
    ("一、甲\n一、乙\n三、丙\n", [("NU001", 2, 1, 3, "一、")]),
    ("一、总体\n（一）甲\n（二）乙\n（二）丙\n", [("NU001", 4, 1, 4, "（二）")]),
    ("一、总体\n1.甲\n2.乙\n2.丙\n3.丁\n", [("NU001", 4, 1, 3, "2."), ("NU001", 5, 1, 3, "3.")]),
    ("一、总体\n①甲\n②乙\n④丁\n", [("NU001", 4, 1, 2, "④")]),
    ("第一章 总则\n一、甲\n二、乙\n第二章 分则\n一、丙\n三、丁\n", [("NU001", 6, 1, 3, "三、")]),
    ("## 一、总体情况\n## 二、成效\n## 四、问题\n", [("NU001", 3, 4, 6, "四、")]),
    ("**一、总体情况**\n**二、成效**\n**二、问题**\n", [("NU001", 3, 3, 5, "二、")]),
    ("　　一、总体\n　　二、成效\n　　二、问题\n", [("NU001", 3, 3, 5, "二、")]),
    ("1 总体要求\n1.1 指导思想\n1.2 目标\n2 主要任务\n2.1 任务一\n2.3 任务三\n", [("NU001", 6, 1, 4, "2.3")]),
    ("一、总体\n1.1指导思想\n1.2目标\n1.2任务\n", [("NU001", 4, 1, 4, "1.2")]),
])
def test_sequence_breaks(text, expected):
    assert nu(text) == expected


def test_skip_message_names_the_missing_number_and_repeat_message_the_repeat():
    skip = lint("一、甲\n二、乙\n四、丙\n", select=["NU001"])[0]
    assert skip.message["zh"] == "编号跳过了“三、”：“二、”之后是“四、”" and skip.suggestion == "三、"
    repeat = lint("一、甲\n二、乙\n二、丙\n", select=["NU001"])[0]
    assert "重复" in repeat.message["zh"] and "repeats" in repeat.message["en"] and repeat.suggestion == "三、"


@pytest.mark.parametrize("text", [
    "一、甲\n二、乙\n三、丙\n",
    "二、乙\n三、丙\n四、丁\n",  # an excerpt may start anywhere at the top level
    "一、总体\n主要成效：\n1.甲\n2.乙\n存在问题：\n1.丙\n2.丁\n",  # a second list restarts at 1
    "目录\n一、总体……1\n二、成效……3\n一、总体\n二、成效\n",
    "一、总体\n（一）甲\n（二）乙\n二、打算\n（一）丙\n",
    "一、总体\n1.甲\n（1）子项\n（2）子项\n2.乙\n（1）子项\n",
    "1.5 万吨\n1.8 万吨\n",
    "一、总体\n1.1亿元用于建设\n1.3亿元用于运维\n1.5倍于去年\n",
    "3.15 消费者权益日\n6.5 世界环境日\n",
])
def test_sound_sequences_are_silent(text):
    assert nu(text) == []


def test_a_list_continued_inside_a_line_goes_on_from_its_last_item():
    assert nu("一、总体\n（1）加强监管；（2）优化服务。\n（3）强化宣传。\n") == []
    assert nu("一、总体\n1.加强监管，增长2.5%；2.优化服务。\n3.强化宣传。\n") == []
    assert suggestions("一、总体\n1.加强监管，增长2.5%；3.优化服务。\n3.强化宣传。\n") == [("NU001", 3, "3.", "2.")]
    assert suggestions("一、总体\n（1）加强监管；（2）优化服务。\n（4）强化宣传。\n") == [("NU001", 3, "（4）", "（3）")]


@pytest.mark.parametrize("text, expected", [
    ("一、总体\n二、三产业融合发展\n三、打算\n", []),  # the headings around vouch for 二、
    ("一、总体\n二、三季度经济平稳\n四、打算\n", [("NU001", 3, "四、", "二、")]),
    ("1、总体\n2、3号机组运行\n3、打算\n", []),
])
def test_a_heading_that_begins_with_the_next_number(text, expected):
    assert suggestions(text) == expected


def test_unsafe_fix_renumbers_the_level_in_its_own_form():
    text = "一、甲\n二、乙\n三、丙\n四、丁\n四、戊\n五、己\n"
    diags = lint(text, select=["NU001"])
    assert {d.fix.applicability for d in diags} == {"unsafe"}
    assert apply_fixes(text) == "一、甲\n二、乙\n三、丙\n四、丁\n五、戊\n六、己\n"
    assert apply_fixes(text, unsafe=False) == text


def test_unsafe_fix_after_a_skip_closes_the_gap():
    text = "一、总体\n(一)甲\n(二)乙\n(四)丙\n(五)丁\n"
    assert apply_fixes(text, select=["NU001"]) == "一、总体\n(一)甲\n(二)乙\n(三)丙\n(四)丁\n"


@pytest.mark.parametrize("values, before, expected", [
    ([1, 2, 3, 4, 4, 5], 0, [(4, 5, "repeat"), (5, 6, "repeat")]),
    ([1, 2, 4, 5], 0, [(2, 3, "skip")]),
    ([1, 3, 3, 4], 0, [(1, 2, "wrong")]),
    ([1, 2, 2, 4, 5], 0, [(2, 3, "repeat")]),
    ([3, 4], 0, [(0, 1, "skip")]),
    ([1, 2, 3], 0, []),
    ([5, 6], 4, []),
])
def test_diagnose_finds_the_fewest_edits(values, before, expected):
    assert diagnose(values, before) == expected


# -- NU002 restart -------------------------------------------------------------

def test_child_level_that_does_not_restart():
    text = "标题\n一、总体\n正文。\n二、成效\n（一）甲\n（二）乙\n三、打算\n（三）丙\n（四）丁\n"
    diags = lint(text, select=["NU"])
    assert found(diags, text) == [("NU002", 8, 1, 4, "（三）")]
    assert diags[0].suggestion == "（一）" and "没有重新开始" in diags[0].message["zh"]
    assert apply_fixes(text) == text.replace("（三）丙\n（四）丁", "（一）丙\n（二）丁")


def test_child_level_that_starts_at_the_wrong_number():
    assert suggestions("一、总体\n（一）甲\n（二）乙\n二、成效\n（二）丙\n") == [("NU002", 5, "（二）", "（一）")]


def test_numbering_continued_across_parents_throughout_is_a_style():
    text = "一、总体\n1.甲\n2.乙\n二、成效\n3.丙\n4.丁\n三、打算\n5.戊\n"
    assert nu(text) == []


# -- NU003 mixed forms ---------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("一、总体\n1.甲\n2、乙\n3.丙\n4.丁\n", [("NU003", 3, "2、", "2.")]),
    ("一、总体\n1.甲\n2．乙\n3.丙\n", [("NU003", 3, "2．", "2.")]),
    ("一、总体\n1、甲\n2、乙\n3.丙\n", [("NU003", 4, "3.", "3、")]),  # the document's own majority
    ("一、总体\n二.成效\n三、打算\n", [("NU003", 2, "二.", "二、")]),
    ("一、总体\n(一)甲\n（二）乙\n（三）丙\n", [("NU003", 2, "(一)", "（一）")]),
    ("一、总体\n（一）甲\n(二)乙\n(三)丙\n", [("NU003", 3, "(二)", "（二）"), ("NU003", 4, "(三)", "（三）")]),
    ("一、总体\n1.甲\n（1）子\n(2)子\n（3）子\n", [("NU003", 4, "(2)", "（2）")]),
])
def test_odd_form_in_a_level(text, expected):
    assert suggestions(text) == expected


def test_two_forms_that_keep_to_two_levels_are_not_a_mix():
    assert suggestions("一、总体\n1、甲\n2、乙\n二、成效\n（一）丙\n1.子\n2.子\n") == []
    text = "一、总体\n1、甲\n2、乙\n二、成效\n（一）丙\n1.子\n2.子\n（二）丁\n1.子\n2 子\n"
    assert suggestions(text) == [("NU004", 10, "2", "2.")]  # the form of its own level


def test_bracket_fix_replaces_only_the_brackets():
    text = "一、总体\n(一)甲\n（二）乙\n（三）丙\n"
    assert apply_fixes(text) == "一、总体\n（一）甲\n（二）乙\n（三）丙\n"
    assert [d.fix.applicability for d in lint(text, select=["NU003"])] == ["safe"]


def test_uniform_non_standard_style_is_one_note_at_most():
    uniform = "一、总体\n1、甲\n2、乙\n3、丙\n二、打算\n1、甲\n2、乙\n"
    assert nu(uniform) == []
    half = "一、总体\n(一)甲\n(二)乙\n二、打算\n(一)丙\n(二)丁\n（1）子\n（2）子\n"
    assert nu(half) == [("NU005", 2, 1, 4, "(一)")]
    assert apply_fixes(half) == half.replace("(", "（").replace(")", "）")
    cn_dot = "一.总体\n二.成效\n三.打算\n"
    assert suggestions(cn_dot) == [("NU005", 1, "一.", "一、")]
    assert apply_fixes(cn_dot) == "一、总体\n二、成效\n三、打算\n"


# -- NU004 separators ----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("一、总体\n1. 甲\n2. 乙\n3 丙\n4. 丁\n", [("NU004", 4, "3", "3.")]),
    ("一、总体\n1.甲\n2.乙\n3丙项工作\n4.丁\n", [("NU004", 4, "3", "3.")]),
    ("一、甲\n二、乙\n三、丙\n四以打造一流营商环境为目标\n五、丁\n", [("NU004", 4, "四", "四、")]),
    ("一、总体\n（一）、甲\n（二）乙\n", [("NU004", 2, "（一）、", "（一）")]),
    ("一、总体\n（1）．甲\n（2）乙\n", [("NU004", 2, "（1）．", "（1）")]),
    ("一、总体\n（一)甲\n（二）乙\n", [("NU004", 2, "（一)", "（一）")]),
])
def test_separator_problems(text, expected):
    assert suggestions(text) == expected


def test_missing_dot_fix_follows_the_siblings_spacing():
    assert apply_fixes("一、总体\n1.甲\n2.乙\n3 丙\n") == "一、总体\n1.甲\n2.乙\n3.丙\n"
    assert apply_fixes("一、总体\n1. 甲\n2. 乙\n3 丙\n") == "一、总体\n1. 甲\n2. 乙\n3. 丙\n"
    assert apply_fixes("一、总体\n（一）、甲\n（二）乙\n") == "一、总体\n（一）甲\n（二）乙\n"


@pytest.mark.parametrize("text", [
    "一、总体\n1.甲\n2023年完成投资。\n2.乙\n",
    "一、总体\n1.甲\n2.乙\n3个项目全部开工。\n",
    "一、总体\n1.甲\n2.乙\n3项工作全部完成。\n",
    "一、甲\n二、乙\n三是加强监管。\n三、丁\n",
    "一、甲\n二、乙\n三大攻坚战成效明显。\n",
    "一带一路建设稳步推进。\n",
    "十九届六中全会精神深入人心。\n",
    "一、甲\n5G基站建设加快推进。\n",
    "一、甲\n1 张三 85分\n2 李四 90分\n",
    "一、总体\n1.甲\n2.乙\n3 处隐患已整改。\n",
    "一、总体\n1.甲\n2.乙\n3 月份完成验收。\n",
])
def test_lines_that_merely_begin_with_a_number_are_silent(text):
    assert nu(text) == []


# -- an item number glued to digits: 1.2023年…, 2.12366热线… ------------------------

@pytest.mark.parametrize("text", [
    # item 2 of the list, whose text begins with a hotline number
    "三、优化纳税服务\n1.“非接触式”办税不断拓展。\n2.12366纳税缴费服务热线接听来电7.6万通，接通率为98.2%。\n"
    "3.推行“首违不罚”清单制度。\n4.开通“税企直连”专线。\n四、依法治税\n",
    # item 1, whose text begins with a year: opens the list under its heading
    "五、防灾减灾和动物防疫\n1.2023年6—7月梅雨期间，逐一检查排涝泵站132座。\n2.完成春秋两季重大动物疫病集中免疫。\n"
    "3.推广农业保险，全县参保面积140.2万亩。\n六、存在的问题\n",
    "二、基础设施\n1.新建道路12公里。\n2.改造管网8公里。\n3.5G基站建设加快推进，新建基站126个。\n4.新建充电桩300个。\n",
    "二、便民服务\n1.优化窗口设置。\n2.12345热线办结率99.2%。\n3.推行“一窗通办”。\n",
    # the last item, closed by the next heading
    "（一）安全生产\n1.签订责任书1268份。\n2.整改隐患571项。\n3.3×350MW机组完成A级检修。\n（二）生产运营\n",
    # the text opens with a decimal, under a heading or after a list it does not continue
    "三、资金保障\n2.5亿元专项资金已全部拨付到位。\n四、下步打算\n",
    "三、资金保障\n1.争取上级资金。\n2.统筹本级资金。\n2.5亿元专项资金已全部拨付到位。\n3.规范资金使用。\n",
    "三、资金保障\n1、争取上级资金。\n2.5亿元专项资金已全部拨付到位。\n3、规范资金使用。\n",  # no mixed form
    "1.2023年全县完成投资86亿元。\n2.新开工项目42个。\n3.竣工项目31个。\n",
])
def test_an_item_number_glued_to_digits_is_read_by_its_siblings(text):
    assert nu(text) == []


@pytest.mark.parametrize("text", [
    "三、优化服务\n1.优化窗口设置。\n2.12366热线接听来电7.6万通。\n4.开通专线。\n",  # 2 or 2.12366: 3 may be missing
    "五、防灾减灾\n1.2023年6—7月梅雨期间检查泵站。\n3.推广农业保险。\n",  # 1 or 1.2023: not "starts at 3"
    "三、优化服务\n1.2023年完成改造。\n2.12366热线接通率98.2%。\n3.推行清单制度。\n",  # two glued items in a row
])
def test_an_unsure_glued_line_is_no_reason_to_report_a_gap(text):
    assert nu(text) == []


def test_a_glued_item_counts_but_is_never_reported_or_renumbered():
    text = "二、便民服务\n1.优化窗口设置。\n2.12345热线办结率99.2%。\n3.推行一窗通办。\n3.深化帮办代办。\n"
    assert nu(text) == [("NU001", 5, 1, 3, "3.")]
    assert [d.suggestion for d in lint(text, select=["NU"])] == ["4."]
    assert apply_fixes(text) == text  # the renumbering would rest on a guess


def test_a_doubtful_glued_line_never_causes_a_renumbering_fix():
    text = "三、资金保障\n1.争取上级资金。\n1.统筹本级资金。\n3.2023年完成投资5亿元。\n4.规范资金使用。\n"
    assert suggestions(text) == [("NU001", 3, "1.", "2.")]
    assert apply_fixes(text) == text


@pytest.mark.parametrize("text, expected", [
    ("第一章 总则\n1.1指导思想\n1.2基本原则\n1.4工作目标\n", [("NU001", 4, 1, 4, "1.4")]),
    ("第一章 总则\n1.1指导思想\n1.2基本原则\n1.3工作目标\n", []),
])
def test_decimal_headings_stay_decimal_headings(text, expected):
    assert nu(text) == expected


@pytest.mark.parametrize("line", ["1." + "2" * 10000 + "年", "1.2" * 3333 + "年", "2．" + "5" * 10000 + "亿元"])
def test_long_glued_lines(line):
    assert nu(f"一、总体\n{line}\n二、打算\n") == []
    assert nu(f"一、总体\n1.甲\n{line.replace('1.', '2.', 1)}\n3.乙\n4.丙\n") == []


# -- NU006 level order ---------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("标题\n（一）总体情况\n正文。\n一、主要工作\n（一）甲\n（二）乙\n二、打算\n", [("NU006", 2, 1, 4, "（一）")]),
    ("标题\n1.总体情况\n一、主要工作\n（一）甲\n二、打算\n", [("NU006", 2, 1, 3, "1.")]),
])
def test_levels_out_of_order(text, expected):
    assert nu(text) == expected


@pytest.mark.parametrize("text", [
    "标题\n（一）总体情况\n（二）主要工作\n1.甲\n2.乙\n（三）打算\n",  # uniformly bracketed top level
    "说明如下：\n（1）甲\n（2）乙\n一、总体\n（一）丙\n",  # a preamble list
    "第一部分 总结\n（一）甲\n（二）乙\n第二部分 计划\n一、丙\n二、丁\n",  # each part has its own top level
])
def test_sound_level_orders_are_silent(text):
    assert nu(text) == []


# -- NU007 inline enumerations ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("一是加强监管。二是优化服务。四是强化宣传。\n", [("NU007", 1, 15, 17, "四是", "三是")]),
    ("一是加强监管；一是优化服务。\n", [("NU007", 1, 8, 10, "一是", "二是")]),
    ("首先，加强监管；二是优化服务；三是强化宣传。\n", [("NU007", 1, 1, 3, "首先", "一是")]),
    ("第一，加强监管。第三，优化服务。\n", [("NU007", 1, 9, 11, "第三", "第二")]),
    ("（一）大气污染防治。一是加强监测。二是强化执法。\n三是深化治理。五是加强宣传。\n", [("NU007", 2, 8, 10, "五是", "四是")]),
])
def test_inline_enumeration_breaks(text, expected):
    assert [f + (d.suggestion,) for f, d in zip(nu(text), lint(text, select=["NU"]))] == expected


@pytest.mark.parametrize("text", [
    "一是加强监管。二是优化服务。三是强化宣传。\n",
    "一是加强监管，二是优化服务。\n三是强化宣传。\n",
    "坚持一是一、二是二，不搞变通。\n",
    "统一是基本要求，第一时间处置，全省第一，安全第一，预防为主。\n",
    "（一）大气：一是加强监测；二是强化执法。（二）水：一是深化治理；二是加强宣传。\n",
    "主要做好五个方面工作：一是加强监管；二是优化服务；三是强化宣传；四是加强队伍建设。\n",  # the count family's
    "二是优化服务。三是强化宣传。\n",  # the first item may be on an earlier page
    "首先，要提高认识；其次，要加强领导；最后，要狠抓落实。\n",
])
def test_sound_inline_enumerations_are_silent(text):
    assert nu(text) == []


def test_inline_renumbering_fix():
    text = "一是加强监管。二是优化服务。二是强化宣传。三是加强队伍建设。\n"
    assert apply_fixes(text) == "一是加强监管。二是优化服务。三是强化宣传。四是加强队伍建设。\n"


# -- look-alikes and robustness ------------------------------------------------

LOOK_ALIKES = [
    "1.5亿元用于农村公路建设。",
    "2023.10月召开推进会。",
    "3.8%的增长率高于全省平均水平。",
    "1、2月份完成投资12亿元。",
    "一、二季度经济运行平稳。",
    "二、三产业融合发展。",
    "1、2、3号机组运行正常。",
    "（1）加强监管；（2）优化服务；（3）强化宣传。",
    "2023年全县地区生产总值增长6.3%。",
    "“一、总体情况”一节写得过简。",
    "《关于印发（一）类项目清单的通知》已下发。",
    "X线检查、PM2.5监测、Ⅲ类水质、5G基站、3D打印、TOP10企业全部达标。",
    "天天学、层层抓、时时讲，12:30前完成，详见https://example.com/1.2/",
    "10.5万元、1.2万吨、12.3公里。",
    "（2）班学生在竞赛中获奖。",
    "2.3万户农户受益，3 年来累计投入资金1.2亿元。",
    "1+N政策体系、12345热线、6·5环境日、十四五规划、①号楼。",
    "（二〇二三年十二月）",
]


@pytest.mark.parametrize("line", LOOK_ALIKES)
def test_look_alikes_are_silent(line):
    text = f"一、总体情况\n{line}\n二、主要工作\n{line}\n三、下步打算\n"
    assert nu(text) == []


def test_clean_draft_has_no_findings():
    text = (
        "清河镇2023年度工作总结\n2023年，全镇经济社会保持健康稳定发展。\n一、经济发展稳中向好\n"
        "（一）主要指标\n1.地区生产总值48.6亿元，增长6.3%。\n2.固定资产投资21.5亿元。\n"
        "（二）项目建设\n一是加快在建项目；二是谋划储备项目；三是优化营商环境。\n"
        "二、社会事业全面进步\n（一）教育卫生\n（1）新建幼儿园2所；（2）改造村卫生室8个。\n"
        "（二）民生保障\n发放救助资金1260万元。\n三、2024年工作思路\n（一）抓好项目建设\n（二）抓好乡村振兴\n"
    )
    assert nu(text) == []


LONG_LINES = {"X": "X" * 10000, "dunhao": "、" * 10000, "bracket": "（" * 10000, "digits": "1" * 10000,
              "cn": "一" * 10000, "yishi": "一是" * 5000, "dots": "1." * 5000, "markers": "（一）" * 3000,
              "dotted": "1.1" * 3000 + " 甲", "diyi": "第一" * 5000, "space": "1" + " " * 10000 + "甲"}


@pytest.mark.parametrize("line", LONG_LINES.values(), ids=LONG_LINES.keys())
def test_long_lines_of_one_mark(line):
    assert nu(f"一、总体\n{line}\n二、打算\n") == []


def test_many_candidates_after_a_long_list():
    text = "一、总体\n1.甲\n" + "".join(f"（{i % 50 + 1}）子项\n" for i in range(3000)) + "2 乙\n" * 3000
    assert nu(text) == []  # 2 乙 is too far from 1. to be vouched for


def test_markdown_ordered_lists_are_numbered_by_the_renderer():
    text = "# 一、总体\n1. 甲\n1. 乙\n1. 丙\n"
    assert found(lint(text, select=["NU"], path="report.md")) == []
    assert found(lint(text, select=["NU"], path="report.txt")) == [("NU001", 3, 1, 3)]


@pytest.mark.parametrize("rule", [Sequence, Restart, MixedForm, Separator, UniformStyle, LevelOrder, InlineEnumeration])
def test_explain_shows_bad_and_good(rule):
    doc = rule.explain()
    assert "Bad:" in doc and "Good:" in doc and rule.code.startswith("NU") and rule.family == "numbering"


def test_sequence_explain_shows_the_standard_hierarchy():
    assert "GB/T 9704" in Sequence.explain() and "一、 → （一） → 1. → （1）" in Sequence.explain()


def test_messages_exist_in_both_languages():
    text = seed("002") + "\n" + "一是甲。三是乙。\n"
    for d in lint(text, select=["NU"]):
        assert d.message["zh"] and d.message["en"]
