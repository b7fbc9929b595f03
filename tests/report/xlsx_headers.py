"""Reads the header rows and sheet names of workbooks written by lotrinh, with the standard
library only (an xlsx file is a zip of XML parts): --codes keeps the column ids in the headers,
the language's words are there without it, and reproduce gives its figures and transitions a
sheet each.

usage: xlsx_headers.py LOTRINH WORKDIR
"""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
lotrinh, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)


def workbook(name, *args):
    out = os.path.join(work, name)
    if os.path.exists(out):
        os.remove(out)
    subprocess.run([lotrinh, *args, "--format", "xlsx", "--out", out], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return zipfile.ZipFile(out)


def sheet_names(z):
    root = ET.fromstring(z.read("xl/workbook.xml"))
    return [s.get("name") for s in root.find("m:sheets", NS)]


def header(z, n=1):
    strings = ["".join(t.text or "" for t in si.iter("{%s}t" % NS["m"]))
               for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
    sheet = ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % n))
    row = sheet.find("m:sheetData/m:row", NS)
    assert row.get("r") == "1", row.get("r")
    return [strings[int(c.find("m:v", NS).text)] for c in row.findall("m:c", NS)]


codes = workbook("classify-vi-codes.xlsx", "--lang", "vi", "classify", "--year", "2021", "--codes")
assert header(codes) == ["unit", "name", "district", "region"], header(codes)
words = workbook("classify-vi.xlsx", "--lang", "vi", "classify", "--year", "2021")
assert header(words) == ["Đơn vị", "Tên", "Huyện", "Khu vực"], header(words)

repro = workbook("reproduce-en.xlsx", "--lang", "en", "reproduce")
names = sheet_names(repro)
assert len(names) == 3 and names[-1] == "Notes", names
assert header(repro, 1)[:2] == ["Id", "Section"], header(repro, 1)
assert header(repro, 2)[:2] == ["Unit", "Name"], header(repro, 2)
assert re.match("Region III under ", names[1]), names
print("ok:", header(codes), header(words), names)
