"""Renders the bundled baseline's HTML report in headless Chromium and checks what a reader sees.

usage: browser_test.py LOTRINH HOME WORKDIR

For the report in English and in Vietnamese:
- Chromium loads it with no console message at all (the report logs nothing; an error would be
  logged as a CONSOLE line with --enable-logging=stderr), and takes a screenshot;
- every chart has drawn its data, counted in the DOM Chromium dumps after running the page's
  script: the fan chart's two bands and median line, a bar per simulated year in the region III
  count and exits charts (years from the scenario file), a circle per commune of the start year
  in the first graph drawing and per unit after the merger in the second (counts from the
  province's data files), and the per-unit tables have a row per unit;
- Vietnamese renders: for every character of the page's text, fontconfig finds an installed
  family of the page's font list that covers it (the browser falls back through the list), and each non-ASCII character drawn by Chromium in that
  font list is neither the replacement glyph (U+FFFD) nor the missing-glyph box (of U+0378, an
  unassigned code point), nor blank. The detector is checked on U+FFFD and U+0378 themselves.
A page with a deliberate script error must show a CONSOLE line, so the console check can fail.
Without Chromium the test fails: it does not skip.
"""
import csv
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib

lotrinh, home, work = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(work, exist_ok=True)
FONTS = '"Noto Sans","DejaVu Sans",Arial,sans-serif'  # the report's font list (engine/html)

browser = shutil.which("chromium") or shutil.which("chromium-browser")
if not browser:
    sys.exit("FAIL: Chromium is not installed (Debian: apt-get install chromium fonts-noto-core); "
             "this test does not skip")


def chromium(url, *extra):
    """Runs headless Chromium on `url`; returns (stdout, stderr)."""
    with tempfile.TemporaryDirectory() as profile:
        r = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            "--disable-background-networking", "--user-data-dir=" + profile,
                            "--enable-logging=stderr", "--v=0", *extra, url],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)
    return r.stdout, r.stderr


def console_lines(err):
    return [l for l in err.splitlines() if ":CONSOLE" in l]


# The console check sees a script error.
bad = os.path.join(work, "error.html")
with open(bad, "w", encoding="utf-8") as f:
    f.write("<!DOCTYPE html><html><body><p>x</p><script>no_such_function();</script></body></html>")
_, err = chromium("file://" + bad, "--dump-dom")
assert any("no_such_function" in l for l in console_lines(err)), "the console check does not see a script error"

# What the data implies.
scenario_path = os.path.join(home, "scenarios/kontum/baseline.toml")
with open(scenario_path, "rb") as f:
    scenario = tomllib.load(f)["scenario"]
start, end = scenario["start_year"], scenario["end_year"]
years = end - start
with open(os.path.join(home, "scenarios/kontum/communes.csv"), encoding="utf-8") as f:
    communes = sum(1 for row in csv.DictReader(f) if row["year"] == str(start))
with open(os.path.join(home, "scenarios/kontum/units_2025.csv"), encoding="utf-8") as f:
    merged = sum(1 for _ in csv.DictReader(f))
assert years > 0 and communes > 0 and merged > 0, (years, communes, merged)


def svgs(dom):
    return re.findall(r"<svg\b.*?</svg>", dom, re.S)


