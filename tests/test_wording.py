"""The wording family: doubled characters, look-alikes, full-width letters,
traditional characters, one term written two ways, the user's terms table."""
from __future__ import annotations

from pathlib import Path

import pytest

from doclint.document import Document
from doclint.testing import found, lint
from doclint.rules import wording as wording_module

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# A plainly simplified context, so that the script of a short test line is not in doubt.
SIMPLIFIED = "今年以来，我们围绕年度目标任务，扎实推进各项工作，这些成绩的取得离不开区委、区政府的坚强领导。\n"


def wd(text, select=("WD",), **kwargs):
    return found(lint(text, select=list(select), **kwargs), text)


def apply_safe_fixes(text, diagnostics):
    edits = sorted((e for d in diagnostics if d.fix and d.fix.is_safe for e in d.fix.edits),
                   key=lambda e: e.start, reverse=True)
    for e in edits:
        text = text[:e.start] + e.text + text[e.end:]
    return text


# --------------------------------------------------------------------------- WD001


@pytest.mark.parametrize(
    "text, column, covered",
    [
        ("对新批新建的的企业开展检查", 6, "的的"),
        ("全年完成了了全部任务", 5, "了了"),
        ("企业和和个人均需登记", 3, "和和"),
        ("我局在在全市率先开展", 3, "在在"),
        ("这是一项与与群众利益相关的工作", 5, "与与"),
        ("新建的的的企业", 3, "的的的"),
        ("项目建设对对全区发展意义重大", 5, "对对"),
    ],
)
def test_doubled_function_word_is_found(text, column, covered):
    assert wd(text, ["WD001"]) == [("WD001", 1, column, column + len(covered), covered)]


@pytest.mark.parametrize(
    "text",
    [
        "百年党史天天学", "层层压实责任", "紧紧围绕中心工作", "人人都是生态环境的保护者", "常常深入一线",
        "大家看看这个方案", "逐项一一对照整改", "的的确确取得了实效", "达到目的的手段", "他的的确是好同志",
        "问题整改不能不了了之", "扎扎实实推进", "实实在在的成效", "为了了解实际情况", "加大了了解力度",
        "关键是是否落实到位", "我们在在线平台上办理", "家庭和和美美", "分清是是非非", "做到件件有着落，事事有回音",
        "研究研究再定", "对对象进行分类", "大家让让", "一把把钥匙", "首都都市圈", "研究所所长", "参与与会人员讨论", "现在在做的工作", "谢谢大家",
    ],
)
def test_reduplications_and_words_that_meet_stay_silent(text):
    assert wd(text, ["WD001"]) == []


def test_doubled_fix_is_safe_and_idempotent():
    text = "新批新建的的企业，完成了了任务。"
    fixed = apply_safe_fixes(text, lint(text, select=["WD001"]))
    assert fixed == "新批新建的企业，完成了任务。"
    assert lint(fixed, select=["WD001"]) == []


def test_doubled_seed_003():
    text = (SEEDS / "003_ac3882726fcd1f91.txt").read_text(encoding="utf-8")
    hits = [f for f in wd(text, ["WD001"])]
    assert hits == [("WD001", 6, 298, 300, "的的")]


def test_doubled_jieba_not_loaded_without_candidate(monkeypatch):
    from doclint import segment

    def boom(*_):  # pragma: no cover - called only on failure
        raise AssertionError("jieba used without a candidate")

    monkeypatch.setattr(segment, "cut", boom)
    assert wd("层层压实责任，天天学习，全年完成任务。", ["WD001"]) == []


# --------------------------------------------------------------------------- WD002


@pytest.mark.parametrize(
    "text, column, covered, right",
    [
        ("继续深入开展危险废物排査整治工作", 12, "査", "查"),
        ("推动経济高质量发展", 3, "経", "经"),
        ("加强部门协调与関联单位配合", 8, "関", "关"),
        ("\u2f63态环境持续改善", 1, "\u2f63", "生"),  # KANGXI RADICAL LIFE
        ("严格落实河长制\uf9b4导", 8, "\uf9b4", "领"),  # a compatibility ideograph (領)
    ],
)
def test_lookalike_is_found_with_safe_fix(text, column, covered, right):
    diags = lint(text, select=["WD002"])
    assert found(diags, text) == [("WD002", 1, column, column + 1, covered)]
    assert diags[0].suggestion == right
    assert apply_safe_fixes(text, diags) == text.replace(covered, right)


