"""The placeholder family: every unfilled template mark, and nothing that only looks like one."""
from __future__ import annotations

import json

import pytest

from doclint.diagnostic import Severity
from doclint.testing import builtin_registry, found, lint
from conftest import SEEDS


def ph(text: str, **kwargs) -> list[tuple]:
    return found(lint(text, select=["PH"], **kwargs), text)


def covered(text: str) -> list[str]:
    return [f[-1] for f in ph(text)]


# -- letter marks (PH001) ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("截至XX月底完成", [("PH001", 1, 3, 5, "XX")]),
        ("20XX年工作总结", [("PH001", 1, 3, 5, "XX")]),
        ("20xx年是开局之年", [("PH001", 1, 3, 5, "xx")]),
        ("201X年以来", [("PH001", 1, 4, 5, "X")]),
        ("xx市生态环境局", [("PH001", 1, 1, 3, "xx")]),
        ("党的十九届X中全会精神", [("PH001", 1, 6, 7, "X")]),
        ("共整改问题XXX个。", [("PH001", 1, 6, 9, "XXX")]),
        ("X月X日—X月X日", [("PH001", 1, 1, 2, "X"), ("PH001", 1, 3, 4, "X"), ("PH001", 1, 6, 7, "X"), ("PH001", 1, 8, 9, "X")]),
        ("2021年X—X月，我县", [("PH001", 1, 6, 7, "X"), ("PH001", 1, 8, 9, "X")]),
        ("实施水生态保护和修复X大行动。", [("PH001", 1, 11, 12, "X")]),
        ("我区PMx.x平均浓度", [("PH001", 1, 5, 8, "x.x")]),
        ("PMX浓度为Xμg/mX，", [("PH001", 1, 3, 4, "X"), ("PH001", 1, 7, 8, "X"), ("PH001", 1, 12, 13, "X")]),
        ("比去年同期上升x.x%；", [("PH001", 1, 8, 11, "x.x")]),
        ("共处罚款xx.xx万余元", [("PH001", 1, 5, 10, "xx.xx")]),
        ("已完成沉水植物群落构建约xxxxxmx。", [("PH001", 1, 13, 18, "xxxxx"), ("PH001", 1, 19, 20, "x")]),
        ("以《锅炉大气污染排放标准》(DBxx/xxxx-xxxx)为指导", [("PH001", 1, 17, 19, "xx"), ("PH001", 1, 20, 24, "xxxx"), ("PH001", 1, 25, 29, "xxxx")]),
        ("安装xD气溶胶雷达", [("PH001", 1, 3, 4, "x")]),
        ("××区教育局", [("PH001", 1, 1, 3, "××")]),
        ("╳╳县人民政府", [("PH001", 1, 1, 3, "╳╳")]),
        ("ＸＸ镇卫生院", [("PH001", 1, 1, 3, "ＸＸ")]),
        ("推进X河（资水河）生态修复", [("PH001", 1, 3, 4, "X")]),
        ("第X届运动会", [("PH001", 1, 2, 3, "X")]),
        ("新招聘教师 XX 名", [("PH001", 1, 7, 9, "XX")]),
        ("电源容量提升至xxx kVA。", [("PH001", 1, 8, 11, "xxx")]),
        ("学习\"x+x+x”现代产业体系", [("PH001", 1, 4, 5, "x"), ("PH001", 1, 6, 7, "x"), ("PH001", 1, 8, 9, "x")]),
        ("巩固深化”XXX”主题教育成果", [("PH001", 1, 6, 9, "XXX")]),
        ("负责同志于xx月xx日参加授牌仪式", [("PH001", 1, 6, 8, "xx"), ("PH001", 1, 9, 11, "xx")]),
        ("完成1XX万元投资", [("PH001", 1, 4, 6, "XX")]),
        ("于20XX.X.X完成，发文日期2023.X.X。", [("PH001", 1, 4, 10, "XX.X.X"), ("PH001", 1, 22, 25, "X.X")]),
    ],
)
def test_letter_marks_are_found_with_exact_spans(text, expected):
    assert ph(text) == expected


@pytest.mark.parametrize(
    "text, what",
    [
        ("截至XX月底", "缺少日期"),
        ("20XX年工作总结", "缺少年份"),
        ("XXXX年工作总结", "缺少年份"),
        ("共整改问题XX个", "缺少数值"),
        ("下降x.x%", "缺少数值"),
        ("XX市生态环境局", "缺少名称"),
        ("突出抓好XX电厂等企业", "缺少名称"),
        ("XXX小学已完成初步调查", "缺少名称"),
    ],
)
def test_the_message_says_what_is_missing(text, what):
    (diag,) = lint(text, select=["PH"])
    assert diag.message["zh"].endswith(what)
    assert diag.message["en"].startswith("unfilled placeholder")


