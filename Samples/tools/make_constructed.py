#!/usr/bin/env python3
"""Writes the constructed samples (see Samples/README.md): reports laid out exactly as the official
templates print them, with invented agencies and figures, to exercise layouts and flattenings the real
seeds do not cover. Run from the package root: python3 Samples/tools/make_constructed.py"""

NBSP = "\u00a0"

T3_ROWS_2019 = [
    ("一、本年新收政府信息公开申请数量", None),
    ("二、上年结转政府信息公开申请数量", None),
    ("三、本年度办理结果", "label"),
    ("（一）予以公开", None),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
    ("（三）不予公开", "label"),
    ("1.属于国家秘密", None), ("2.其他法律行政法规禁止公开", None), ("3.危及“三安全一稳定”", None),
    ("4.保护第三方合法权益", None), ("5.属于三类内部事务信息", None), ("6.属于四类过程性信息", None),
    ("7.属于行政执法案卷", None), ("8.属于行政查询事项", None),
    ("（四）无法提供", "label"),
    ("1.本机关不掌握相关政府信息", None), ("2.没有现成信息需要另行制作", None), ("3.补正后申请内容仍不明确", None),
    ("（五）不予处理", "label"),
    ("1.信访举报投诉类申请", None), ("2.重复申请", None), ("3.要求提供公开出版物", None),
    ("4.无正当理由大量反复申请", None), ("5.要求行政机关确认或重新出具已获取信息", None),
]
T3_TAIL_2019 = [("（六）其他处理", None), ("（七）总计", None), ("四、结转下年度继续办理", None)]
T3_TAIL_2021 = [
    ("（六）其他处理", "label"),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", None),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", None),
    ("3.其他", None),
    ("（七）总计", None), ("四、结转下年度继续办理", None),
]
T3_HEADER = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况", "自然人",
             "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
T4_HEADER = ["行政复议", "行政诉讼", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉",
             "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果",
             "尚未审结", "总计"]


def t3_values(rows, data):
    """data: label -> list of 7 cell strings (missing rows are all "0")."""
    out = []
    for label, kind in rows:
        if kind == "label":
            out.append((label, None))
        else:
            out.append((label, data.get(label, ["0"] * 7)))
    return out


def one_cell_per_line(blocks):
    lines = []
    for label, cells in blocks:
        lines.append("  " + label)
        lines.append("")
        for c in cells or []:
            lines.append(("  " + c) if c.strip() else ("  " + NBSP))
            lines.append("")
    return "\n".join(lines)