@pytest.mark.parametrize(
    "text",
    [
        "排查整治", "经济发展", "关联单位", "生态环境", "Ⅲ类水质", "PM2.5浓度", "X线检查",
        "本年度糸统",  # 糸 is a character of simplified Chinese (a radical-like 通用字)
        "検査を実施した",  # Japanese text is left alone
    ],
)
def test_lookalike_silent_cases(text):
    assert wd(text, ["WD002"]) == []


def test_lone_radical_stays_silent():
    assert wd("部首： \u2f63 ", ["WD002"]) == []


def test_japanese_table_is_outside_gb2312_and_maps_inside_it():
    for variant, simplified in wording_module.JAPANESE_VARIANTS.items():
        with pytest.raises(UnicodeEncodeError):
            variant.encode("gb2312")
        simplified.encode("gb2312")
        assert variant != simplified


def test_lookalike_seed_002():
    text = (SEEDS / "002_7f588c0acecf4ba0.txt").read_text(encoding="utf-8")
    assert wd(text, ["WD002"]) == [("WD002", 18, 20, 21, "査")]


# --------------------------------------------------------------------------- WD003


@pytest.mark.parametrize(
    "text, column, covered, right",
    [
        ("ＰＭ２．５平均浓度为35微克/立方米", 1, "ＰＭ２．５", "PM2.5"),
        ("全年完成投资１２亿元", 7, "１２", "12"),
        ("新建５Ｇ基站", 3, "５Ｇ", "5G"),
        ("开展ＶＯＣｓ治理", 3, "ＶＯＣｓ", "VOCs"),
    ],
)
def test_fullwidth_alnum_is_found(text, column, covered, right):
    diags = lint(text, select=["WD003"])
    assert found(diags, text) == [("WD003", 1, column, column + len(covered), covered)]
    assert apply_safe_fixes(text, diags) == text.replace(covered, right)


def test_fullwidth_dot_outside_a_number_is_not_taken():
    text = "完成第１项。"
    assert wd(text, ["WD003"]) == [("WD003", 1, 4, 5, "１")]


@pytest.mark.parametrize("text", ["PM2.5平均浓度", "新建5G基站", "同比增长8.3％", "Ⅲ类、Ⅳ类", "（一）工作", "TOP10企业", "XX区", "ＸＸ区", "２０ＸＸ年", "ｘｘ．ｘ%"])
def test_fullwidth_alnum_silent(text):
    assert wd(text, ["WD003"]) == []


# --------------------------------------------------------------------------- WD004


@pytest.mark.parametrize(
    "line, column, covered, right",
    [
        ("每週召开一次调度会。", 2, "週", "周"),
        ("落實河长制。", 2, "實", "实"),
        ("完成10個项目。", 5, "個", "个"),
        ("开展專项检查。", 3, "專", "专"),
    ],
)
def test_traditional_char_in_simplified_document(line, column, covered, right):
    text = SIMPLIFIED + line
    diags = lint(text, select=["WD004"])
    assert found(diags, text) == [("WD004", 2, column, column + 1, covered)]
    assert diags[0].suggestion == right and diags[0].fix.is_safe


def test_traditional_seen_all_and_fixed():
    text = SIMPLIFIED + "全面完成年度環境保護目標。"
    diags = lint(text, select=["WD004"])
    assert found(diags, text) == [("WD004", 2, 7, 8, "環"), ("WD004", 2, 10, 11, "護"), ("WD004", 2, 12, 13, "標")]
    fixed = apply_safe_fixes(text, diags)
    assert fixed == SIMPLIFIED + "全面完成年度环境保护目标。"
    assert lint(fixed, select=["WD004"]) == []