def test_a_lone_x_between_han_characters_is_only_a_warning():
    text = "项目加快落地X新城考察"
    (diag,) = lint(text, select=["PH"])
    assert (diag.code, diag.column, diag.severity) == ("PH001", 7, Severity.ERROR)  # 新城: a name
    text = "积极对接X创新团队"
    (diag,) = lint(text, select=["PH"])
    assert (diag.code, diag.column, diag.severity) == ("PH001", 5, Severity.WARNING)


def test_a_templated_draft_also_flags_a_lone_x_at_a_phrase_edge():
    body = "共检查企业XX家，发现问题XX个，整改XX项，处罚XX万元，约谈XX次。"
    line = "完成联禾研究所、x沙河电镀厂调查，提升“天府x·品位”形象"
    assert ph(line) == []  # alone, one side of Han is not enough
    text = body + "\n" + line
    assert [f[1:] for f in ph(text) if f[1] == 2] == [(2, 9, 10, "x"), (2, 23, 24, "x")]
    assert all(d.severity == Severity.WARNING for d in lint(text, select=["PH"]) if d.line == 2)
    assert ph(body + "\n推行“1+X”证书制度") == ph(body)  # not an operand


# -- asterisks and shapes (PH002) ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("PM2.5月均值为**ug/m3，空气优良率**%。", [("PH002", 1, 10, 12, "**"), ("PH002", 1, 23, 25, "**")]),
        ("***座小（二）型以上水库", [("PH002", 1, 1, 4, "***")]),
        ("涉及到我县共有*个共性问题", [("PH002", 1, 8, 9, "*")]),
        ("共出动环境执法人员****余人次", [("PH002", 1, 10, 14, "****")]),
        ("严格落实《**省重点行业挥发性有机物综合治理方案》", [("PH002", 1, 6, 8, "**")]),
        ("反馈**市共**个问题", [("PH002", 1, 3, 5, "**"), ("PH002", 1, 7, 9, "**")]),
        ("根据《**县人民政府办公室关于印发**县秸秆禁烧网格化管理工作方案的通知》", [("PH002", 1, 4, 6, "**"), ("PH002", 1, 18, 20, "**")]),
        ("制定了《**市**生态环境局关于做好环保帮扶工作的实施方案》", [("PH002", 1, 5, 7, "**"), ("PH002", 1, 8, 10, "**")]),
        ("对我县煤焦油产生企业（**天行化工有限责任公司）进行排查。对**松聚源矿业有限公司进行排查",
         [("PH002", 1, 12, 14, "**"), ("PH002", 1, 31, 33, "**")]),
        ("公开招聘教师○○名，发放〇〇份", [("PH002", 1, 7, 9, "○○"), ("PH002", 1, 13, 15, "〇〇")]),
        ("评选“三好学生”□□名，培训△△人次", [("PH002", 1, 9, 11, "□□"), ("PH002", 1, 15, 17, "△△")]),
        ("完成**个项目，**重点工作**要抓好", [("PH002", 1, 3, 5, "**")]),
        ("**XX区环保局**", [("PH001", 1, 3, 5, "XX")]),
    ],
)
def test_asterisk_and_shape_marks(text, expected):
    assert ph(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "**重点工作**：一是加强监管。",
        "我们要**坚持问题导向**，推进整改。",
        "**一、工作情况**",
        "**市委高度重视**，多次召开专题会议。",
        "全年完成**12个**项目，新增**三家**企业。",
        "* 项目一",
        "***",
        "* * *",
        "表中*表示数据为初步统计。",
        "面积为3*4米。",
        "二〇二三年工作总结，二○○八年建成。",
        "○ 已完成",
        "□是 □否",
        "服务评价：●●●○○，进度■■■□□。",
        "**重点工作",
    ],
)
def test_emphasis_bullets_footnotes_and_year_zeros_are_silent(text):
    assert ph(text) == []