def text_of(dom):
    body = re.sub(r"<script\b.*?</script>|<style\b.*?</style>", "", dom, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def check_report(lang):
    page = os.path.join(work, "report-%s.html" % lang)
    subprocess.run([lotrinh, "report", "--runs", "100", "--lang", lang, "--out", page], check=True,
                   stdout=subprocess.DEVNULL, cwd=home)
    shot = os.path.join(work, "report-%s.png" % lang)
    if os.path.exists(shot):
        os.remove(shot)
    _, err = chromium("file://" + page, "--screenshot=" + shot, "--window-size=1280,4000")
    assert os.path.getsize(shot) > 10000, "no screenshot of the %s report" % lang
    with open(shot, "rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n", "the screenshot is not a PNG"
    assert not console_lines(err), console_lines(err)[:3]
    dom, err = chromium("file://" + page, "--dump-dom")
    assert not console_lines(err), console_lines(err)[:3]
    charts = svgs(dom)
    assert all("<title>" in s for s in charts), "a chart without a <title>"
    fan = [s for s in charts if 'class="band"' in s]
    assert len(fan) == 1, len(fan)
    assert fan[0].count('class="band"') == 2 and fan[0].count('class="line"') == 1
    bars = [s.count('class="bar"') for s in charts if 'class="bar"' in s]
    assert bars == [years, years], (bars, years)  # region III count, exits: a bar per year
    graphs = [s.count('<circle class="node"') for s in charts if 'class="graph"' in s]
    assert graphs == [communes, merged], (graphs, communes, merged)
    for s in charts:
        if 'class="graph"' in s:
            assert s.count('class="district"') > 1 and s.count('class="road"') > 0
    rows = {}
    for table in re.findall(r"<table\b.*?</table>", dom, re.S):
        tid = re.search(r'id="([^"]+)"', table).group(1)
        rows[tid] = len(re.findall(r"<tr>", table.split("<tbody>", 1)[1]))
    assert merged in rows.values() and communes in rows.values(), rows  # the per-unit tables
    return text_of(dom)


def fontconfig_covers(chars):
    """Per character, the first family of the page's font list that fontconfig finds covering it
    (the browser falls back through the list in that order); None for a character none covers."""
    out = {}
    for c in chars:
        out[c] = None
        for family in ("Noto Sans", "DejaVu Sans", "Arial"):
            covers = subprocess.run(["fc-list", ":family=%s:charset=%x" % (family, ord(c)), "family"],
                                    stdout=subprocess.PIPE, text=True).stdout
            if covers.strip():
                out[c] = family
                break
    return out


def drawn_glyphs(chars):
    """How Chromium draws each character in the page's fonts: ok, replacement, tofu or blank."""
    page = os.path.join(work, "glyphs.html")
    probe = "".join(chars) + "\ufffd\u0378"
    with open(page, "w", encoding="utf-8") as f:
        f.write("""<!DOCTYPE html><html><head><meta charset="utf-8"/></head><body><pre id="out"></pre><script>
var font='28px %s';
function shot(ch){var c=document.createElement('canvas');c.width=44;c.height=48;var x=c.getContext('2d');
  x.font=font;x.fillStyle='#000';x.fillText(ch,4,36);return Array.prototype.join.call(x.getImageData(0,0,44,48).data,',');}
var rep=shot('\\ufffd'), tofu=shot(String.fromCodePoint(0x10fffd)), blank=shot(' ');
var out=[];Array.from(%s).forEach(function(ch){var s=shot(ch);
  out.push(ch.codePointAt(0).toString(16)+' '+(s===rep?'replacement':s===tofu?'tofu':s===blank?'blank':'ok'));});
document.getElementById('out').textContent=out.join(' ');
</script></body></html>""" % (FONTS, '"' + "".join("\\u%04x" % ord(c) for c in probe) + '"'))
    dom, err = chromium("file://" + page, "--dump-dom")
    assert not console_lines(err), console_lines(err)[:3]
    found = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S).group(1).split()
    return {chr(int(found[i], 16)): found[i + 1] for i in range(0, len(found), 2)}


seen = set()
for lang in ("en", "vi"):
    text = check_report(lang)
    assert "\ufffd" not in text, "the %s report holds a replacement character" % lang
    seen |= {c for c in text if ord(c) > 127 and not c.isspace()}
assert {"đ", "ư", "ộ"} <= seen, "no Vietnamese text found in the reports"
families = fontconfig_covers(seen)
uncovered = "".join(c for c, f in sorted(families.items()) if not f)
assert not uncovered, "no font of the page's list covers: %s" % uncovered
glyphs = drawn_glyphs(sorted(seen))
assert glyphs.pop("\ufffd") == "replacement" and glyphs.pop("\u0378") == "tofu", "the glyph detector does not work"
wrong = {c: g for c, g in glyphs.items() if g != "ok"}
assert not wrong, wrong
print("ok: %d characters, from %s; %d communes, %d units, %d years" %
      (len(seen), ", ".join(sorted(set(families.values()))), communes, merged, years))