def test_ambiguous_traditional_char_gets_an_unsafe_fix():
    text = SIMPLIFIED + "结余的餘款上缴。"
    diags = lint(text, select=["WD004"])
    assert found(diags, text) == [("WD004", 2, 4, 5, "餘")]
    assert diags[0].fix.applicability == "unsafe"


@pytest.mark.parametrize(
    "line",
    [
        "乾隆年间的著名建筑",  # 乾 著: valid simplified characters
        "於姓村民反映问题",  # 於 as a surname
        "藉此机会，慰藉群众",
        "昇华思想认识",
        "瞭望塔建设完成",
        "推进中央生态环境保护督察反馈问题整改",
    ],
)
def test_traditional_silent_on_valid_simplified_characters(line):
    assert wd(SIMPLIFIED + line, ["WD004"]) == []


def test_traditional_looking_characters_inside_mojibake_are_left_to_the_artifact_rules():
    assert wd(SIMPLIFIED + "深入开展鍏氬彶瀛︿範鏁欒偛活动，组织专题学习24次。", ["WD004"]) == []


def test_traditional_document_is_left_alone():
    text = "全面完成年度環境保護目標。這些成績的取得，離不開區委、區政府的堅強領導，我們將繼續努力。"
    assert wd(text, ["WD004"]) == []


def test_common_simplified_list_is_simplified_only():
    for ch in wording_module.COMMON_SIMPLIFIED:
        ch.encode("gb2312")
        with pytest.raises(UnicodeEncodeError):
            ch.encode("big5")