# -- explicit gaps (PH003) ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("新增学位【待补充】个。", [("PH003", 1, 5, 10, "【待补充】")]),
        ("完成“城市大脑”（此处填写项目全称）立项论证", [("PH003", 1, 9, 19, "（此处填写项目全称）")]),
        ("开展活动不少于[待定]场次", [("PH003", 1, 8, 12, "[待定]")]),
        ("新增学位___个。", [("PH003", 1, 5, 8, "___")]),
        ("签名：＿＿＿＿", [("PH003", 1, 4, 8, "＿＿＿＿")]),
        ("开展公开课……节。", [("PH003", 1, 6, 8, "……")]),
        ("共培训……人次。", [("PH003", 1, 4, 6, "……")]),
        ("此处填写单位名称。", [("PH003", 1, 1, 9, "此处填写单位名称")]),
        ("按期偿还债务本息【待核实】亿元", [("PH003", 1, 9, 14, "【待核实】")]),
        ("由（填写单位名称）负责", [("PH003", 1, 2, 10, "（填写单位名称）")]),
        ("完成[TODO]项", [("PH003", 1, 3, 9, "[TODO]")]),
    ],
)
def test_explicit_gaps(text, expected):
    assert ph(text) == expected


def test_a_pending_note_in_round_brackets_is_only_a_warning():
    (diag,) = lint("会议时间（待定）", select=["PH"])
    assert (diag.code, diag.column, diag.end_column, diag.severity) == ("PH003", 5, 9, Severity.WARNING)


@pytest.mark.parametrize(
    "text",
    [
        "我们一直在努力……",
        "一是……二是……",
        "1、2、3……10个",
        "一个、两个……十个",
        "___",
        "  ______  ",
        "（此处略）",
        "（补充说明）",
        "相关制度有待补充完善。",
        "填写了被抽查单位评估情况记录表。",
        "调用__init__方法",
    ],
)
def test_prose_ellipses_rules_and_notes_are_silent(text):
    assert ph(text) == []


# -- a value missing before its unit (PH004) -----------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("截止XX月底空气优良率达％。", [("PH001", 1, 3, 5, "XX"), ("PH004", 1, 13, 14, "％")]),
        ("目前已完成整改XXX项，完成整改率为％。", [("PH001", 1, 8, 11, "XXX"), ("PH004", 1, 19, 20, "％")]),
        ("共处罚款金额万元。", [("PH004", 1, 7, 9, "万元")]),
        ("同比增长%，", [("PH004", 1, 5, 6, "%")]),
        ("其中财政性教育经费亿元，", [("PH004", 1, 10, 12, "亿元")]),
        ("非税收入完成亿元，同比下降4.2%。", [("PH004", 1, 7, 9, "亿元")]),
        ("报销比例同比提高个百分点。", [("PH004", 1, 9, 13, "个百分点")]),
        ("组织学生参加社会实践活动共计人次。", [("PH004", 1, 15, 17, "人次")]),
        ("地区生产总值亿元，合同额万元；实现GDP亿元。", [("PH004", 1, 7, 9, "亿元"), ("PH004", 1, 13, 15, "万元"), ("PH004", 1, 21, 23, "亿元")]),
        ("全年接待游客万人次，年产万吨。", [("PH004", 1, 7, 10, "万人次"), ("PH004", 1, 13, 15, "万吨")]),
    ],
)
def test_missing_values(text, expected):
    assert ph(text) == expected


def test_a_scaled_unit_after_a_plain_noun_is_only_a_warning():
    diags = lint("全年接待游客万人次，实现旅游收入亿元。", select=["PH"])
    assert [(d.column, d.severity) for d in diags] == [(7, Severity.WARNING), (17, Severity.ERROR)]


def test_a_percent_after_a_word_that_is_no_rate_is_only_a_warning():
    (diag,) = lint("政府债务率控制在%以内", select=["PH"])
    assert (diag.code, diag.column, diag.severity) == ("PH004", 9, Severity.WARNING)
    (diag,) = lint("管理率达到%。", select=["PH"])
    assert diag.severity == Severity.ERROR


@pytest.mark.parametrize(
    "text",
    [
        "占比（%）一栏填写百分比。",
        "附表：收入完成情况（单位：万元、%）",
        "新签约亿元以上项目12个，单位万元GDP能耗下降3.1%。",
        "投资亿元以上的项目有5个。",
        "共有个别企业未按期整改。",
        "同比增长5.2%，提高1.3个百分点。",
        "罚款金额（万元）",
        "推动人与自然和谐共处，共建共享。",
        "参观人数近万人，上亿元项目，数万人参与，千吨万人水源地，每万人拥有医生。",
        "全年接待游客1.2万人次，成交额5万元，共1万人次（单位万元）。",
        "百万人口城市，亿万人民。",
    ],
)
def test_units_with_their_numbers_or_as_labels_are_silent(text):
    assert ph(text) == []


