import Foundation

/// The site around a report: what a government website wraps every article in. Real report pages are
/// mostly this: a `<head>` full of metadata, style sheets and statistics scripts, a header with search
/// and accessibility links, a navigation bar with a few hundred links, a breadcrumb, a column list on
/// the side, article information (date, source, font size, print), share buttons, related articles,
/// and a footer with the sponsor, site code, ICP and public-security numbers, a telephone number and a
/// visit counter. Every site is made from a seed, so a corpus is the same on every run.
public struct SiteTemplate: Sendable {
    public let siteName: String
    public let domain: String
    let seed: UInt64
    /// The class/id names this site uses for its chrome (sites differ; girconv must know them all).
    let names: ChromeNames

    struct ChromeNames: Sendable {
        var nav: String, position: String, side: String, info: String, share: String, related: String, footer: String, search: String
    }

    static let chromeNameSets: [ChromeNames] = [
        ChromeNames(nav: "nav", position: "position", side: "left-side", info: "article-info", share: "bdshare", related: "xgwz", footer: "footer", search: "search"),
        ChromeNames(nav: "main-menu", position: "breadcrumb", side: "sidebar", info: "info", share: "share", related: "related", footer: "foot", search: "search-box"),
        ChromeNames(nav: "navbar", position: "dqwz", side: "side-bar", info: "article-attr", share: "bdsharebuttonbox", related: "xglj", footer: "bottom", search: "searchform"),
        ChromeNames(nav: "top-nav", position: "location", side: "sidebar-menu", info: "detail-info", share: "share-bar", related: "related-list", footer: "copyright", search: "search-wrap"),
    ]