def revised_2021():
    head = """首页 > 政务公开 > 政府信息公开年报
示例县交通运输局2021年政府信息公开工作年度报告
发布日期：2022-01-20　来源：示例县交通运输局　浏览次数：1024

　　本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和国务院办公厅政府信息与政务公开办公室《关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求编制。本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。

　　一、总体情况

　　2021年，示例县交通运输局主动公开政府信息312条，其中政策文件18条。全年共收到政府信息公开申请13件。

　　二、主动公开政府信息情况
"""
    t2 = [
        ("第二十条第（一）项", None),
        ("信息内容", None), ("本年制发件数", None), ("本年废止件数", None), ("现行有效件数", None),
        ("规章", ["0", "0", "0"]),
        ("行政规范性文件", ["3", "1", "12"]),
        ("第二十条第（五）项", None),
        ("信息内容", None), ("本年处理决定数量", None),
        ("行政许可", ["1,286"]),
        ("第二十条第（六）项", None),
        ("信息内容", None), ("本年处理决定数量", None),
        ("行政处罚", ["57"]),
        ("行政强制", ["—"]),
        ("第二十条第（八）项", None),
        ("信息内容", None), ("本年收费金额（单位：万元）", None),
        ("行政事业性收费", ["３.５"]),
    ]
    data = {
        "一、本年新收政府信息公开申请数量": ["11", "2", "0", "0", "0", "0", "13"],
        "二、上年结转政府信息公开申请数量": ["1", "0", "0", "0", "0", "0", "1"],
        "（一）予以公开": ["5", "1", "0", "0", "0", "0", "6"],
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": ["1", "0", "0", "0", "0", "0", "1"],
        "4.保护第三方合法权益": ["1", "", "", "", "", "", "1"],
        "1.本机关不掌握相关政府信息": ["3", "1", "0", "0", "0", "0", "4"],
        "2.重复申请": ["1", "0", "0", "0", "0", "0", "1"],
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": ["1", "0", "0", "0", "0", "0", "1"],
        "（七）总计": ["12", "2", "0", "0", "0", "0", "14"],
        "四、结转下年度继续办理": ["0", "0", "0", "0", "0", "0", "0"],
    }
    t3 = [("三、收到和处理政府信息公开申请情况", None)] + [(h, None) for h in T3_HEADER] + t3_values(T3_ROWS_2019 + T3_TAIL_2021, data)
    t4 = [("四、政府信息公开行政复议、行政诉讼情况", None)] + [(h, None) for h in T4_HEADER[:-1]] + \
         [(T4_HEADER[-1], ["1", "0", "0", "0", "1", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"])]
    tail = """
　　五、存在的主要问题及改进情况

　　2021年，我局政府信息公开工作仍存在公开内容不够全面等问题。下一步，我局将进一步规范依申请公开办理流程。

　　六、其他需要报告的事项

　　本年度实际收取信息处理费共计0元。

版权所有：示例县人民政府　ICP备案号：示ICP备12345678号　网站标识码：1234567890　联系电话：0000-1234567
"""
    return head + one_cell_per_line(t2) + "\n" + one_cell_per_line(t3) + "\n" + one_cell_per_line(t4) + "\n" + tail


def pipes_2019():
    lines = [
        "示例市生态环境局2020年政府信息公开工作年度报告",
        "",
        "一、总体情况",
        "2020年，本局按照《条例》要求做好政府信息公开工作。",
        "",
        "二、主动公开政府信息情况",
        "| 第二十条第（一）项 |",
        "| 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
        "| 规章 | 0 | 0 | 0 |",
        "| 规范性文件 | 2 | 2 | 17 |",
        "| 第二十条第（五）项 |",
        "| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |",
        "| 行政许可 | 23 | -8 | 1,036 |",
        "| 其他对外管理服务事项 | 4 | +1 | 12 |",
        "| 第二十条第（六）项 |",
        "| 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |",
        "| 行政处罚 | 35 | 0 | 214 |",
        "| 行政强制 | 6 | 0 | / |",
        "| 第二十条第（八）项 |",
        "| 信息内容 | 上一年项目数量 | 本年增/减 |",
        "| 行政事业性收费 | 0 | 0 |",
        "| 第二十条第（九）项 |",
        "| 信息内容 | 采购项目数量 | 采购总金额 |",
        "| 政府集中采购 | 7 | 25.1万元 |",
        "",
        "三、收到和处理政府信息公开申请情况",
        "| 本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和 | 申请人情况 |",
        "| 自然人 | 法人或其他组织 | 总计 |",
        "| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |",
    ]
    data = {
        "一、本年新收政府信息公开申请数量": ["9", "1", "0", "0", "1", "0", "11"],
        "二、上年结转政府信息公开申请数量": ["0", "0", "0", "0", "0", "0", "0"],
        "（一）予以公开": ["4", "1", "0", "0", "0", "0", ""],
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": ["2", "0", "0", "0", "0", "0", "2"],
        "1.本机关不掌握相关政府信息": ["2", "0", "0", "0", "1", "0", "3"],
        "（六）其他处理": ["1", "0", "0", "0", "0", "0", "1"],
        "（七）总计": ["9", "1", "0", "0", "1", "0", "11"],
    }
    for label, cells in t3_values(T3_ROWS_2019 + T3_TAIL_2019, data):
        lines.append("| " + label + " |" + ("".join(" " + c + " |" for c in cells) if cells else ""))
    lines += [
        "",
        "四、政府信息公开行政复议、行政诉讼情况",
        "| 行政复议 | 行政诉讼 |",
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |",
        "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
        "| 2 | 0 | 0 | 0 | 2 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |",
        "",
        "五、存在的主要问题及改进情况",
        "主动公开的及时性有待提高。",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    with open("Samples/constructed-2021-county-transport.txt", "w", encoding="utf-8") as f:
        f.write(revised_2021())
    with open("Samples/constructed-2020-city-environment-pipes.txt", "w", encoding="utf-8") as f:
        f.write(pipes_2019())
    # The same 2021 report encoded as GB18030 (GBK), as many government sites serve their text.
    with open("Samples/constructed-2021-county-transport-gbk.txt", "wb") as f:
        f.write(revised_2021().replace("\u00a0", " ").encode("gb18030"))


# ---------------------------------------------------------------------------------------------------
# HTML pages

WORD_CELL = ("<td width=64 valign=center style='width:48.0pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt'>"
             "<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US "
             "style='font-size:10.5pt;font-family:宋体'>{}<o:p></o:p></span></p></td>")


def td(text, attrs="", word=False):
    if word:
        cell = WORD_CELL.format(text if text else "&nbsp;")
        return cell.replace("<td ", "<td " + attrs + " ", 1) if attrs else cell
    return "<td{}>{}</td>".format(" " + attrs if attrs else "", text if text else "&nbsp;")


def table2_html(blocks, word):
    """blocks: list of (item, headers, rows[(label, cells)])."""
    out = ["<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>"]
    for item, headers, rows in blocks:
        out.append("<tr>" + td("第二十条第（{}）项".format(item), 'colspan="{}"'.format(len(headers) + 1), word) + "</tr>")
        out.append("<tr>" + td("信息内容", "", word) + "".join(td(h, "", word) for h in headers) + "</tr>")
        for label, cells in rows:
            out.append("<tr>" + td(label, "", word) + "".join(td(c, "", word) for c in cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def table3_rows_html(rows, data, word, revised):
    groups = {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5, "（六）其他处理": 3}
    result_rows = 2 + 8 + 3 + 5 + (3 if revised else 1) + 1
    out = [
        "<tr>" + td("（本列数据的勾稽关系为：第一项加第二项之和，<br>等于第三项加第四项之和）", 'colspan=3 rowspan=3', word)
        + td("申请人情况", "colspan=7", word) + "</tr>",
        "<tr>" + td("自然人", "rowspan=2", word) + td("法人或其他组织", "colspan=5", word) + td("总计", "rowspan=2", word) + "</tr>",
        "<tr>" + "".join(td(h, "", word) for h in ["商业<br>企业", "科研<br>机构", "社会公益<br>组织", "法律服务<br>机构", "其他"]) + "</tr>",
    ]
    pending_group = None
    first_result = True
    for label, kind in rows:
        if label == "三、本年度办理结果":
            continue
        if kind == "label":
            pending_group = label
            continue
        cells = "".join(td(c, "", word) for c in data.get(label, ["0"] * 7))
        prefix = ""
        if label.startswith("（") and label not in ("（七）总计",) or label == "（七）总计":
            if first_result and label.startswith("（一）"):
                prefix += td("三、本年度办理结果", "rowspan={}".format(result_rows), word)
                first_result = False
        if label.startswith(("一、", "二、", "四、")):
            out.append("<tr>" + td(label, "colspan=3", word) + cells + "</tr>")
        elif label[:1].isdigit():
            if pending_group:
                prefix += td(pending_group, "rowspan={}".format(groups[pending_group]), word)
                pending_group = None
            out.append("<tr>" + prefix + td(label, "", word) + cells + "</tr>")
        else:
            out.append("<tr>" + prefix + td(label, "colspan=2", word) + cells + "</tr>")
    return out


def table4_rows_html(values, word):
    heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return [
        "<tr>" + td("行政复议", "colspan=5", word) + td("行政诉讼", "colspan=10", word) + "</tr>",
        "<tr>" + "".join(td(h, "rowspan=2", word) for h in heads) + td("未经复议直接起诉", "colspan=5", word)
        + td("复议后起诉", "colspan=5", word) + "</tr>",
        "<tr>" + "".join(td(h, "", word) for h in heads * 2) + "</tr>",
        "<tr>" + "".join(td(v, "", word) for v in values) + "</tr>",
    ]


CHROME_TOP = """<div class="top-nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a> | <a href="/bsfw/">办事服务</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>
"""


def chrome_bottom(related):
    items = "".join('<li><a href="/zwgk/ndbg/{0}.html">{1}</a><span>2020-01-1{0}</span></li>'.format(i, t) for i, t in enumerate(related))
    return """<div class="xgwz"><h4>相关文章</h4><ul>{}</ul></div>
<div id="footer"><p>版权所有：示例市人民政府　主办：示例市人民政府办公室　联系电话：0000-2345678</p>
<p>网站标识码：1234000001　ICP备案号：示ICP备05012345号　公网安备 12345602000006号</p>
<p>您是本站第 <span>1203456</span> 位访问者</p></div>
""".format(items)


def html_2019_gbk_word():
    title = "示例市玥湖区人民政府办公室2019年政府信息公开工作年度报告"
    t2 = table2_html([
        ("一", ["本年新<br>制作数量", "本年新<br>公开数量", "对外公开<br>总数量"], [("规章", ["0", "0", "0"]), ("规范性文件", ["4", "4", "27"])]),
        ("六", ["上一年<br>项目数量", "本年增/减", "处理决定<br>数量"], [("行政处罚", ["12", "-2", "96"]), ("行政强制", ["3", "0", "0"])]),
        ("五", ["上一年<br>项目数量", "本年增/减", "处理决定<br>数量"], [("行政许可", ["145", "+6", "3,212"]), ("其他对外管理服务事项", ["", "", ""])]),
        ("八", ["上一年<br>项目数量", "本年增/减"], [("行政事业性收费", ["2", "0"])]),
        ("九", ["采购项目数量", "采购总金额"], [("政府集中采购", ["9", "251000元"])]),
    ], word=True)
    data = {
        "一、本年新收政府信息公开申请数量": ["17", "3", "1", "0", "0", "0", "21"],
        "二、上年结转政府信息公开申请数量": ["2", "", "", "", "", "", "2"],
        "（一）予以公开": ["8", "2", "1", "0", "0", "0", "11"],
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": ["2", "0", "0", "0", "0", "0", "2"],
        "3.危及“三安全一稳定”": ["1", "", "", "", "", "", "1"],
        "5.属于三类内部事务信息": ["1", "0", "0", "0", "0", "0", "1"],
        "1.本机关不掌握相关政府信息": ["4", "1", "0", "0", "0", "0", "5"],
        "2.没有现成信息需要另行制作": ["1", "0", "0", "0", "0", "0", "1"],
        "1.信访举报投诉类申请": ["1", "0", "0", "0", "0", "0", "1"],
        "（七）总计": ["18", "3", "1", "0", "0", "0", "22"],
        "四、结转下年度继续办理": ["1", "", "", "", "", "", "1"],
    }
    t3 = ["<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>"] + \
         table3_rows_html(T3_ROWS_2019 + T3_TAIL_2019, data, True, False) + ["</table>"]
    t4 = ["<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>"] + \
         table4_rows_html(["2", "1", "0", "1", "4", "1", "0", "0", "0", "1", "0", "0", "0", "1", "1"], True) + ["</table>"]
    body = """<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{title}_示例市玥湖区人民政府</title>
<style>p.MsoNormal {{margin:0cm;font-size:10.5pt}}</style>
<script>var _hmt = _hmt || []; document.write("访问量 1000");</script>
</head>
<body>
{chrome_top}
<div class="article">
<h1 class="title">{title}</h1>
<div class="info">发布时间：2020-01-15　来源：区政府办　浏览次数：<span>318</span>　【<a href="javascript:window.print()">打印</a>】</div>
<div class="content">
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>本报告根据《中华人民共和国政府信息公开条例》要求编制。联系人：朱镕，电话：0000-7654321。<o:p></o:p></span></p>
<p class=MsoNormal><b><span style='font-family:黑体'>一、总体情况</span></b></p>
<p class=MsoNormal><span>2019年，我区共收到政府信息公开申请21件，同比增长31.25%。</span></p>
<p class=MsoNormal><b><span style='font-family:黑体'>二、主动公开政府信息情况</span></b></p>
{t2}
<p class=MsoNormal><b><span style='font-family:黑体'>三、收到和处理政府信息公开申请情况</span></b></p>
{t3}
<p class=MsoNormal><b><span style='font-family:黑体'>四、政府信息公开行政复议、行政诉讼情况</span></b></p>
{t4}
<p class=MsoNormal><b><span style='font-family:黑体'>五、存在的主要问题及改进情况</span></b></p>
<p class=MsoNormal><span>信息公开的规范性仍需加强。</span></p>
<p class=MsoNormal><b><span style='font-family:黑体'>六、其他需要报告的事项</span></b></p>
<p class=MsoNormal><span>本年度未收取信息处理费。</span></p>
</div>
</div>
{chrome_bottom}
</body>
</html>
""".format(title=title, chrome_top=CHROME_TOP, t2=t2, t3="\n".join(t3), t4="\n".join(t4),
           chrome_bottom=chrome_bottom(["示例市玥湖区人民政府办公室2018年政府信息公开工作年度报告",
                                        "示例市玥湖区教育局2019年政府信息公开工作年度报告"]))
    return body


def html_2021_layout_tables():
    title = "示例市人力资源和社会保障局2022年政府信息公开工作年度报告"
    t2 = table2_html([
        ("一", ["本年制发件数", "本年废止件数", "现行有效件数"], [("规章", ["0", "0", "0"]), ("行政规范性文件", ["5", "2", "31"])]),
        ("五", ["本年处理决定数量"], [("行政许可", ["2,418"])]),
        ("六", ["本年处理决定数量"], [("行政处罚", ["37"]), ("行政强制", ["0"])]),
        ("八", ["本年收费金额（单位：万元）"], [("行政事业性收费", ["0.12"])]),
    ], word=False)
    data = {
        "一、本年新收政府信息公开申请数量": ["40", "6", "0", "1", "2", "0", "49"],
        "二、上年结转政府信息公开申请数量": ["3", "0", "0", "0", "0", "0", "3"],
        "（一）予以公开": ["20", "3", "0", "1", "1", "0", "25"],
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": ["4", "1", "0", "0", "0", "0", "5"],
        "4.保护第三方合法权益": ["2", "0", "0", "0", "0", "0", "2"],
        "1.本机关不掌握相关政府信息": ["9", "1", "0", "0", "1", "0", "11"],
        "3.补正后申请内容仍不明确": ["1", "0", "0", "0", "0", "0", "1"],
        "2.重复申请": ["2", "0", "0", "0", "0", "0", "2"],
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": ["2", "1", "0", "0", "0", "0", "3"],
        "3.其他": ["1", "0", "0", "0", "0", "0", "1"],
        "（七）总计": ["41", "6", "0", "1", "2", "0", "50"],
        "四、结转下年度继续办理": ["2", "0", "0", "0", "0", "0", "2"],
    }
    # Tables 三 and 四 printed as one table, the whole page inside a layout table.
    t34 = ["<table border=\"1\" style=\"border-collapse:collapse\"><tbody>"] + \
          table3_rows_html(T3_ROWS_2019 + T3_TAIL_2021, data, False, True) + \
          ["<tr><td colspan=\"10\">四、政府信息公开行政复议、行政诉讼情况</td></tr>"] + \
          table4_rows_html(["3", "1", "0", "0", "4", "2", "0", "0", "1", "3", "0", "0", "0", "0", "0"], False) + ["</tbody></table>"]
    return """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<title>{title}-示例市人民政府门户网站</title>
</head>
<body>
<table class="layout" width="1000"><tr><td>
{chrome_top}
</td></tr><tr><td>
<div class="detail">
<h2>{title}</h2>
<p>　　本年度报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。</p>
<p>　　一、总体情况</p>
<p>　　二、主动公开政府信息情况</p>
{t2}
<p>　　三、收到和处理政府信息公开申请情况</p>
{t34}
<p>　　五、存在的主要问题及改进情况</p>
<p>　　六、其他需要报告的事项</p>
<p>　　本年度实际收取信息处理费共计400元。</p>
</div>
</td></tr><tr><td>
{chrome_bottom}
</td></tr></table>
</body>
</html>
""".format(title=title, chrome_top=CHROME_TOP, t2=t2, t34="\n".join(t34),
           chrome_bottom=chrome_bottom(["示例市人力资源和社会保障局2021年政府信息公开工作年度报告"]))


def browser_copy(page):
    """The text a browser's select-all + copy gives: blocks on their own lines, table rows with cells
    joined by tabs, each spanning cell written once (in the row where it starts)."""
    from html.parser import HTMLParser

    class Copy(HTMLParser):
        def __init__(self):
            super().__init__()
            self.lines, self.line, self.cells, self.cell, self.in_cell, self.skip = [], "", None, "", False, 0

        def handle_starttag(self, tag, attrs):
            if tag in ("script", "style", "title"):
                self.skip += 1
            elif tag == "tr":
                self.cells = []
            elif tag in ("td", "th"):
                self.in_cell, self.cell = True, ""
            elif tag in ("p", "div", "h1", "h2", "h4", "li", "br") and not self.in_cell:
                self.flush()

        def handle_endtag(self, tag):
            if tag in ("script", "style", "title"):
                self.skip -= 1
            elif tag in ("td", "th"):
                self.cells.append(" ".join(self.cell.split()))
                self.in_cell = False
            elif tag == "tr":
                self.lines.append("\t".join(self.cells))
                self.cells = None
            elif tag in ("p", "div", "h1", "h2", "h4", "li") and not self.in_cell:
                self.flush()

        def handle_data(self, data):
            if self.skip:
                return
            if self.in_cell:
                self.cell += data
            elif self.cells is None:
                self.line += data

        def flush(self):
            if self.line.strip():
                self.lines.append(self.line.strip())
            self.line = ""

    # The page-layout table around the article copies as plain blocks.
    page = page.replace('<table class="layout" width="1000"><tr><td>', "<div>").replace("</td></tr><tr><td>", "</div><div>")
    page = page.replace("</td></tr></table>\n</body>", "</div>\n</body>")
    copy = Copy()
    copy.feed(page)
    copy.flush()
    return "\n".join(copy.lines) + "\n"


if __name__ == "__main__":
    with open("Samples/constructed-2022-city-hrss-browser-copy.txt", "w", encoding="utf-8") as f:
        f.write(browser_copy(html_2021_layout_tables()))
    with open("Samples/constructed-2019-district-office-gbk-word.html", "wb") as f:
        f.write(html_2019_gbk_word().encode("gb18030"))
    with open("Samples/constructed-2022-city-hrss-spans.html", "w", encoding="utf-8") as f:
        f.write(html_2021_layout_tables())


def html_2021_narrow_columns():
    """A 2021-layout page whose table columns are narrow (a colgroup with fixed widths), as many city
    sites publish it: printed, the sub-row labels wrap over several lines with the numbers on the middle
    one, the group labels (rowspan) are centred vertically across their rows, the headers wrap, and table
    三 is long enough to run across a page (its header rows in <thead>, repeated by a browser)."""
    title = "示例市自然资源和规划局2021年政府信息公开工作年度报告"
    t2 = table2_html([
        ("一", ["本年制发件数", "本年废止件数", "现行有效件数"], [("规章", ["0", "0", "0"]), ("行政规范性文件", ["3", "1", "18"])]),
        ("五", ["本年处理决定数量"], [("行政许可", ["1,236"])]),
        ("六", ["本年处理决定数量"], [("行政处罚", ["45"]), ("行政强制", ["2"])]),
        ("八", ["本年收费金额（单位：万元）"], [("行政事业性收费", ["36.5"])]),
    ], word=False)
    blank = ["", "", "", "", ""]
    data = {
        "一、本年新收政府信息公开申请数量": ["52", "7", "1", "0", "2", "1", "63"],
        "二、上年结转政府信息公开申请数量": ["4"] + blank + ["4"],
        "（一）予以公开": ["21", "3", "1", "0", "1", "0", "26"],
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": ["5", "1", "0", "0", "0", "0", "6"],
        "1.属于国家秘密": ["1", "0", "0", "0", "0", "0", "1"],
        "4.保护第三方合法权益": ["2", "0", "0", "0", "0", "0", "2"],
        "6.属于四类过程性信息": ["1", "0", "0", "0", "0", "0", "1"],
        "8.属于行政查询事项": ["0", "1", "0", "0", "0", "0", "1"],
        "1.本机关不掌握相关政府信息": ["9", "1", "0", "0", "1", "0", "11"],
        "2.没有现成信息需要另行制作": ["2", "0", "0", "0", "0", "0", "2"],
        "3.补正后申请内容仍不明确": ["1", "0", "0", "0", "0", "1", "2"],
        "1.信访举报投诉类申请": ["1", "0", "0", "0", "0", "0", "1"],
        "2.重复申请": ["3", "0", "0", "0", "0", "0", "3"],
        "4.无正当理由大量反复申请": ["1", "0", "0", "0", "0", "0", "1"],
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请": ["3", "1", "0", "0", "0", "0", "4"],
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请": ["1"] + blank + ["1"],
        "3.其他": ["2", "0", "0", "0", "0", "0", "2"],
        "（七）总计": ["53", "7", "1", "0", "2", "1", "64"],
        "四、结转下年度继续办理": ["3"] + blank + ["3"],
    }
    t3_rows = table3_rows_html(T3_ROWS_2019 + T3_TAIL_2021, data, False, True)
    t3 = (["<table class=\"narrow\"><colgroup><col style=\"width:2em\"><col style=\"width:5.9em\">"
           "<col style=\"width:12.6em\">" + "<col style=\"width:3em\">" * 7 + "</colgroup>", "<thead>"]
          + t3_rows[:3] + ["</thead><tbody>"] + t3_rows[3:] + ["</tbody></table>"])
    t4 = (["<table class=\"narrow\"><colgroup>" + "<col style=\"width:3.4em\">" * 15 + "</colgroup>"]
          + table4_rows_html(["2", "1", "", "1", "4", "1", "0", "0", "1", "2", "1", "0", "0", "0", "1"], False)
          + ["</table>"])
    prose = "".join("<p>　　{}</p>\n".format(p) for p in [
        "本局坚持以公开为常态、不公开为例外，围绕国土空间规划、自然资源确权登记、耕地保护和地质灾害防治等重点领域，"
        "持续推进决策、执行、管理、服务、结果公开，不断提升政府信息公开工作的规范化、标准化水平。",
        "（一）主动公开。及时公开机构职能、政策文件、规划计划、行政执法、财政预决算等信息，"
        "对涉及群众切身利益的征地补偿、不动产登记办事指南等事项做到应公开尽公开。",
        "（二）依申请公开。严格按照法定时限和程序办理政府信息公开申请，规范答复文书格式，"
        "加强与申请人的沟通，对申请内容不明确的及时告知补正。",
        "（三）政府信息管理。建立健全信息发布审核机制，落实“三审三校”制度，对公开前的信息进行保密审查，"
        "定期清理过时和失效信息。",
        "（四）平台建设。优化门户网站政府信息公开专栏，完善栏目设置，提升检索和展示功能，"
        "利用政务新媒体扩大政策解读的覆盖面。",
        "（五）监督保障。将政府信息公开工作纳入年度绩效考核，加强业务培训，"
        "畅通社会评议和投诉渠道，自觉接受社会监督。",
    ])
    return """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
@page {{ size: A4; margin: 18mm 16mm 20mm 16mm; @bottom-center {{ content: "— " counter(page) " —"; font-size: 10pt; }} }}
body {{ font-size: 12px; line-height: 1.5; }}
table {{ border-collapse: collapse; }}
td {{ border: 1px solid #000; padding: 1px 2px; text-align: center; }}
table.narrow {{ table-layout: fixed; }}
tr {{ break-inside: avoid; }}
</style>
</head>
<body>
<div class="detail">
<h2>{title}</h2>
<p>　　本年度报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。</p>
<p>　　一、总体情况</p>
{prose}<p>　　二、主动公开政府信息情况</p>
{t2}
<p>　　三、收到和处理政府信息公开申请情况</p>
{t3}
<p>　　四、政府信息公开行政复议、行政诉讼情况</p>
{t4}
<p>　　五、存在的主要问题及改进情况</p>
<p>　　政策解读的形式还不够丰富，依申请公开答复的规范性有待进一步提高。</p>
<p>　　六、其他需要报告的事项</p>
<p>　　本年度实际收取信息处理费共计150元。</p>
</div>
</body>
</html>
""".format(title=title, prose=prose, t2=t2, t3="\n".join(t3), t4="\n".join(t4))


if __name__ == "__main__":
    with open("Samples/constructed-2021-city-natural-resources-narrow.html", "w", encoding="utf-8") as f:
        f.write(html_2021_narrow_columns())


# ---------------------------------------------------------------------------------------------------
# Pre-2019 HTML pages

NATIONAL_TEMPLATE = [
    # (label, unit, value) — value None: a heading row
    ("统计指标", "单位", "统计数"),
    ("一、主动公开情况", "", None),
    ("（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）", "条", "1,286"),
    ("其中：主动公开规范性文件数", "条", "12"),
    ("制发规范性文件总数", "件", "12"),
    ("（二）通过不同渠道和方式公开政府信息的情况", "", None),
    ("1.政府公报公开政府信息数", "条", "35"),
    ("2.政府网站公开政府信息数", "条", "1,120"),
    ("3.政务微博公开政府信息数", "条", "406"),
    ("4.政务微信公开政府信息数", "条", "388"),
    ("5.其他方式公开政府信息数", "条", "—"),
    ("二、回应解读情况", "", None),
    ("（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）", "次", "4"),
    ("（二）通过不同渠道和方式回应解读的情况", "", None),
    ("1.参加或举办新闻发布会总次数", "次", "2"),
    ("三、依申请公开情况", "", None),
    ("（一）收到申请数", "件", "47"),
    ("1.当面申请数", "件", "12"),
    ("2.传真申请数", "件", "0"),
    ("3.网络申请数", "件", "30"),
    ("4.信函申请数", "件", "5"),
    ("（二）申请办结数", "件", "45"),
    ("1.按时办结数", "件", "45"),
    ("2.延期办结数", "件", "0"),
    ("（三）申请答复数", "件", "45"),
    ("1.属于已主动公开范围数", "件", "9"),
    ("2.同意公开答复数", "件", "18"),
    ("3.同意部分公开答复数", "件", "3"),
    ("4.不同意公开答复数", "件", "4"),
    ("其中：涉及国家秘密", "件", "0"),
    ("涉及商业秘密", "件", "1"),
    ("涉及个人隐私", "件", "2"),
    ("危及国家安全、公共安全、经济安全和社会稳定", "件", "0"),
    ("不是《条例》所指政府信息", "件", "1"),
    ("法律法规规定的其他情形", "件", "0"),
    ("5.不属于本行政机关公开数", "件", "6"),
    ("6.申请信息不存在数", "件", "3"),
    ("7.告知作出更改补充数", "件", "1"),
    ("8.告知通过其他途径办理数", "件", "1"),
    ("四、行政复议数量", "件", "3"),
    ("（一）维持具体行政行为数", "件", "2"),
    ("（二）被依法纠错数", "件", "1"),
    ("（三）其他情形数", "件", "0"),
    ("五、行政诉讼数量", "件", "1"),
    ("（一）维持具体行政行为或者驳回原告诉讼请求数", "件", "1"),
    ("（二）被依法纠错数", "件", "0"),
    ("（三）其他情形数", "件", "0"),
    ("六、举报投诉数量", "件", "0"),
    ("七、依申请公开信息收取的费用", "万元", "0.015"),
    ("八、机构建设和保障经费情况", "", None),
    ("（一）政府信息公开工作专门机构数", "个", "1"),
    ("（二）设置政府信息公开查阅点数", "个", "2"),
    ("（三）从事政府信息公开工作人员数", "人", "5"),
    ("1.专职人员数（不包括政府公报及政府网站工作人员数）", "人", "1"),
    ("2.兼职人员数", "人", "4"),
    ("（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）", "万元", "3.5"),
    ("九、政府信息公开会议和培训情况", "", None),
    ("（一）召开政府信息公开工作会议或专题会议数", "次", "2"),
    ("（二）举办各类培训班数", "次", "1"),
    ("（三）接受培训人员数", "人次", "60"),
]


def html_2015_appendix_national():
    title = "示例县人力资源和社会保障局2015年政府信息公开工作年度报告"
    rows = []
    for label, unit, value in NATIONAL_TEMPLATE:
        if value is None:
            rows.append("<tr><td colspan=\"3\"><b>{}</b></td></tr>".format(label))
        else:
            rows.append("<tr><td>{}</td><td>{}</td><td>{}</td></tr>".format(label, unit, value))
    return """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}</title></head>
<body>
<div class="breadcrumb">您的位置：首页 &gt; 信息公开 &gt; 年度报告</div>
<div id="printContent">
<h2 class="article-title">{title}</h2>
<p>　　本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据统计期限自2015年1月1日至2015年12月31日。</p>
<p>　　一、概述</p>
<p>　　2015年，我局主动公开政府信息1286条，其中通过政府网站公开政府信息1120条。</p>
<p>　　二、依申请公开情况</p>
<p>　　全年共收到政府信息公开申请45件，其中当面申请12件，网络申请30件，信函申请5件；同意公开18件，占40%。</p>
<p>　　三、复议诉讼情况</p>
<p>　　全年因政府信息公开引起行政复议3件，行政诉讼1件。</p>
<p>　　附件：政府信息公开情况统计表</p>
<table border="1">
{rows}
</table>
</div>
<div class="footer">主办单位：示例县人力资源和社会保障局　备案号：示ICP备10000001号</div>
</body></html>
""".format(title=title, rows="\n".join(rows))


def html_2013_narrative_hant():
    title = "示例市文化廣電新聞出版局2013年政府信息公開工作年度報告"
    return """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{title}</title></head>
<body>
<div id="nav"><a>首頁</a> <a>政務公開</a></div>
<table width="980"><tr><td>
<div class="position">當前位置：首頁 &gt; 政務公開 &gt; 年度報告</div>
<h1>{title}</h1>
<p>　　本報告由示例市文化廣電新聞出版局根據《中華人民共和國政府信息公開條例》要求編制。報告中所列數據的統計期限自2013年1月1日起至2013年12月31日止。</p>
<p>　　一、概述</p>
<p>　　2013年，我局進一步健全政府信息公開工作機制，全年召開專題會議2次。</p>
<p>　　二、主動公開政府信息情況</p>
<p>　　全年主動公開政府信息1,052條，其中組織機構類信息12條，部門檔案類信息86條，動態類信息735條，財政預決算信息8條，其他信息211條。網站訪問量約12萬人次。</p>
<p>　　三、依申請公開政府信息情況</p>
<p>　　全年共受理政府信息公開申請17件，比上年增長21.4%，其中網上申請11件，占64.7%；當面申請4件；信函申請2件。已答覆17件，其中同意公開9件，同意部分公開2件，不同意公開1件，申請信息不存在3件，不屬於本行政機關公開2件。</p>
<p>　　四、政府信息公開收費及減免情況</p>
<p>　　本年度未收取任何費用。</p>
<p>　　五、因政府信息公開申請行政複議、提起行政訴訟的情況</p>
<p>　　全年因政府信息公開引起行政複議1件，其中維持具體行政行為的1件；未發生行政訴訟。</p>
<p>　　六、存在的主要問題和改進措施</p>
<p>　　部分工作人員對條例理解不夠深入。</p>
</td></tr></table>
<div class="related"><h3>相關文章</h3><ul><li><a>示例市文化廣電新聞出版局2012年政府信息公開工作年度報告</a> 2013-03-01</li></ul></div>
<div class="footer">版權所有 示例市文化廣電新聞出版局 ICP備案：示ICP備20000002號 訪問量：88888</div>
</body></html>
""".format(title=title)


if __name__ == "__main__":
    with open("Samples/constructed-2015-county-hrss-appendix.html", "w", encoding="utf-8") as f:
        f.write(html_2015_appendix_national())
    with open("Samples/constructed-2013-city-culture-narrative-hant.html", "w", encoding="utf-8") as f:
        f.write(html_2013_narrative_hant())


# ---------------------------------------------------------------------------------------------------
# Provincial statistics forms of 2008–2018 (one per form; the form's rows and columns exactly as the
# published blank form prints them, with an invented agency and invented figures).

# Gansu: 定西市政府信息公开情况统计报表 (定政办发〔2008〕46号, 附件3). Rows: (label, unit, code, 本期实际, 本年累计).
# The report appends its December form: 本期实际 is December's figure, 本年累计 the year's.
DINGXI_FORM = [
    ("主动公开信息数", "条", "01", "86", "1,035"),
    ("其中:全文电子化的主动公开信息数", "条", "02", "86", "1,035"),
    ("新增的行政规范性文件数", "条", "03", "1", "12"),
    ("提供服务类信息数", "条", "04", "20", "236"),
    ("网站专栏页面访问量", "人次", "05", "4,210", "51,388"),
    ("现场接待人数", "人次", "06", "3", "41"),
    ("网上咨询数", "人次", "07", "5", "63"),
    ("咨询电话接听数", "人次", "08", "9", "118"),
    ("依申请公开信息目录数", "条", "09", "", "7"),
    ("申请总数", "条", "10", "2", "19"),
    ("其中:1.当面申请数", "条", "11", "1", "8"),
    ("2.传真申请数", "条", "12", "", "1"),
    ("3.电子邮件申请数", "条", "13", "", "2"),
    ("4.网上申请数", "条", "14", "1", "6"),
    ("5.信函申请数", "条", "15", "", "2"),
    ("6.其他形式申请数", "条", "16", "", "0"),
    ("对申请的答复总数", "条", "17", "2", "18"),
    ("其中:1.同意公开答复数", "条", "18", "1", "11"),
    ("2.同意部分公开答复数", "条", "19", "", "2"),
    ("3.否决公开答复总数", "条", "20", "1", "5"),
    ("其中:(1)“非《规定》所指政府信息”数", "条", "21", "", "1"),
    ("(2)“信息不存在”数", "条", "22", "1", "2"),
    ("(3)“非本部门掌握”数", "条", "23", "", "1"),
    ("(4)“申请内容不明确”数", "条", "24", "", "0"),
    ("(5)“免予公开范围1”数", "条", "25", "", "0"),
    ("(6)“免予公开范围2”数", "条", "26", "", "0"),
    ("(7)“免予公开范围3”数", "条", "27", "", "1"),
    ("(8)“免予公开范围4”数", "条", "28", "", "0"),
    ("(9)“免予公开范围5”数", "条", "29", "", "0"),
    ("(10)“免予公开范围6”数", "条", "30", "", "0"),
    ("(11)其它原因", "条", "31", "", "0"),
    ("行政复议数", "件", "32", "", "1"),
    ("行政诉讼数", "件", "33", "", "0"),
    ("行政申诉数", "件", "34", "", "2"),
    ("其中:对本部门首次处理不满意的行政申诉数 *", "件", "35", "", "1"),
]


def html_2012_gansu_dingxi_form():
    title = "示例县人民政府办公室2012年政府信息公开工作年度报告"
    header = ["指 标 名 称", "计量<br>单位", "代码", "本期实际", "本年累计"]
    rows = ["<tr>" + "".join(td(h, word=True) for h in header) + "</tr>",
            "<tr>" + "".join(td(h, word=True) for h in ["甲", "乙", "丙", "1", "2"]) + "</tr>"]
    for label, unit, code, period, year in DINGXI_FORM:
        rows.append("<tr>" + td(label, "align=left", word=True) + "".join(td(c, word=True) for c in (unit, code, period, year)) + "</tr>")
    return """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{title}</title></head>
<body>
<div class="nav">首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<div class="article">
<h1>{title}</h1>
<p class=MsoNormal>　　本报告根据《中华人民共和国政府信息公开条例》和《定西市政府信息公开统计制度（试行）》（定政办发〔2008〕46号）编制，所列数据的统计期限自2012年1月1日起至2012年12月31日止。</p>
<p class=MsoNormal>　　一、主动公开政府信息情况</p>
<p class=MsoNormal>　　2012年，我县共主动公开政府信息1035条，全部实现全文电子化。</p>
<p class=MsoNormal>　　二、依申请公开政府信息情况</p>
<p class=MsoNormal>　　全年共受理政府信息公开申请19件，其中当面申请8件，网上申请6件。已答复18件，其中同意公开11件，同意部分公开2件。</p>
<p class=MsoNormal>　　三、政府信息公开的收费及减免情况</p>
<p class=MsoNormal>　　全年未向申请人收取费用。</p>
<p class=MsoNormal>　　四、因政府信息公开申请行政复议、提起行政诉讼的情况</p>
<p class=MsoNormal>　　全年因政府信息公开申请行政复议1件，未发生行政诉讼。</p>
<p class=MsoNormal>　　附件：示例县政府信息公开情况统计报表（2012年12月）</p>
<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'>
{rows}
</table>
</div>
<div class="footer">主办：示例县人民政府办公室</div>
</body></html>
""".format(title=title, rows="\n".join(rows))


if __name__ == "__main__":
    with open("Samples/constructed-2012-gansu-county-office.html", "w", encoding="utf-8") as f:
        f.write(html_2012_gansu_dingxi_form())


# Anhui: 政府信息公开情况统计表 of the Anhui statistics system, as 六安市统计局 prints it (附件1). Rows as printed
# (the copy numbers both request rows "1."), with the units a report fills in; (label, unit, 数量).
ANHUI_FORM = [
    ("一、主动公开信息数", "条", "236"),
    ("其中:机构领导、设置及人事类信息", "条", "12"),
    ("政策法规、规范性文件信息", "条", "9"),
    ("业务公开信息", "条", "58"),
    ("规划计划、统计信息", "条", "71"),
    ("财务预决算信息", "条", "6"),
    ("招标采购信息", "条", "3"),
    ("部门动态、公告和新闻发布等其他信息", "条", "77"),
    ("二、依申请公开信息目录数", "条", "4"),
    ("1. 信息公开申请数", "件", "7"),
    ("其中:①当面申请数", "件", "2"),
    ("②网上填表及电子邮件申请数", "件", "4"),
    ("③信函及传真申请数", "件", "1"),
    ("1. 对申请的答复数", "件", "7"),
    ("其中:①同意公开数", "件", "5"),
    ("②同意部分公开数", "件", "1"),
    ("③不予公开数", "件", "0"),
    ("④其他情况", "件", "1"),
    ("三、有关政府信息公开投诉数", "件", "0"),
    ("有关政府信息公开行政复议数", "件", "0"),
]


def pipes_2016_anhui_form():
    rows = ["| 指  标  名  称 | 计量单位 | 数量 |"] + ["| {} | {} | {} |".format(*row) for row in ANHUI_FORM]
    return """示例县统计局2016年政府信息公开工作年度报告

根据《中华人民共和国政府信息公开条例》和《安徽省政府信息公开统计制度》要求，现公布本局2016年政府信息公开工作年度报告。本报告所列数据的统计期限自2016年1月1日起至2016年12月31日止。

一、主动公开政府信息情况
2016年，本局共主动公开政府信息236条，其中规划计划、统计信息71条。

二、依申请公开政府信息情况
全年共收到政府信息公开申请7件，已全部答复，其中同意公开5件，同意部分公开1件。

三、政府信息公开的收费及减免情况
本局依申请提供政府信息未收取任何费用。

四、因政府信息公开申请行政复议、提起行政诉讼的情况
全年未发生因政府信息公开申请行政复议、提起行政诉讼的情况。

附件1
示例县统计局政府信息公开情况统计表
填报单位：示例县统计局　　　　2016年度
{rows}
""".format(rows="\n".join(rows))


if __name__ == "__main__":
    with open("Samples/constructed-2016-anhui-county-statistics-bureau.txt", "w", encoding="utf-8") as f:
        f.write(pipes_2016_anhui_form())


# Shanghai: 浦东新区政府信息公开月报, the monthly form of the Pudong reporting system, as its form page prints it
# (yojiwei/pudongps, WebRoot/system/app/applyopen/xxbs.jsp): (indent, label, unit, code, 本月累计, 本年累计).
# The report appends its December form: 本月累计 is December's figure, 本年累计 the year's; the cells the
# system computes (12, 19, 27, 37, 38, 43, 49) have no 本月 entry on the form and are left blank.
PUDONG_FORM = [
    (0, "主动信息公开", "条", "01", "64", "812"),
    (3, "其中：全文电子化的主动公开信息数", "条", "02", "52", "700"),
    (9, "公文类信息数", "条", "03", "9", "97"),
    (12, "其中：新增的行政规范性文件数", "条", "04", "1", "6"),
    (0, "提供服务类信息数", "条", "05", "12", "143"),
    (0, "网站专栏页面访问量", "人次", "06", "3,862", "46,275"),
    (0, "现场接待人数", "人次", "07", "4", "57"),
    (0, "网上咨询数", "人次", "08", "6", "88"),
    (0, "咨询电话接听数", "人次", "09", "21", "264"),
    (0, "依申请公开信息目录数", "条", "10", "1", "15"),
    (0, "属于国家秘密的公文类信息数", "条", "11", "0", "3"),
    (0, "申请总次数", "条", "12", "", "26"),
    (3, "其中：1.当面申请数", "条", "13", "1", "9"),
    (9, "2.传真申请数", "条", "14", "0", "2"),
    (9, "3.电子邮件申请数", "条", "15", "0", "4"),
    (9, "4.网上申请数", "条", "16", "2", "8"),
    (9, "5.信函申请数", "条", "17", "0", "3"),
    (9, "6.其它形式申请数", "条", "18", "0", "0"),
    (0, "对申请的答复总数", "条", "19", "", "25"),
    (3, "其中：1.同意公开答复数", "条", "20", "2", "13"),
    (9, "2.同意部分公开答复数", "条", "21", "0", "3"),
    (9, "3.非《规定》所指政府信息数", "条", "22", "0", "1"),
    (9, "4.信息不存在数", "条", "23", "1", "2"),
    (9, "5.非本机关职权范围数", "条", "24", "0", "2"),
    (9, "6.申请内容不明确数", "条", "25", "0", "1"),
    (9, "7.重复申请数", "条", "26", "0", "1"),
    (9, "8.不予公开答复总数", "条", "27", "", "2"),
    (14, "（1）“国家秘密”数", "条", "28", "0", "0"),
    (14, "（2）“商业秘密”数", "条", "29", "0", "1"),
    (14, "（3）“个人隐私”数", "条", "30", "0", "1"),
    (14, "（4）“过程中信息且影响安全稳定”数", "条", "31", "0", "0"),
    (14, "（5）“危及安全和稳定”数", "条", "32", "0", "0"),
    (14, "（6）“法律法规规定的其他情形”数", "条", "33", "0", "0"),
    (0, "行政复议数", "件", "34", "0", "1"),
    (0, "行政诉讼数", "件", "35", "0", "1"),
    (0, "行政申诉数", "件", "36", "0", "0"),
    (0, "收取费用总额", "元", "37", "", "43.5"),
    (3, "主动公开信息收费总数", "元", "38", "", "5"),
    (9, "其中：1.邮寄费", "元", "39", "0", "5"),
    (15, "2.复制费（纸张）", "元", "40", "0", "0"),
    (15, "3.复制费（光盘）", "元", "41", "0", "0"),
    (15, "4.复制费（软盘）", "元", "42", "0", "0"),
    (3, "依申请提供信息收取费用", "元", "43", "", "38.5"),
    (9, "其中：1.检索费", "元", "44", "0", "0"),
    (15, "2.邮寄费", "元", "45", "0", "12"),
    (15, "3.复制费（纸张）", "元", "46", "2.5", "26.5"),
    (15, "4.复制费（光盘）", "元", "47", "0", "0"),
    (15, "5.复制费（软盘）", "元", "48", "0", "0"),
    (0, "政府信息公开指定专职人员数", "人", "49**", "", "3"),
    (3, "其中：1.全职人员", "人", "50**", "1", "1"),
    (9, "2.兼职人员", "人", "51**", "2", "2"),
    (0, "处理政府信息公开的专项经费", "万元", "52**", "0.8", "1.6"),
    (0, "处理政府信息公开的实际支出", "万元", "53**", "0.75", "1.42"),
    (0, "与诉讼有关的总费用", "万元", "54**", "0", "0.3"),
]


def html_2010_shanghai_pudong_form():
    title = "示例区人民政府办公室2010年政府信息公开工作年度报告"
    rows = ['<tr><td colspan="5" align="center">2010 年 12 月　示例区人民政府办公室</td></tr>',
            '<tr class="bttn">' + "".join('<td width="{}%">{}</td>'.format(w, h) for w, h in
                                          [(40, "指标名称"), (15, "计算单位"), (15, "代码"), (15, "本月累计"), (15, "本年累计")]) + "</tr>"]
    for indent, label, unit, code, month, year in PUDONG_FORM:
        cells = [td("&nbsp;" * indent + label, 'align="left"')] + [td(c, 'align="center"') for c in (unit, code, month, year)]
        rows.append('<tr class="bttn">' + "".join(cells) + "</tr>")
    rows.append('<tr class="bttn"><td align="left" colspan="5">标记：**为半年度统计指标，其它为月度统计指标。</td></tr>')
    return """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{title}</title></head>
<body>
<div class="nav">首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>
<div class="article">
<h1>{title}</h1>
<p>本年度报告根据《中华人民共和国政府信息公开条例》和《上海市政府信息公开规定》要求，由示例区人民政府办公室编制。全文包括概述，主动公开政府信息情况，依申请公开政府信息情况，政府信息公开咨询处理情况，复议、诉讼和申诉情况，收费情况，存在的主要问题和改进措施，并附相关指标统计附表。本年度报告中所列数据的统计期限自2010年1月1日起至2010年12月31日止。</p>
<p>一、概述</p>
<p>2010年，本办继续按照《规定》要求推进政府信息公开工作，政府信息公开咨询、申请以及答复工作均得到了顺利开展。</p>
<p>二、主动公开政府信息情况</p>
<p>2010年，本办共主动公开政府信息812条，其中公文类信息97条。</p>
<p>三、依申请公开政府信息情况</p>
<p>全年共受理政府信息公开申请26件，其中当面申请9件，网上申请8件。已答复25件，其中同意公开13件，同意部分公开3件。</p>
<p>四、复议、诉讼和申诉情况</p>
<p>全年发生针对本办政府信息公开的行政复议1件、行政诉讼1件。</p>
<p>五、收费情况</p>
<p>全年依申请提供政府信息收取邮寄、复制费用共计38.5元。</p>
<p>六、存在的主要问题和改进措施</p>
<p>本办将进一步规范依申请公开的办理流程。</p>
<p>附：示例区人民政府办公室政府信息公开月报（2010年12月）</p>
<table class="FindAreaTable1" cellspacing="1" rules="cols" border="0">
{rows}
</table>
</div>
<div class="footer">主办：示例区人民政府办公室</div>
</body></html>
""".format(title=title, rows="\n".join(rows))


if __name__ == "__main__":
    with open("Samples/constructed-2010-shanghai-district-office.html", "w", encoding="utf-8") as f:
        f.write(html_2010_shanghai_pudong_form())


# ---------------------------------------------------------------------------------------------------
# A Word (.docx) report made from the 2019 HTML page: merged cells become w:gridSpan and w:vMerge.

def html_to_docx(page, path):
    import html as htmlmod, re, zipfile
    from html.parser import HTMLParser
    from xml.sax.saxutils import escape

    class Parse(HTMLParser):
        def __init__(self):
            super().__init__()
            self.blocks, self.table, self.row, self.cell, self.text, self.skip = [], None, None, None, "", 0
        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag in ("script", "style", "title"): self.skip += 1
            elif tag == "table": self.table = []
            elif tag == "tr": self.row = []
            elif tag in ("td", "th"):
                self.cell = {"text": "", "colspan": int(a.get("colspan", 1) or 1), "rowspan": int(a.get("rowspan", 1) or 1)}
            elif tag == "br" and self.cell is not None: self.cell["text"] += " "
        def handle_endtag(self, tag):
            if tag in ("script", "style", "title"): self.skip -= 1
            elif tag in ("td", "th"): self.row.append(self.cell); self.cell = None
            elif tag == "tr": self.table.append(self.row); self.row = None
            elif tag == "table": self.blocks.append(("table", self.table)); self.table = None
            elif tag in ("p", "h1", "div") and self.table is None and self.text.strip():
                self.blocks.append(("p", " ".join(self.text.split()))); self.text = ""
        def handle_data(self, data):
            if self.skip: return
            if self.cell is not None: self.cell["text"] += data
            elif self.table is None: self.text += data

    parser = Parse()
    parser.feed(page)

    def table_xml(rows):
        # Lay the cells on a grid, then write each row's cells with spans.
        grid = {}
        for r, row in enumerate(rows):
            c = 0
            for cell in row:
                while (r, c) in grid: c += 1
                for dr in range(cell["rowspan"]):
                    for dc in range(cell["colspan"]):
                        grid[(r + dr, c + dc)] = (cell, r, c)
                c += cell["colspan"]
        out = ["<w:tbl>"]
        for r in range(len(rows)):
            out.append("<w:tr>")
            cols = sorted(c for (rr, c) in grid if rr == r)
            for c in cols:
                cell, r0, c0 = grid[(r, c)]
                if c != c0: continue
                props = ""
                if cell["colspan"] > 1: props += '<w:gridSpan w:val="%d"/>' % cell["colspan"]
                if cell["rowspan"] > 1: props += '<w:vMerge w:val="restart"/>' if r == r0 else "<w:vMerge/>"
                text = " ".join(htmlmod.unescape(cell["text"]).replace("\u00a0", " ").split()) if r == r0 else ""
                out.append("<w:tc><w:tcPr>%s</w:tcPr><w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p></w:tc>" % (props, escape(text)))
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    body = []
    for kind, content in parser.blocks:
        if kind == "p":
            body.append("<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>" % escape(htmlmod.unescape(content)))
        else:
            body.append(table_xml(content))
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                + "".join(body) + "</w:body></w:document>")
    content_types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", content_types), ("_rels/.rels", rels), ("word/document.xml", document)]:
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 15, 0, 0, 0))   # fixed date: reproducible bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


if __name__ == "__main__":
    html_to_docx(html_2019_gbk_word(), "Samples/constructed-2019-district-office.docx")