# -- look-alikes: silence ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "医院新购置X线机一台，开展X射线检查和X光透视共计1200人次。",
        "PM2.5年均浓度为32微克/立方米，PM10浓度为58微克/立方米。",
        "断面水质达到Ⅲ类，部分河段为Ⅳ类，VOCs排放量下降，COD削减5%。",
        "全面推进5G基站建设，建成3D打印实验室和4K超高清演播室，入选TOP10榜单。",
        "采购CT、DR、PET-CT等大型设备。",
        "办公电脑统一升级至Windows XP以上版本，服务器使用Linux系统，报表使用Excel制作。",
        "新购iPhone X手机两部。Mr. X said the plan is good.",
        "采购XC-2000型监测仪3台、X-2000型设备一套，开展X-ray检测。",
        "详见http://www.xxx.gov.cn/xx/index.html或www.example.com，邮箱xx@xx.com。",
        "门户网站data.xx.gov.cn上线。",
        "显示屏分辨率为1920×1080，板材规格3x4米，长×宽×高为2×3×4米，3 x 4的方阵。",
        "氮氧化物（NOx）和二氧化硫（SOx）排放持续下降。",
        "升级至Python 3.x版本，兼容Vue 2.x，处理HTTP 4xx错误。",
        "推行“1+X”证书制度试点。",
        "X轴表示时间，Y轴表示数量。",
        "参加“X Games”活动，使用Xbox设备。",
        "学习贯彻党的二十大精神，天天学习，层层落实。",
        "会议时间为9:30，地点在3楼，电话0551-12345678。",
        "x86架构服务器10台，宝马X5一辆。",
        "XXL号服装200套。",
        "患者XX染色体检测正常。",
        "表格中带*号的为必填项，请在相应栏内打×号。",
        "获得**个人**荣誉称号，这是*强调*的内容，***粗斜体***。",
        "基于TensorFlow框架，y=ax+b，f(x)为目标函数。",
        "样品尺寸为20x30cm，放大10x观察，2 × 2矩阵。",
        "服装尺码为XL、XS、XXL。碳氢化合物CxHy排放下降。",
        "采购华为Mate X手机、vivo X100手机、特斯拉Model X一辆。",
        "身份证号码3301XXXXXXXX1234，联系电话138XXXX1234，手机138****1234。",
        "经办人张**，联系人李*。",
        "附件：填写说明及样表（如需填写请联系办公室）。",
        "参考材料（things to do list）一份。",
        "网站后台路径为/admin/xx/index，配置文件为config.xx.yml。",
        "部署XR教学平台，采购Intel Xeon服务器，防范XSS攻击，支持ONNX格式，兼容x86架构。",
        "学校开设“1+X”课程，学生考取X证书数量同比增长。",
        "设置x轴为时间、y轴为产量。",
    ],
)
def test_look_alikes_stay_silent(text):
    assert ph(text) == []


def test_a_clean_draft_has_no_findings():
    text = (
        "市生态环境局2023年工作总结\n"
        "2023年，全市PM2.5平均浓度为32微克/立方米，同比下降5.9%，优良天数比例达到88.5%。\n"
        "**一、大气污染防治**\n"
        "完成VOCs治理项目26个，淘汰燃煤锅炉12台，投入资金3.2亿元；新签约亿元以上项目5个。\n"
        "X射线装置使用单位全部完成辐射安全许可证核发，5G基站周边电磁辐射监测达标。\n"
        "二、下一步工作\n"
        "（一）持续推进Ⅲ类水体达标，确保COD、氨氮排放量分别下降2%和3%。\n"
    )
    assert ph(text) == []


# -- seeds: what a reviewer flags, found ------------------------------------------------------------