    static let cities = ["示例市", "样本市", "东江市", "西岭市", "南湖市", "北川县", "清河县", "临江区", "安平县", "云台区", "长宁区", "金山县"]
    static let menu: [(String, [String])] = [
        ("首页", []),
        ("走进本地", ["概况", "历史沿革", "自然地理", "行政区划", "人口民族", "经济发展", "城市名片"]),
        ("政务公开", ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "政策文件", "政策解读", "规划计划", "财政资金", "人事信息", "重大项目", "建议提案办理", "统计信息"]),
        ("政务服务", ["个人办事", "法人办事", "部门服务", "便民服务", "办事指南", "表格下载", "网上预约"]),
        ("互动交流", ["领导信箱", "在线访谈", "意见征集", "网上调查", "12345热线", "常见问题"]),
        ("新闻中心", ["本地要闻", "部门动态", "基层动态", "通知公告", "图片新闻", "视频新闻"]),
        ("专题专栏", ["优化营商环境", "乡村振兴", "安全生产", "生态环境保护", "疫情防控", "双随机一公开", "扫黑除恶"]),
        ("数据开放", ["数据目录", "统计数据", "数据接口", "应用成果"]),
    ]
    static let headlines = ["关于印发2023年政务公开工作要点的通知", "市人民政府办公室关于做好春节期间安全生产工作的通知",
                            "2022年国民经济和社会发展统计公报", "关于公开征求《城市更新实施办法（征求意见稿）》意见的公告",
                            "市政府召开第12次常务会议", "2021年度部门决算公开", "关于调整最低工资标准的通知",
                            "市长信箱来信办理情况统计", "政府信息公开申请表", "政务服务事项目录（2023年版）",
                            "关于开展第三次全国土壤普查的通知", "2020年度政府信息公开工作年度报告"]

    /// Site number `index` (0…): its name, domain and chrome vocabulary.
    public init(index: Int) {
        seed = UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        let city = Self.cities[index % Self.cities.count]
        siteName = city + "人民政府门户网站"
        domain = "www.site\(index).gov.cn"
        names = Self.chromeNameSets[index % Self.chromeNameSets.count]
    }

    /// A full page around `body` (an HTML fragment): `charset` is declared in the page as given.
    public func page(title: String, body: String, charset: String, date: String) -> String {
        var random = SplitMix(seed: seed ^ UInt64(truncatingIfNeeded: title.hashValueStable))
        var out = ""
        out.reserveCapacity(body.utf8.count + 48_000)
        out += "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
        out += "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n"
        out += "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=\(charset)\" />\n"
        out += "<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\" />\n"
        out += "<meta name=\"SiteName\" content=\"\(siteName)\" />\n<meta name=\"SiteDomain\" content=\"\(domain)\" />\n"
        out += "<meta name=\"SiteIDCode\" content=\"\(4400000000 + random.next(99_999_999))\" />\n"
        out += "<meta name=\"ColumnName\" content=\"政府信息公开年报\" />\n<meta name=\"ColumnType\" content=\"年度报告\" />\n"
        out += "<meta name=\"ArticleTitle\" content=\"\(title)\" />\n<meta name=\"PubDate\" content=\"\(date) 09:30\" />\n"
        out += "<meta name=\"ContentSource\" content=\"\(siteName)\" />\n<meta name=\"Keywords\" content=\"政府信息公开,年度报告\" />\n"
        out += "<title>\(title)_\(siteName)</title>\n"
        for sheet in ["common", "index", "article", "font-awesome.min", "swiper.min", "elder"] {
            out += "<link rel=\"stylesheet\" type=\"text/css\" href=\"/static/css/\(sheet).css?v=\(random.next(9999))\" />\n"
        }
        out += "<style type=\"text/css\">\n" + styleSheet(&random) + "</style>\n"
        for script in ["jquery-1.12.4.min", "jquery.cookie", "swiper.min", "common", "elder-mode", "wza/aria"] {
            out += "<script type=\"text/javascript\" src=\"/static/js/\(script).js\"></script>\n"
        }
        out += "<script type=\"text/javascript\">\n" + statisticsScript(&random) + "</script>\n"
        out += "</head>\n<body>\n"
        out += header(&random)
        out += navigation()
        out += "<div class=\"\(names.position)\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; <a href=\"/zwgk/ndbg/\">政府信息公开年报</a></div>\n"
        out += "<div class=\"container clearfix\">\n"
        out += sidebar()
        out += "<div class=\"main-content\">\n<div class=\"article\">\n<h1 class=\"article-title\">\(title)</h1>\n"
        out += "<div class=\"\(names.info)\"><span>发布时间：\(date)</span><span>来源：\(siteName)</span><span>浏览次数：\(random.next(9000) + 100)</span>"
        out += "<span class=\"font\">字号：[<a href=\"javascript:doZoom(18)\">大</a> <a href=\"javascript:doZoom(16)\">中</a> <a href=\"javascript:doZoom(14)\">小</a>]</span>"
        out += "<span>【<a href=\"javascript:window.print()\">打印</a>】【<a href=\"javascript:window.close()\">关闭</a>】</span></div>\n"
        out += "<div class=\"article-content\" id=\"zoom\">\n" + body + "\n</div>\n"
        out += "<div class=\"\(names.share)\"><span>分享到：</span><a class=\"bds_weixin\" title=\"分享到微信\"></a><a class=\"bds_tsina\" title=\"分享到新浪微博\"></a><a class=\"bds_qzone\" title=\"分享到QQ空间\"></a></div>\n"
        out += "</div>\n"
        out += related(&random)
        out += "</div>\n</div>\n"
        out += footer(&random)
        out += "<script type=\"text/javascript\">\n" + trailingScript(&random) + "</script>\n"
        out += "</body>\n</html>\n"
        return out
    }

    private func header(_ random: inout SplitMix) -> String {
        var out = "<div class=\"top-bar\"><div class=\"w1200\"><span class=\"date\" id=\"today\"></span>"
        out += "<a href=\"javascript:void(0)\" id=\"wza\">无障碍浏览</a> <a href=\"javascript:void(0)\" id=\"elder\">长者模式</a> "
        out += "<a href=\"/user/login\">登录</a> <a href=\"/user/register\">注册</a> <a href=\"/m/\">手机版</a> <a href=\"/en/\">English</a></div></div>\n"
        out += "<div class=\"header\"><div class=\"logo\"><a href=\"/\"><img src=\"/static/images/logo.png\" alt=\"\(siteName)\" width=\"560\" height=\"90\" /></a></div>\n"
        out += "<div class=\"\(names.search)\"><form action=\"/search/\" method=\"get\" target=\"_blank\"><input type=\"text\" name=\"q\" placeholder=\"请输入关键词\" />"
        out += "<input type=\"hidden\" name=\"siteCode\" value=\"\(random.next(999_999))\" /><button type=\"submit\">搜索</button></form>"
        out += "<div class=\"hot-words\">热词：<a href=\"#\">社保</a> <a href=\"#\">公积金</a> <a href=\"#\">户籍</a> <a href=\"#\">招聘</a></div></div></div>\n"
        return out
    }

    private func navigation() -> String {
        var out = "<div class=\"\(names.nav)\"><ul class=\"menu-list\">\n"
        for (i, (item, children)) in Self.menu.enumerated() {
            out += "<li class=\"menu-item\(i == 2 ? " on" : "")\"><a href=\"/col\(i)/\" target=\"_self\">\(item)</a>"
            if !children.isEmpty {
                out += "<div class=\"sub-menu\"><ul>"
                for (j, child) in children.enumerated() {
                    out += "<li><a href=\"/col\(i)/sub\(j)/index.html\" title=\"\(child)\">\(child)</a></li>"
                }
                out += "</ul></div>"
            }
            out += "</li>\n"
        }
        out += "</ul></div>\n"
        return out
    }

    private func sidebar() -> String {
        var out = "<div class=\"\(names.side)\"><div class=\"side-title\">政务公开</div><ul class=\"side-list\">\n"
        for (j, child) in Self.menu[2].1.enumerated() {
            out += "<li\(j == 3 ? " class=\"active\"" : "")><a href=\"/zwgk/c\(j)/\">\(child)</a></li>\n"
        }
        out += "</ul><div class=\"side-years\">年报：" + (2008...2023).map { "<a href=\"/zwgk/ndbg/\($0)/\">\($0)年</a>" }.joined(separator: " ") + "</div></div>\n"
        return out
    }

    private func related(_ random: inout SplitMix) -> String {
        var out = "<div class=\"\(names.related)\"><h3>相关文章</h3><ul>\n"
        for _ in 0..<8 {
            let headline = Self.headlines[random.next(Self.headlines.count)]
            out += "<li><a href=\"/zwgk/art/\(random.next(999_999)).html\" target=\"_blank\">\(headline)</a><span>20\(10 + random.next(14))-0\(1 + random.next(9))-1\(random.next(10))</span></li>\n"
        }
        return out + "</ul></div>\n"
    }

    private func footer(_ random: inout SplitMix) -> String {
        var out = "<div class=\"links-bar\"><span>友情链接：</span><select onchange=\"window.open(this.value)\"><option>国务院部门网站</option><option value=\"http://www.gov.cn\">中国政府网</option></select>"
        out += "<select><option>省级政府网站</option><option>广东省人民政府</option><option>江苏省人民政府</option></select></div>\n"
        out += "<div class=\"\(names.footer)\"><p><a href=\"/about/\">关于我们</a> | <a href=\"/map/\">网站地图</a> | <a href=\"/contact/\">联系我们</a> | <a href=\"/statement/\">网站声明</a></p>\n"
        out += "<p>主办单位：\(siteName.replacingOccurrences(of: "门户网站", with: ""))办公室　承办单位：\(siteName.prefix(3))政务服务数据管理局</p>\n"
        out += "<p>网站标识码：\(4400000000 + random.next(99_999_999))　<a href=\"https://beian.miit.gov.cn\">粤ICP备\(10_000_000 + random.next(89_999_999))号</a>　"
        out += "<img src=\"/static/images/ga.png\" />粤公网安备 \(44_000_000_000_000 + random.next(999_999_999))号</p>\n"
        out += "<p>联系电话：0\(700 + random.next(99))-\(20_000_000 + random.next(79_999_999))　传真：0\(700 + random.next(99))-\(20_000_000 + random.next(79_999_999))　您是本站第 <span id=\"counter\">\(1_000_000 + random.next(8_999_999))</span> 位访问者</p>\n"
        out += "<p><script type=\"text/javascript\">document.write(unescape(\"%3Cspan id='_ideConac' %3E%3C/span%3E\"));</script><a href=\"http://bszs.conac.cn/\"><img src=\"/static/images/red.png\" /></a></p></div>\n"
        return out
    }

    /// A site-wide style sheet of the size real sites inline.
    private func styleSheet(_ random: inout SplitMix) -> String {
        var out = ""
        for selector in [".w1200", ".header", ".logo", ".nav", ".menu-item", ".sub-menu", ".position", ".container", ".left-side",
                         ".main-content", ".article", ".article-title", ".article-info", ".article-content p", ".article-content table",
                         ".article-content td", ".footer", ".footer p", ".xgwz li", ".bdshare a", ".side-list li", ".hot-words a"] {
            out += "\(selector) { margin: 0 auto; padding: \(random.next(20))px \(random.next(30))px; font-size: \(12 + random.next(8))px; line-height: \(20 + random.next(16))px; color: #\(String(random.next(0xFFFFFF), radix: 16)); }\n"
        }
        return out
    }

    /// Statistics and accessibility scripts, as inlined by the common site platforms.
    private func statisticsScript(_ random: inout SplitMix) -> String {
        var out = "var _hmt = _hmt || [];\n(function() {\n  var hm = document.createElement(\"script\");\n"
        out += "  hm.src = \"https://hm.baidu.com/hm.js?\(String(random.next(Int(Int32.max)), radix: 16))\(String(random.next(Int(Int32.max)), radix: 16))\";\n"
        out += "  var s = document.getElementsByTagName(\"script\")[0];\n  s.parentNode.insertBefore(hm, s);\n})();\n"
        out += "var siteConfig = { siteId: \(random.next(9999)), columnId: \(random.next(99999)), articleId: \(random.next(9_999_999)), webRoot: \"/\", apiBase: \"/api/v2/\" };\n"
        for name in ["doZoom", "showDate", "setElderMode", "toggleMenu", "initSearch", "countVisit"] {
            out += "function \(name)(arg) {\n  var el = document.getElementById(\"zoom\");\n  if (!el) { return false; }\n"
            out += "  for (var i = 0; i < el.childNodes.length; i++) { if (el.childNodes[i].style) { el.childNodes[i].style.fontSize = arg + \"px\"; } }\n"
            out += "  return $.ajax({ url: siteConfig.apiBase + \"\(name.lowercased())\", data: { id: siteConfig.articleId, t: new Date().getTime() } });\n}\n"
        }
        return out
    }

    private func trailingScript(_ random: inout SplitMix) -> String {
        "$(function() {\n  showDate(\"today\");\n  $(\".menu-item\").hover(function() { $(this).find(\".sub-menu\").stop().slideDown(200); }, function() { $(this).find(\".sub-menu\").stop().slideUp(200); });\n  countVisit(\(random.next(99999)));\n});\n"
    }
}

/// A small deterministic random number generator (SplitMix64).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next64() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A number in 0..<bound.
    mutating func next(_ bound: Int) -> Int { Int(next64() % UInt64(max(bound, 1))) }
}

extension String {
    /// A hash that is the same on every run (Swift's `hashValue` is seeded per process).
    var hashValueStable: Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return Int(truncatingIfNeeded: hash)
    }
}
