"""Reads back a workbook written by `lotrinh classify --format xlsx` with openpyxl and checks it.

usage: xlsx_read_back.py LOTRINH WORKDIR
"""
import os
import subprocess
import sys

import openpyxl

lotrinh, work = sys.argv[1], sys.argv[2]
os.makedirs(work, exist_ok=True)
out = os.path.join(work, "classify-vi.xlsx")
if os.path.exists(out):
    os.remove(out)
subprocess.run([lotrinh, "classify", "--year", "2021", "--lang", "vi", "--format", "xlsx", "--out", out], check=True,
               stdout=subprocess.DEVNULL)
wb = openpyxl.load_workbook(out)
names = [ws.title for ws in wb.worksheets]
assert len(names) == 2 and names[-1] == "Ghi chú", names
main = wb.worksheets[0]
head = [c.value for c in main[1]]
assert head == ["Đơn vị", "Tên", "Huyện", "Khu vực"], head
assert main.max_row == 103, main.max_row  # the header and 102 communes
assert main.freeze_panes == "A2", main.freeze_panes
assert main.column_dimensions["B"].width > 10, main.column_dimensions["B"].width
assert {c.value for c in main["D"][1:]} <= {"Khu vực I", "Khu vực II", "Khu vực III", "Ngoài phạm vi"}, "classes"
notes = [r[1] for r in wb.worksheets[-1].iter_rows(min_row=2, values_only=True)]
# the rule set (under --lang vi by its title and law, Quyết định 33/2020) and the data year
assert any("Quyết định 33/2020/QĐ-TTg" in n and "2021" in n for n in notes), notes
assert any("ước tính" in n for n in notes), notes  # the estimated share

# Numbers are stored as numbers with their formats: the simulator's exit table.
out2 = os.path.join(work, "simulate-en.xlsx")
if os.path.exists(out2):
    os.remove(out2)
subprocess.run([lotrinh, "simulate", "--runs", "20", "--lang", "en", "--format", "xlsx", "--out", out2], check=True,
               stdout=subprocess.DEVNULL)
wb = openpyxl.load_workbook(out2)
numbers = [c for ws in wb.worksheets[:-1] for row in ws.iter_rows(min_row=2) for c in row
           if isinstance(c.value, (int, float))]
assert numbers, "no number cells"
assert any(c.number_format.endswith("%") for c in numbers), "no percent format"
assert all(c.number_format.startswith("#,##0") for c in numbers), {c.number_format for c in numbers}
assert wb.worksheets[-1].title == "Notes"
print("ok:", names, len(numbers), "number cells")