def _seed(name: str) -> str:
    (path,) = SEEDS.glob(f"{name}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "seed, line, snippet, mark",
    [
        ("000", 1, "xx市", "xx"),
        ("000", 1, "十九届X中全会", "X"),
        ("000", 1, "XX月底", "XX"),
        ("000", 1, "优良率达％", "％"),
        ("000", 4, "20XX年", "XX"),
        ("000", 4, "XXX个", "XXX"),
        ("000", 4, "XX项", "XX"),
        ("000", 4, "整改率为％", "％"),
        ("000", 6, "金额万元", "万元"),
        ("001", 1, "20xx年", "xx"),
        ("001", 15, "PMx.x", "x.x"),
        ("001", 15, "x.x%", "x.x"),
        ("001", 20, "xx.xx万余元", "xx.xx"),
        ("001", 16, "xxxxxmx", "xxxxx"),
        ("001", 14, "(DBxx/", "xx"),
        ("001", 14, "xD气溶胶", "x"),
        ("001", 8, "x个方面", "x"),
        ("002", 1, "XX区环保局", "XX"),
        ("002", 2, "XX大精神", "XX"),
        ("003", 4, "**ug/m3", "**"),
        ("003", 5, "***座", "***"),
        ("003", 8, "*个", "*"),
        ("003", 14, "****余人次", "****"),
        ("003", 4, "**省", "**"),
        ("004", 4, "X月X日", "X"),
        ("004", 5, "X个地表水", "X"),
        ("004", 8, "X河", "X"),
        ("004", 15, "PMX", "X"),
        ("004", 15, "Xμg/mX", "X"),
        ("004", 22, "X大行动", "X"),
    ],
)
def test_seed_placeholders_are_found(seed, line, snippet, mark):
    text = _seed(seed)
    line_text = text.split("\n")[line - 1]
    column = line_text.index(snippet) + snippet.index(mark) + 1
    hits = [f for f in ph(text) if f[1] == line and f[2] <= column < f[3]]
    assert len(hits) == 1, hits
    assert mark in hits[0][4]


@pytest.mark.parametrize("seed, real", [("002", "PM10"), ("002", "PM2.5"), ("004", "Ⅲ类"), ("004", "VOCs"), ("004", "PM2.5"), ("001", "VOCs")])
def test_seed_values_that_look_like_marks_are_silent(seed, real):
    text = _seed(seed)
    starts = [i for i in range(len(text)) if text.startswith(real, i)]
    assert starts
    diags = lint(text, select=["PH"])
    assert not [d for d in diags for s in starts if d.start < s + len(real) and s < d.end]


def test_every_placeholder_is_exactly_one_finding():
    for path in sorted(SEEDS.glob("*.txt")):
        diags = lint(path.read_text(encoding="utf-8"), select=["PH"])
        spans = sorted((d.start, d.end) for d in diags)
        assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:])), path.name


def test_seed_placeholder_counts_are_stable():
    """A regression net: the totals per seed, reviewed by hand when they change."""
    counts = {p.name[:3]: len(lint(p.read_text(encoding="utf-8"), select=["PH"])) for p in sorted(SEEDS.glob("*.txt"))}
    # 000: 71 letter marks + 3 ％ + 1 万元; 001: every x run (digits masked); 002: every XX;
    # 003: every star run; 004: every X run.
    assert counts == {"000": 75, "001": 248, "002": 19, "003": 70, "004": 48}


# -- year suggestion ------------------------------------------------------------------------------


def test_the_report_year_from_the_title_is_suggested_where_it_fits():
    text = (
        "XX区环保局2023年度工作总结\n"
        "20XX年，我局坚持以环境污染防治为主线。20XX年中央环保督察反馈问题全部整改。\n"
        "截至20XX年底，完成整改任务。\n"
        "三、20XX年工作打算\n"
    )
    diags = [d for d in lint(text, select=["PH"]) if d.line > 1]
    assert [(d.line, d.column, d.suggestion) for d in diags] == [(2, 3, "23"), (2, 24, None), (3, 5, "23"), (4, 5, None)]
    assert diags[0].fix.as_dict() == {"applicability": "unsafe", "edits": [{"start": diags[0].start, "end": diags[0].end, "text": "23"}]}


def test_a_year_written_in_marks_alone_gets_all_its_digits():
    text = "2023年度工作总结\nXXXX年，我局完成各项任务。201X年，…\n"
    assert [(d.column, d.suggestion) for d in lint(text, select=["PH"])] == [(1, "2023"), (19, None)]


def test_a_title_year_is_suggested_from_the_announcement_in_the_body():
    text = "20XX年工作总结\n现将我局2023年工作总结如下：\n20XX年是关键之年。\n"
    assert [(d.line, d.suggestion) for d in lint(text, select=["PH"])] == [(1, "23"), (3, "23")]


