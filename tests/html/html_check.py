"""Runs `lotrinh report` on the bundled baseline (English and Vietnamese) and checks the page.

usage: html_check.py LOTRINH WORKDIR
Well-formed (every element closed, in order), every chart an <svg> whose first child is its
<title>, with marks (a circle per unit in the drawings of the commune graph before and after the
merger),
no reference outside the file, one per-commune row per unit, the same bytes on a second run.
"""
import os
import re
import subprocess
import sys
from html.parser import HTMLParser

lotrinh, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
VOID = {"meta", "input", "br", "img", "hr", "link"}


class Check(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.svgs, self.svg_titles, self.marks = [], [], 0, 0, {}
        self.first_in_svg = False  # the next element is an <svg>'s first child
        self.nodes = []  # circles per graph drawing
        self.rows = {}
        self.external = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k in ("src", "href"):
            if k in a and not a[k].startswith("#"):
                self.external.append(a[k])
        if self.first_in_svg and tag == "title":
            self.svg_titles += 1  # an <svg> whose first child is its <title>
        self.first_in_svg = tag == "svg"
        if tag == "svg":
            self.svgs += 1
            if a.get("class") == "graph":
                self.nodes.append(0)
        if tag == "circle" and a.get("class") == "node":
            self.nodes[-1] += 1
        if "svg" in self.stack and a.get("class") in ("bar", "band", "line"):
            self.marks[a["class"]] = self.marks.get(a["class"], 0) + 1
        if tag == "table":
            self.table = a.get("id")
        if tag == "tr" and "tbody" in self.stack:
            self.rows[self.table] = self.rows.get(self.table, 0) + 1
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        a = dict(attrs)
        self.first_in_svg = False
        if "svg" in self.stack and a.get("class") in ("bar", "band", "line"):
            self.marks[a["class"]] = self.marks.get(a["class"], 0) + 1

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("unexpected </%s> inside %s" % (tag, self.stack[-3:]))
            return
        self.stack.pop()


def run(lang, name):
    out = os.path.join(work, name)
    if os.path.exists(out):
        os.remove(out)
    r = subprocess.run([lotrinh, "report", "--runs", "40", "--lang", lang, "--out", out], check=True,
                       stdout=subprocess.PIPE, text=True)
    assert r.stdout.strip().endswith(out), r.stdout
    return open(out, encoding="utf-8").read()


for lang in ("en", "vi"):
    page = run(lang, "r-%s.html" % lang)
    assert page == run(lang, "r-%s-again.html" % lang), "not the same bytes twice"
    c = Check()
    c.feed(page)
    c.close()
    assert not c.errors and not c.stack, (c.errors[:3], c.stack)
    assert c.svgs >= 5 and c.svg_titles == c.svgs, (c.svgs, c.svg_titles)  # every chart titled
    assert c.nodes == [102, 40], c.nodes  # the graph before and after the merger: a circle per unit
    years = len(set(re.findall(r"<th>≤(\d{4})</th>", page)))  # the per-commune table's columns ≤YEAR, one per simulated year
    # Marks in the count the data implies: a bar per year in two charts, two bands and a median line.
    assert years >= 2 and c.marks == {"bar": 2 * years, "band": 2, "line": 1}, (years, c.marks)
    assert not c.external, c.external[:3]
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", page), "a network address"
    assert 102 in c.rows.values() and 40 in c.rows.values(), c.rows  # the per-unit tables: a row per unit
    if lang == "vi":
        assert "Theo từng xã" in page and "Dự báo" in page and "Sơ đồ các xã" in page and "Các xã sát ngưỡng" in page
print("ok")
