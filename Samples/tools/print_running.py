#!/usr/bin/env python3
"""Prints Samples/printed-2021-city-natural-resources-narrow-running.pdf (issue #18: running headers and
footers): Samples/constructed-2021-city-natural-resources-narrow.html with its @page rule's page number
("— N —" at the bottom centre) replaced by margin boxes that print, on every page, a running header
(示例市自然资源和规划局 left, 2021年政府信息公开工作年度报告 right, ruled under) and a running footer
(示例市自然资源和规划局办公室 2022年1月印发 left, "— N —" right), as Word prints them; the page's
margins made wide enough that they never touch the text. Needs chromium and fonts-wqy-zenhei.
Run from the package root: python3 Samples/tools/print_running.py [--html-only OUT.html]"""
import os
import subprocess
import sys
import tempfile

SOURCE = "Samples/constructed-2021-city-natural-resources-narrow.html"
TARGET = "Samples/printed-2021-city-natural-resources-narrow-running.pdf"
PAGE_RULE = '@page { size: A4; margin: 18mm 16mm 20mm 16mm; @bottom-center { content: "— " counter(page) " —"; font-size: 10pt; } }'
RUNNING_RULE = """@page { size: A4; margin: 24mm 16mm 22mm 16mm;
  @top-left { content: "示例市自然资源和规划局"; font-size: 9pt; vertical-align: bottom; border-bottom: 1px solid #000; }
  @top-right { content: "2021年政府信息公开工作年度报告"; font-size: 9pt; vertical-align: bottom; border-bottom: 1px solid #000; }
  @bottom-left { content: "示例市自然资源和规划局办公室 2022年1月印发"; font-size: 9pt; vertical-align: top; }
  @bottom-right { content: "— " counter(page) " —"; font-size: 9pt; vertical-align: top; } }"""


def html() -> str:
    with open(SOURCE, encoding="utf-8") as f:
        page = f.read()
    assert PAGE_RULE in page, "the sample's @page rule changed: update PAGE_RULE"
    return page.replace(PAGE_RULE, RUNNING_RULE)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--html-only":
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            f.write(html())
        return
    with tempfile.TemporaryDirectory() as scratch:
        path = os.path.join(scratch, "running-2021-city-natural-resources-narrow.html")
        with open(path, "w", encoding="utf-8") as f:
            f.write(html())
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--no-pdf-header-footer",
                        "--print-to-pdf=" + os.path.abspath(TARGET), "file://" + path], check=True)


if __name__ == "__main__":
    main()