@pytest.mark.parametrize(
    "text",
    [
        "××区教育局20XX年工作总结\n三、20XX年工作打算\n",  # no year anywhere
        "2021年工作总结和2022年工作打算\n20XX年，我局…\n",  # two years in the title
        "2023年度工作总结\n自20XX年以来，我局…\n",  # history
        "2023年度工作总结\n20XX年，与2019年相比…\n",  # another year beside it
        "关于2023年工作计划的报告\n20XX年，我局…\n",  # a plan, not a summary
    ],
)
def test_no_year_is_suggested_when_in_doubt(text):
    assert [d.suggestion for d in lint(text, select=["PH"])] == [None] * len(lint(text, select=["PH"]))


# -- configuration: team patterns (PH005) -----------------------------------------------------------


def test_custom_patterns_from_the_settings_are_placeholders():
    text = "本单位{{单位名称}}全年完成任务＿＿项，XX个。"
    settings = {"placeholder": {"patterns": [r"\{\{[^}]*\}\}", "＿{2,}"]}}
    assert ph(text, settings=settings) == [
        ("PH005", 1, 4, 12, "{{单位名称}}"),
        ("PH003", 1, 18, 20, "＿＿"),  # a built-in gap already; reported once
        ("PH001", 1, 22, 24, "XX"),
    ]
    assert ph(text) == [("PH003", 1, 18, 20, "＿＿"), ("PH001", 1, 22, 24, "XX")]


def test_custom_patterns_overlapping_each_other_are_reported_once():
    text = "单位：{{名称}}，XX个"
    settings = {"placeholder": {"patterns": [r"\{\{[^}]*\}\}", r"\{\{", "XX个"]}}
    assert ph(text, settings=settings) == [("PH005", 1, 4, 10, "{{名称}}"), ("PH001", 1, 11, 13, "XX")]


def test_custom_patterns_from_a_config_file(tmp_path, doclint):
    (tmp_path / "doclint.toml").write_text('[placeholder]\npatterns = ["<填[^>]*>"]\n', encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("共检查企业<填数字>家。\n", encoding="utf-8")
    run = doclint("--format", "json", "--select", "PH", str(draft), cwd=tmp_path)
    assert run.code == 1, run.err
    assert [(d["code"], d["line"], d["column"], d["end_column"]) for d in run.json] == [("PH005", 1, 6, 11)]


# -- the rules as a user sees them ------------------------------------------------------------


def test_rules_are_registered_with_explanations():
    rules = {r.code: r for r in builtin_registry().rules if r.family == "placeholder"}
    assert sorted(rules) == ["PH001", "PH002", "PH003", "PH004", "PH005"]
    for rule in rules.values():
        doc = rule.explain()
        assert "Bad:" in doc and "Good:" in doc and rule.summary()


def test_json_output_for_a_seed(doclint):
    run = doclint("--format", "json", "--select", "PH", str(SEEDS / "004_22d8d39ffa476a83.txt"))
    assert run.code == 1, run.err
    first = run.json[0]
    assert {k: first[k] for k in ("rule", "code", "severity", "line", "column", "end_column")} == {
        "rule": "placeholder.letter-mark", "code": "PH001", "severity": "error", "line": 4, "column": 15, "end_column": 16,
    }
    assert first["message"] == "未填写的占位符“X”：缺少日期"
    json.dumps(run.json)


# -- linear time on hostile input: results asserted, not timed ---------------------------------------


@pytest.mark.parametrize(
    "unit, expected",
    [
        ("X", [("PH001", 1, 1, 10001)]),
        ("、", []),
        ("（", []),
        ("1", []),
        ("*", []),
        ("…", []),
        ("%", []),
        ("_", []),
        ("x.", [("PH001", 1, 1, 20000)]),
        ("1x", []),
        ("【", []),
        (" X", []),
    ],
)
def test_long_runs_are_handled(unit, expected):
    text = unit * 10000
    assert [f[:4] for f in ph(text)] == expected


def test_long_lines_of_repeated_marks():
    assert len(ph("X月" * 5000)) == 5000
    assert len(ph("**个" * 5000)) == 5000
    assert len(ph("20XX年，" * 3000)) == 3000
    assert ph("（" * 5000 + "待定" + "）" * 5000) == [("PH003", 1, 5000, 5004, "（待定）")]
    assert ph("**重点**，" * 3000) == []
    assert len(ph("《**省" * 3000)) == 3000
    assert ph("*" + "重" * 20000 + "*") == []
    assert len(ph("2023年度工作总结\n" + "20XX年，" * 3000)) == 3000
