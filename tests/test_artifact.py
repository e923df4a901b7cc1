"""The artifact family: watermarks, web markup, mojibake, invisible characters, trailing spaces.

Every test asserts an exact finding (code, line, column, end column, covered text)
or its exact absence. Silent cases are real-looking report lines.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from doclint.document import Document
from doclint.fixes import apply_fixes
from doclint.testing import found, lint

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def ar(text: str, select=("AR",), **kwargs):
    return found(lint(text, select=list(select), **kwargs), text)


def seed_line(name: str, number: int) -> str:
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return path.read_text(encoding="utf-8").split("\n")[number - 1]


# ---------------------------------------------------------------------------
# The seed cases
# ---------------------------------------------------------------------------


def test_seed_001_watermark_at_the_end_of_the_last_line():
    line = seed_line("001", 32)
    column = line.index("( wWw") + 1
    assert ar(line) == [("AR003", 1, column, len(line) + 1, "( wWw.850500.cOm 转载请注明 )")]


def test_seed_001_lost_character():
    line = seed_line("001", 6)
    column = line.index("党史?天天学") + 3
    assert ar(line) == [("AR006", 1, column, column + 1, "?")]


def test_seed_002_paid_markers():
    text = "\n".join(seed_line("002", n) for n in (6, 24))
    begin = text.index("##paidbegin##") + 1
    assert ar(text) == [("AR004", 1, begin, begin + 13, "##paidbegin##"), ("AR004", 2, 1, 12, "##paidend##")]


def test_seed_003_trailing_ideographic_space_and_leading_no_break_spaces():
    text = "\n".join(seed_line("003", n) for n in (1, 2))
    line2 = text.split("\n")[1]
    assert ar(text) == [
        ("AR002", 1, 1, 3, "\u00a0\u00a0"),
        ("AR001", 2, len(line2), len(line2) + 1, "\u3000"),
    ]


def test_seed_000_trailing_space_after_heading():
    line = seed_line("000", 2)
    assert ar(line) == [("AR001", 1, len(line), len(line) + 1, " ")]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seeds_have_no_mojibake_or_markup_beyond_the_known_cases(path):
    text = path.read_text(encoding="utf-8")
    codes = sorted({c for c, *_ in ar(text, select=["AR003", "AR004", "AR005", "AR006"])})
    expected = {"001": ["AR003", "AR006"], "002": ["AR004"]}.get(path.name[:3], [])
    assert codes == expected


# ---------------------------------------------------------------------------
# AR001 trailing whitespace
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("二、履行职责情况 ", [("AR001", 1, 9, 10, " ")]),
        ("二、履行职责情况\u3000\u3000", [("AR001", 1, 9, 11, "\u3000\u3000")]),
        ("一、工作成效\t \n正文", [("AR001", 1, 7, 9, "\t ")]),
        ("正文\n   \n正文", [("AR001", 2, 1, 4, "   ")]),
        ("标题\u00a0", [("AR001", 1, 3, 4, "\u00a0")]),
    ],
)
def test_trailing_whitespace(text, expected):
    assert ar(text, select=["AR001"]) == expected


@pytest.mark.parametrize(
    "text",
    [
        "\u3000\u30002023年，我局坚持稳中求进工作总基调。",  # leading indentation is fine
        "姓\u3000\u3000名：张三",  # spaces inside a line are not this rule's business
        "一、工作成效\n\n二、存在问题",
        "",
    ],
)
def test_trailing_whitespace_silent(text):
    assert ar(text, select=["AR001"]) == []


def test_markdown_hard_break_is_kept():
    text = "第一行  \n第二行   \n  \n"
    doc = Document.from_text(text, format="markdown")
    assert found(lint(text, select=["AR001"], document=doc), text) == [
        ("AR001", 2, 4, 7, "   "),
        ("AR001", 3, 1, 3, "  "),
    ]
    # The same text as plain text: two spaces are just trailing spaces.
    assert ar(text, select=["AR001"])[0] == ("AR001", 1, 4, 6, "  ")


def test_trailing_space_in_an_ignored_code_block_is_left_alone():
    text = "正文\n代码 \n正文 "
    doc = Document.from_text(text, format="markdown")
    doc.ignored = [(3, 6)]
    assert found(lint(text, select=["AR001"], document=doc), text) == [("AR001", 3, 3, 4, " ")]


# ---------------------------------------------------------------------------
# AR002 invisible characters
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected, fixed",
    [
        ("开展排\u200b查整治", [("AR002", 1, 4, 5, "\u200b")], "开展排查整治"),
        ("污染\u200c\u200d防治", [("AR002", 1, 3, 5, "\u200c\u200d")], "污染防治"),
        ("生态\u00ad环境", [("AR002", 1, 3, 4, "\u00ad")], "生态环境"),
        ("第一段\ufeff第二段", [("AR002", 1, 4, 5, "\ufeff")], "第一段第二段"),
        ("Windows\u00a010系统", [("AR002", 1, 8, 9, "\u00a0")], "Windows 10系统"),
        ("数据\x08上报", [("AR002", 1, 3, 4, "\x08")], "数据上报"),
        ("换页\x0c之后", [("AR002", 1, 3, 4, "\x0c")], "换页之后"),
        ("标题 \u200b\n正文", [("AR002", 1, 3, 5, " \u200b")], "标题\n正文"),
        ("\u00a0\u00a0正文开始", [("AR002", 1, 1, 3, "\u00a0\u00a0")], "  正文开始"),
    ],
)
def test_invisible_characters(text, expected, fixed):
    diags = lint(text, select=["AR002"])
    assert found(diags, text) == expected
    assert apply_fixes(text, diags) == (fixed, 1)


def test_invisible_character_message_names_the_character():
    (d,) = lint("排\u200b查", select=["AR002"])
    assert d.message["zh"] == "不可见字符：零宽空格（U+200B）"
    assert d.message["en"] == "invisible character: zero-width space (U+200B)"


@pytest.mark.parametrize(
    "text",
    [
        "家庭\U0001f468\u200d\U0001f469\u200d\U0001f467",  # a joiner inside an emoji sequence
        "姓\u3000名：张三\t电话：12345",  # ideographic space and tab inside a line
        "\ufeff正文",  # a leading byte-order mark is the file's, not the text's
    ],
)
def test_invisible_silent(text):
    assert ar(text, select=["AR002"]) == []


def test_trailing_no_break_space_is_reported_once():
    assert ar("标题\u00a0\u00a0") == [("AR001", 1, 3, 5, "\u00a0\u00a0")]


# ---------------------------------------------------------------------------
# AR003 watermarks and site chrome
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("及时整改。( wWw.850500.cOm 转载请注明 )", [(6, 30, "( wWw.850500.cOm 转载请注明 )")]),
        ("及时整改。（www.51test.NET 转载请注明出处）", [(6, 30, "（www.51test.NET 转载请注明出处）")]),
        ("及时整改。【WwW.abc123.com】", [(6, 22, "【WwW.abc123.com】")]),
        ("全面完成。WWW.ABCD.cOM", [(6, 18, "WWW.ABCD.cOM")]),
        ("全面完成。www.xyz88.CoM 转载请注明", [(6, 25, "www.xyz88.CoM 转载请注明")]),
        ("（本文来源于网络）", [(1, 10, "（本文来源于网络）")]),
        ("本文来源于网络，如有侵权请联系删除。", [(1, 19, "本文来源于网络，如有侵权请联系删除。")]),
        ("文章转载自某某日报，转载请注明出处！", [(1, 19, "文章转载自某某日报，转载请注明出处！")]),
        ("做好工作。转载请注明出处", [(6, 13, "转载请注明出处")]),
        ("做好工作。更多精彩内容请访问www.xxx.com", [(6, 26, "更多精彩内容请访问www.xxx.com")]),
        ("好经验好做法。点击查看全文>>", [(8, 16, "点击查看全文>>")]),
        ("好经验好做法。展开全文", [(8, 12, "展开全文")]),
        ("第1页 共3页", [(1, 8, "第1页 共3页")]),
        ("共 5 页，第 2 页", [(1, 12, "共 5 页，第 2 页")]),
        ("首页 上一页 1 2 3 下一页 尾页", [(1, 20, "首页 上一页 1 2 3 下一页 尾页")]),
        ("来源：市生态环境局 发布时间：2021-03-01 浏览次数：123", [(1, 35, "来源：市生态环境局 发布时间：2021-03-01 浏览次数：123")]),
        ("Powered by Discuz! X3.4", [(1, 24, "Powered by Discuz! X3.4")]),
        ("Copyright © 2008-2023 某某网 版权所有", [(1, 31, "Copyright © 2008-2023 某某网 版权所有")]),
        ("京ICP备12345678号-1", [(1, 17, "京ICP备12345678号-1")]),
        ("【打印本页】【关闭窗口】", [(1, 7, "【打印本页】"), (7, 13, "【关闭窗口】")]),
        ("责任编辑：张三", [(1, 8, "责任编辑：张三")]),
        ("更多精彩内容，请访问www.xxx.com", [(1, 22, "更多精彩内容，请访问www.xxx.com")]),
        ("本文由某某网整理发布。", [(1, 12, "本文由某某网整理发布。")]),
        ("第1/3页", [(1, 6, "第1/3页")]),
        ("来源：人民网 时间：2021-01-01 阅读量：3000", [(1, 30, "来源：人民网 时间：2021-01-01 阅读量：3000")]),
        ("【字体：大 中 小】", [(1, 11, "【字体：大 中 小】")]),
        ("（中国环保网 转载请注明）", [(1, 14, "（中国环保网 转载请注明）")]),
        ("（文章来源：某某新闻网）", [(1, 13, "（文章来源：某某新闻网）")]),
        ("（原标题：我县召开环保工作会议）", [(1, 17, "（原标题：我县召开环保工作会议）")]),
        ("上一篇：关于开展环境整治的通知", [(1, 16, "上一篇：关于开展环境整治的通知")]),
        ("相关阅读：", [(1, 6, "相关阅读：")]),
        ("全文完。【阅读原文】", [(5, 11, "【阅读原文】")]),
    ],
)
def test_watermarks(text, expected):
    assert ar(text, select=["AR003"]) == [("AR003", 1, s, e, t) for s, e, t in expected]


@pytest.mark.parametrize(
    "text",
    [
        "详见生态环境部网站http://www.mee.gov.cn/xxgk2018/，联系邮箱hbj@163.com。",
        "（数据来源：国家统计局网站www.stats.gov.cn）",
        "（数据来源：县统计局）",
        "学习强国（www.xuexi.cn）平台累计学习积分1.2万分。",
        "（详见www.mee.gov.cn）",
        "相关文件已在门户网站公开（下载地址：www.xx.gov.cn）。",
        "www.ChinaDaily.com.cn报道了我县的做法。",
        "组织干部认真阅读全文，深刻领会精神实质。",
        "网站点击率达到10万次，点击量同比增长12%。",
        "对如有侵权假冒行为的经营者依法查处。",
        "编制《工作手册》共3页，印发各单位。",
        "PM2.5浓度为35μg/m³，同比下降3.5%。",
        "附件：2023年工作总结.docx、统计表.xlsx",
        "（一）加强组织领导（责任单位：县环保局）",
        "更多群众享受到改革红利。",
        "在门户网站首页开设专栏。",
        "采用Python 3.11和Excel完成数据汇总，e.g. 表3。",
        "为更多群众服务，请各单位高度重视。",
        "本文由办公室起草，经局党组会议审议通过。",
        "更多企业受益，欢迎各方参与。",
        "（来源：县统计局，作者：张三）",
        "将门户网站加入收藏夹，设为首页的单位达到12个。",
        "（责任单位：县市场监管局；完成时间：2024年6月底）",
        "取缔“散乱污”企业12家，其中某某砖厂（关闭）、某某石料厂（打印）。",
        "组织干部阅读原文、读懂原理，推荐阅读书目30种。",
        "下一步，我们将在上一年度基础上继续推进。",
    ],
)
def test_watermark_silent(text):
    assert ar(text, select=["AR003"]) == []


def test_watermark_fix_is_safe_and_takes_the_space_before_it():
    text = "及时整改。 ( wWw.850500.cOm 转载请注明 )\n下一段"
    (d,) = lint(text, select=["AR003"])
    assert (d.start, d.end) == (5, 30)
    assert d.fix.is_safe
    assert apply_fixes(text, [d]) == ("及时整改。\n下一段", 1)


def test_notice_fix_is_unsafe():
    text = "做好工作。本文来源于网络。"
    (d,) = lint(text, select=["AR003"])
    assert not d.fix.is_safe
    assert apply_fixes(text, [d]) == (text, 0)
    assert apply_fixes(text, [d], unsafe=True) == ("做好工作。", 1)


# ---------------------------------------------------------------------------
# AR004 web markup
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected, fixed",
    [
        ("好##paidbegin##经验", [(2, 15, "##paidbegin##")], "好经验"),
        ("做法。 ##paidend##", [(4, 16, " ##paidend##")], "做法。"),
        ("针对&nbsp;工作", [(3, 9, "&nbsp;")], "针对 工作"),
        ("开展&ldquo;双随机&rdquo;检查", [(3, 10, "&ldquo;"), (13, 20, "&rdquo;")], "开展“双随机”检查"),
        ("合计&#12290;", [(3, 11, "&#12290;")], "合计。"),
        ("标题&nbsp;&nbsp;", [(3, 9, "&nbsp;"), (9, 15, "&nbsp;")], "标题"),
    ],
)
def test_markup_with_safe_fix(text, expected, fixed):
    diags = lint(text, select=["AR004"])
    assert found(diags, text) == [("AR004", 1, s, e, t) for s, e, t in expected]
    assert apply_fixes(text, diags)[0] == fixed


@pytest.mark.parametrize(
    "text, covered",
    [
        ("第一段<br/>第二段", "<br/>"),
        ("<p>正文</p>", "<p>"),
        ('文字<font color="red">红色</font>', '<font color="red">'),
        ("<span style='x'>文字", "<span style='x'>"),
    ],
)
def test_html_tags_have_an_unsafe_fix(text, covered):
    diags = lint(text, select=["AR004"])
    assert found(diags, text)[0][4] == covered
    assert not diags[0].fix.is_safe


@pytest.mark.parametrize(
    "text",
    [
        "当x<i时，y>0；a<b且c>d。",
        "AT&T和P&G；R&D投入增长12%。",
        "## 一、工作成效",
        "<5%的超标率，>90%的达标率",
        "《关于加强生态环境保护的意见》",
    ],
)
def test_markup_silent(text):
    assert ar(text, select=["AR004"]) == []


def test_markdown_allows_html():
    text = "第一段<br>第二段&nbsp;##paidend##"
    doc = Document.from_text(text, format="markdown")
    assert found(lint(text, select=["AR004"], document=doc), text) == [("AR004", 1, 17, 28, "##paidend##")]


# ---------------------------------------------------------------------------
# AR005 mojibake, AR006 lost character
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected, suggestion",
    [
        ("乱码锟斤拷锟斤拷出现", (3, 9, "锟斤拷锟斤拷"), None),
        ("这里\ufffd\ufffd丢了", (3, 5, "\ufffd\ufffd"), None),
        ("文件ï¿½ï¿½名称", (3, 9, "ï¿½ï¿½"), None),
        ("按照æ–‡ä»¶要求", (3, 9, "æ–‡ä»¶"), "文件"),
        ("标题：ÖÐ¹ú环境", (4, 8, "ÖÐ¹ú"), "中国"),
        ("按照鏂囦欢瑕佹眰，做好工作", (3, 9, "鏂囦欢瑕佹眰"), "文件要求"),
        ("深入开展鍏氬彶瀛︿範鏁欒偛活动", (5, 14, "鍏氬彶瀛︿範鏁欒偛"), "党史学习教育"),
    ],
)
def test_mojibake(text, expected, suggestion):
    diags = lint(text, select=["AR005"])
    assert found(diags, text) == [("AR005", 1, *expected)]
    assert diags[0].suggestion == suggestion
    assert diags[0].fix is None or not diags[0].fix.is_safe


def test_mojibake_after_a_lost_byte_has_no_exact_repair():
    text = "鐢熸\ufffd佺幆澧冨眬宸ヤ綔鎬荤粨"
    diags = lint(text, select=["AR005"])
    assert found(diags, text) == [("AR005", 1, 3, 4, "\ufffd"), ("AR005", 1, 4, 15, "佺幆澧冨眬宸ヤ綔鎬荤粨")]
    assert diags[1].suggestion is None
    assert "环境局工作总结" in diags[1].message["zh"]


def test_mojibake_spans_for_other_families():
    from doclint.rules.artifact import mojibake_spans

    assert mojibake_spans(Document.from_text("按照鏂囦欢瑕佹眰，锟斤拷")) == [(2, 8), (9, 12)]


@pytest.mark.parametrize(
    "text",
    [
        "王璐、李瑜、张璇、赵婧参加会议，浩瀚、璀璨、瑕疵、涓涓细流。",
        "监测二噁英、苯并[a]芘、汞、镉、铬、砷等指标。",
        "Café、naïve、Müller、Ångström，温度25℃±1℃，面积3m²。",
        "µg/m³、°C、½、×、÷、§3、«引文»",
        "æ 是一个字母，–是短横线。",
    ],
)
def test_mojibake_silent(text):
    assert ar(text, select=["AR005"]) == []


@pytest.mark.parametrize(
    "text, column, covered",
    [
        ("百年党史?天天学", 5, "?"),
        ("王?明同志", 2, "?"),
        ("落实??制度", 3, "??"),
    ],
)
def test_lost_character(text, column, covered):
    assert ar(text, select=["AR006"]) == [("AR006", 1, column, column + len(covered), covered)]


@pytest.mark.parametrize(
    "text",
    [
        "你知道吗?我们要做",
        "是否需要?请说明",
        "为什么会这样?原因有三",
        "index.php?id=3",
        "PM2.5?",
        "工作怎么样?还需加强",
        "这样做行不行?大家讨论",
        "有没有落实到位?需要核查",
        "党史？天天学",  # a full-width question mark is punctuation, not a lost character
    ],
)
def test_lost_character_silent(text):
    assert ar(text, select=["AR006"]) == []


# ---------------------------------------------------------------------------
# The whole family
# ---------------------------------------------------------------------------

CLEAN_DRAFT = """\
县生态环境局2023年工作总结
\u3000\u30002023年，我局坚持以习近平生态文明思想为指导，全年PM2.5平均浓度为32μg/m³，同比下降5.9%；优良天数比例达到88.2%。
一、主要工作成效
（一）大气污染防治。完成VOCs治理项目12个，淘汰国三及以下柴油货车356辆，X线探伤企业全部纳入监管。
（二）水污染防治。3个国控断面水质均达到Ⅲ类，TOP10重点企业在线监测联网率100%，详见http://www.mee.gov.cn/。
（三）信息化建设。依托5G网络和“学习强国”平台（www.xuexi.cn）开展学习，天天学、层层抓，人人参与。
二、存在的问题
一是部分企业环保意识不强?二是监管力量不足。
三、2024年工作打算
坚持精准治污、科学治污、依法治污，确保完成上级下达的各项目标任务。
"""


def test_clean_draft_is_silent():
    # ``不强?二是`` is a half-width question mark at a clause end: the punctuation
    # family's business, and ``?`` between two Han characters stays this family's.
    assert ar(CLEAN_DRAFT.replace("不强?二是", "不强；二是")) == []


def test_safe_fixes_change_only_what_they_report_and_converge_in_one_pass():
    text = (
        "一、工作成效 \n"
        "开展排\u200b查整治，针对&nbsp;问题，##paidbegin##好经验 \u200b\n"
        "及时整改。 ( wWw.850500.cOm 转载请注明 )\u3000\n"
        "标题&nbsp;\n"
    )
    diags = lint(text, select=["AR"])
    fixed, count = apply_fixes(text, diags)
    assert fixed == "一、工作成效\n开展排查整治，针对 问题，好经验\n及时整改。\n标题\n"
    assert count == len([d for d in diags if d.fix and d.fix.is_safe])
    # Every edit stays inside its finding's span.
    for d in diags:
        if d.fix:
            assert all(d.start <= e.start and e.end <= d.end for e in d.fix.edits)
    again = lint(fixed, select=["AR"])
    assert apply_fixes(fixed, again) == (fixed, 0)


@pytest.mark.parametrize(
    "line",
    [
        "X" * 10000,
        "、" * 10000,
        "（" * 10000,
        "(" * 10000 + "x",
        "[" * 10000,
        "1" * 10000,
        "." * 10000,
        "w." * 5000,
        "a" * 10000 + ".",
        "?" * 10000,
        "#" * 10000,
        "&" * 10000,
        "<p" * 5000,
        "ä" * 10000,
        "¿" * 10000,
        "锟" * 10000,
    ],
    ids=lambda s: repr(s[:3]),
)
def test_long_lines_of_one_character(line):
    assert ar(line) == []


@pytest.mark.parametrize(
    "line, expected",
    [
        (" " * 10000 + "x", []),
        ("x" + " " * 10000, [("AR001", 1, 2, 10002)]),
        ("\u200b" * 10000, [("AR002", 1, 1, 10001)]),
        ("党?" * 5000 + "史", [("AR006", 1, 2 * i + 2, 2 * i + 3) for i in range(5000)]),
    ],
    ids=["leading-spaces", "trailing-spaces", "zwsp", "lost"],
)
def test_long_lines_with_findings(line, expected):
    assert [f[:4] for f in ar(line)] == expected


def test_every_rule_explains_itself():
    from doclint.rules import artifact

    for rule in artifact.doclint_register_rules():
        doc = rule.explain()
        assert rule.code.startswith("AR") and rule.family == "artifact"
        assert "Bad:" in doc and "Good:" in doc, rule.code