def test_opencc_and_jieba_are_not_loaded_without_a_candidate():
    import subprocess
    import sys

    code = (
        "import sys; from doclint.testing import lint; "
        "lint('今年以来，我们层层压实责任，天天调度，PM2.5浓度下降。', select=['WD']); "
        "print('opencc' in sys.modules, 'jieba' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


# --------------------------------------------------------------------------- WD005


def test_seed_002_supervision_written_two_ways():
    text = (SEEDS / "002_7f588c0acecf4ba0.txt").read_text(encoding="utf-8")
    diags = lint(text, select=["WD005"])
    assert found(diags, text) == [("WD005", 5, 19, 21, "督查")]
    assert diags[0].suggestion == "督察"
    assert "督察" in diags[0].message["zh"] and "第6行" in diags[0].message["zh"]
    assert diags[0].fix.applicability == "unsafe"


def test_seed_000_and_003_cutoff_date():
    t0 = (SEEDS / "000_35ef2daec24acfb0.txt").read_text(encoding="utf-8")
    assert [f[:2] + (f[4],) for f in wd(t0, ["WD005"])] == [("WD005", 1, "截止"), ("WD005", 4, "截止")]
    t3 = (SEEDS / "003_ac3882726fcd1f91.txt").read_text(encoding="utf-8")
    assert [f[:2] + (f[4],) for f in wd(t3, ["WD005"])] == [("WD005", 14, "截止")]


@pytest.mark.parametrize("name", ["001_77edcacc9c0ca0a8.txt", "004_22d8d39ffa476a83.txt"])
def test_seeds_where_both_words_are_used_correctly(name):
    # 001: 督查街道落实 / 强化督查 (verbs) beside 环保督察; 截止 only. 004: 加强督查督办 beside 环保督察.
    text = (SEEDS / name).read_text(encoding="utf-8")
    assert wd(text, ["WD005"]) == []


@pytest.mark.parametrize(
    "text, line, column, covered",
    [
        ("迎接中央环保督察。\n做好中央环保督查迎检。\n中央环保督察反馈问题。", 2, 7, "督查"),
        ("截至目前，完成12项。\n截止目前，完成8项。\n截至6月底，完成20项。", 2, 1, "截止"),
        ("今年截止6月底，完成12项。\n截至目前，完成8项。", 1, 3, "截止"),
        ("制定《河道保洁管理办法》。\n修订后制订《河道保洁管理办法》。\n按照《河道保洁管理办法》，制定细则。\n已制定《河道保洁管理办法》。", 2, 4, "制订"),
        ("建立问题台账。\n完善管理台帐。\n台账动态更新。", 2, 5, "台帐"),
        ("开设专用账户。\n资金存入专用帐户。", 2, 7, "帐户"),
    ],
)
def test_term_written_two_ways(text, line, column, covered):
    assert wd(text, ["WD005"]) == [("WD005", line, column, column + 2, covered)]


def test_standard_form_wins_even_in_the_minority():
    text = "建立问题台帐。\n完善管理台帐。\n台账动态更新。"
    assert wd(text, ["WD005"]) == [("WD005", 1, 5, 7, "台帐"), ("WD005", 2, 5, 7, "台帐")]


def _example(rule, label: str) -> str:
    line = next(l for l in rule.explain().splitlines() if l.startswith(label))
    return line[len(label):].strip()


def test_explained_examples_are_true():
    rule = wording_module.InconsistentTerm
    bad, good = _example(rule, "Bad:"), _example(rule, "Good:")
    assert wd(bad, ["WD005"]) == [("WD005", 1, 8, 10, "督查")]
    assert wd(good, ["WD005"]) == []


@pytest.mark.parametrize(
    "text, line, column",
    [
        # a tie in the name of an inspection: 督察 is the official form
        ("迎接中央环保督察。\n做好中央环保督查迎检。", 2, 7),
        ("国家土地督查反馈问题。\n国家土地督察局。", 1, 5),
        ("推进中央生态环境保护督查反馈问题整改。\n中央生态环境保护督察组。", 1, 11),
    ],
)
def test_official_inspection_name_decides_a_tie(text, line, column):
    assert wd(text, ["WD005"]) == [("WD005", line, column, column + 2, "督查")]


def test_official_inspection_name_wins_even_in_the_minority():
    text = "做好中央环保督查迎检。\n中央环保督查反馈问题。\n中央环保督察组进驻。"
    diags = lint(text, select=["WD005"])
    assert found(diags, text) == [("WD005", 1, 7, 9, "督查"), ("WD005", 2, 5, 7, "督查")]
    assert {d.suggestion for d in diags} == {"督察"}


@pytest.mark.parametrize(
    "text",
    [
        "县政府督查室。\n县政府督察室。",  # a tie with no official form: say nothing
        "开展环保督查。中央环保督察组进驻。",  # 开展督查: an action
    ],
)
def test_tie_without_a_standard_form_is_silent(text):
    assert wd(text, ["WD005"]) == []


@pytest.mark.parametrize(
    "text",
    [
        "配合中央环保督察工作，开展市级环保督查。",  # two different things
        "加强督查督办。迎接中央环保督察。",
        "报名截止6月30日。截至目前，共受理120件。",  # a deadline, not "up to"
        "截止2024年6月30日前完成申报。截至目前，共受理120件。",
        "截止6月底前完成。截至目前，共受理120件。",
        "截止日期为6月底。截至目前，已完成。",
        "截止到目前，已完成。截至6月底，已完成。",  # 截止到 is correct
        "制定整改方案，制订工作计划。",
        "制定了《环保工作方案》，制订《环保工作方案》。",  # a tie: say nothing
        "现场督察2016年问题整改，督查街道落实。",
        "中央督察组进驻后开展督察。县委督查室开展督查。",  # 开展督察 / 开展督查: actions
    ],
)
def test_term_silent_cases(text):
    assert wd(text, ["WD005"]) == []


def test_terms_table_decides_the_preferred_form_of_a_pair():
    text = "截止目前，完成12项。\n截止目前，完成8项。\n截至6月底，完成20项。"
    assert [f[4] for f in wd(text, ["WD005"])] == ["截止", "截止"]
    # a user who prefers 截止 (against the standard) is obeyed
    diags = lint(text, select=["WD005"], settings={"wording": {"terms": {"截止": []}}})
    assert found(diags, text) == [("WD005", 3, 1, 3, "截至")]


# --------------------------------------------------------------------------- WD006


def test_terms_table_reports_every_variant():
    text = "做好中央环保督查迎检工作。\n中央生态环境保护督察反馈问题。\n环保督察问题整改。"
    settings = {"wording": {"terms": {"中央生态环境保护督察": ["中央环保督查", "中央环保督察"], "督察": "督查"}}}
    diags = lint(text, select=["WD"], settings=settings)
    assert found(diags, text) == [("WD006", 1, 3, 9, "中央环保督查")]
    assert diags[0].suggestion == "中央生态环境保护督察"


def test_terms_table_ignores_a_variant_inside_the_preferred_term():
    text = "中央环保督察组进驻。环保督察问题整改。"
    settings = {"wording": {"terms": {"中央环保督察组": ["环保督察"]}}}
    assert wd(text, ["WD006"], settings=settings) == [("WD006", 1, 11, 15, "环保督察")]


def test_terms_table_from_doclint_toml(tmp_path):
    from conftest import run_doclint

    (tmp_path / "doclint.toml").write_text(
        '[wording]\nterms = { "中央生态环境保护督察" = ["中央环保督察", "中央环保督查"] }\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("迎接中央环保督察工作。\n中央生态环境保护督察反馈问题。\n", encoding="utf-8")
    run = run_doclint("--format", "json", "--select", "WD", "a.txt", cwd=tmp_path)
    assert run.code == 1
    assert [(d["code"], d["line"], d["column"], d["end_column"], d["suggestion"]) for d in run.json] == [
        ("WD006", 1, 3, 9, "中央生态环境保护督察")]


def test_no_terms_table_no_findings():
    assert wd("中央环保督查", ["WD006"]) == []


# --------------------------------------------------------------------------- all


def test_clean_draft_has_no_wording_findings():
    text = (
        "2023年工作总结\n"
        "一、主要工作\n"
        "（一）大气污染防治。PM2.5平均浓度为35微克/立方米，同比下降6.2%；优良天数达到300天。"
        "层层压实责任，天天调度进展，做到件件有着落、事事有回音。\n"
        "（二）环保督察整改。截至目前，中央生态环境保护督察反馈的12个问题已完成整改10个，"
        "其余2个正在按时序推进。加强督查督办，制定《问题整改销号办法》。\n"
        "（三）其他工作。开展X射线装置专项检查，完成5G基站电磁辐射监测，TOP10企业全部完成VOCs治理。\n"
    )
    assert wd(text) == []


@pytest.mark.parametrize("ch", ["X", "、", "（", "的", "1", "的了", "督察督查", "截止目前，", "截至1年", "制定《", "制订《方", "Ａ", "Ｘ", "査", "環"])
def test_long_lines_are_handled(ch):
    text = ch * 10_000
    diags = lint(text, select=["WD"])
    if ch == "的":
        # one run of 10,000: reported once, fixed to one character
        assert found(diags) == [("WD001", 1, 1, 10_001)]
    elif ch == "Ａ":
        assert found(diags) == [("WD003", 1, 1, 10_001)]
    elif ch == "査":
        assert len(diags) == 10_000 and {d.code for d in diags} == {"WD002"}
    else:
        assert [d for d in diags if d.code in ("WD001", "WD003", "WD005", "WD006")] == []


def test_second_fix_run_changes_nothing():
    text = SIMPLIFIED + "新批新建的的企业开展排査，ＰＭ２．５浓度下降，環境改善。"
    fixed = apply_safe_fixes(text, lint(text, select=["WD"]))
    assert fixed == SIMPLIFIED + "新批新建的企业开展排查，PM2.5浓度下降，环境改善。"
    assert [d for d in lint(fixed, select=["WD"]) if d.fix and d.fix.is_safe] == []


def test_rules_have_explanations():
    from doclint.testing import builtin_registry

    rules = [r for r in builtin_registry().rules if r.family == "wording"]
    assert sorted(r.code for r in rules) == ["WD001", "WD002", "WD003", "WD004", "WD005", "WD006"]
    for r in rules:
        doc = r.explain()
        assert "Bad:" in doc and "Good:" in doc, r.code


def test_markdown_code_is_not_checked():
    doc = Document.from_text("代码：的的 査\n正文的的")
    doc.ignored.append((3, 7))
    assert found(lint("", select=["WD"], document=doc), doc.text) == [("WD001", 2, 3, 5, "的的")]
