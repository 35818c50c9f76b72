#!/usr/bin/env python3
"""Prints the samples with running headers and footers (issue #18), Samples/printed-<stem>-running.pdf:
each HTML sample below with an @page rule whose margin boxes print, on every page, a running header (the
agency left, the report's name right, ruled under) and a running footer (the agency and a date of issue
left, the page number right), as Word prints them, in margins wide enough that they never touch the text
(A4). The sample's own @page rule, if any, is taken out. Needs chromium and fonts-wqy-zenhei.
Run from the package root: python3 Samples/tools/print_running.py [--html-only STEM OUT.html]"""
import os
import subprocess
import sys
import tempfile

# stem: (header left, header right, footer left, footer right: CSS content)
SAMPLES = {
    "constructed-2021-city-natural-resources-narrow": (
        "示例市自然资源和规划局", "2021年政府信息公开工作年度报告", "示例市自然资源和规划局办公室 2022年1月印发",
        '"— " counter(page) " —"'),
    "constructed-2010-shanghai-district-office": (
        "示例区人民政府办公室", "2010年政府信息公开工作年度报告", "示例区人民政府办公室 2011年3月印发",
        '"第 " counter(page) " 页 共 " counter(pages) " 页"'),
}
# The @page rules of the samples (taken out: the running rule replaces them).
OWN_PAGE_RULES = [
    '@page { size: A4; margin: 18mm 16mm 20mm 16mm; @bottom-center { content: "— " counter(page) " —"; font-size: 10pt; } }',
]


def running_rule(header_left: str, header_right: str, footer_left: str, footer_right: str) -> str:
    return f"""<style>
@page {{ size: A4; margin: 24mm 16mm 22mm 16mm;
  @top-left {{ content: "{header_left}"; font-size: 9pt; vertical-align: bottom; border-bottom: 1px solid #000; }}
  @top-right {{ content: "{header_right}"; font-size: 9pt; vertical-align: bottom; border-bottom: 1px solid #000; }}
  @bottom-left {{ content: "{footer_left}"; font-size: 9pt; vertical-align: top; }}
  @bottom-right {{ content: {footer_right}; font-size: 9pt; vertical-align: top; }} }}
</style>
"""


def html(stem: str) -> str:
    with open(f"Samples/{stem}.html", encoding="utf-8") as f:
        page = f.read()
    for rule in OWN_PAGE_RULES:
        page = page.replace(rule, "")
    assert "@page" not in page, f"{stem}: an @page rule of its own is left: add it to OWN_PAGE_RULES"
    head_end = page.index("</head>")
    return page[:head_end] + running_rule(*SAMPLES[stem]) + page[head_end:]


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--html-only":
        with open(sys.argv[3], "w", encoding="utf-8") as f:
            f.write(html(sys.argv[2]))
        return
    with tempfile.TemporaryDirectory() as scratch:
        for stem in SAMPLES:
            path = os.path.join(scratch, stem + ".html")
            with open(path, "w", encoding="utf-8") as f:
                f.write(html(stem))
            target = os.path.abspath(f"Samples/printed-{stem.removeprefix('constructed-')}-running.pdf")
            subprocess.run(["chromium", "--headless", "--no-sandbox", "--no-pdf-header-footer",
                            "--print-to-pdf=" + target, "file://" + path], check=True)


if __name__ == "__main__":
    main()
