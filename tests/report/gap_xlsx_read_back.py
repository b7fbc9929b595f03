"""Reads back the gap table of `lotrinh diff --format xlsx` (English and Vietnamese) with openpyxl,
and the gap table's own CSV file (one table per file), and checks them: the sheets, the header
row, the sentence (indicators by their titles, diacritics intact), numbers stored as numbers.

usage: gap_xlsx_read_back.py LOTRINH SOURCE_HOME WORKDIR
"""
import csv
import os
import subprocess
import sys

import openpyxl

lotrinh, home, work = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(work, exist_ok=True)
DIFF = [lotrinh, "diff", "vn.qd-33-2020", "draft.qd-33-2020-poverty-15", "--data",
        os.path.join(home, "scenarios", "kontum"), "--year", "2021"]
VARIABLES = ["em_household_share", "em_illiterate_share", "em_poor_households", "em_poor_share", "mekong_delta",
             "new_rural", "road_to_centre_km", "road_unpaved_share", "untrained_labour_share", "poverty_rate"]
EXPECT = {
    "en": {
        "sheets": ("What changed", "Units whose class changes", "Gaps and overlaps", "Notes"),
        "header": ["finding", "combinations", "box", "classes", "order gives", "clauses"] + VARIABLES
                  + ["what it means", "example"],
        "finding": "overlap",
        "box": "exact",
        "sentence": "A commune (in the Mekong Delta: yes; recognised as a new-rural commune: no) with ethnic-minority "
                    "share of households at least 15 %, poor ethnic-minority households (count) above 150 households and "
                    "multidimensional poverty rate (2022-2025 standard, Decree 07/2021) under 10 % meets both region III "
                    "(Điều 3 (a): (a) poverty 20 % or more (Mekong Delta: 15 % or more, or more than 150 poor EM "
                    "households)) and region I (Điều 4: Region I commune (initially developed)); the order gives region III.",
        "summary": "78,732 of 78,732 combinations examined over 10 variables",
    },
    "vi": {
        "sheets": ("Những thay đổi", "Các đơn vị đổi nhóm", "Khoảng trống và chồng chéo", "Ghi chú"),
        "header": ["phát hiện", "số tổ hợp", "trọn khối", "các nhóm", "được xếp", "điều khoản"] + VARIABLES
                  + ["diễn giải", "ví dụ"],
        "finding": "chồng chéo",
        "box": "có",  # under the header "trọn khối" (the ranges hold exactly the group's combinations)
        "sentence": "Xã (thuộc vùng Đồng bằng sông Cửu Long: có; đã được công nhận đạt chuẩn nông thôn mới: không) có "
                    "tỷ lệ hộ dân tộc thiểu số trong tổng số hộ dân cư từ 15 % trở lên, số hộ nghèo là hộ dân tộc thiểu "
                    "số trên 150 hộ và tỷ lệ hộ nghèo đa chiều (chuẩn nghèo 2022-2025, NĐ 07/2021) dưới 10 % thỏa cả khu "
                    "vực III (Điều 3 (a): (a) tỷ lệ hộ nghèo từ 20 % trở lên (Đồng bằng sông Cửu Long: từ 15 % trở lên, "
                    "hoặc trên 150 hộ nghèo dân tộc thiểu số)*) lẫn khu vực I (Điều 4: Xã khu vực I (xã bước đầu phát "
                    "triển)); thứ tự phân loại xếp vào khu vực III.",
        "summary": "đã xét 78.732 trong 78.732 tổ hợp của 10 biến",
    },
}

for lang, want in EXPECT.items():
    out = os.path.join(work, f"diff-{lang}.xlsx")
    if os.path.exists(out):
        os.remove(out)
    subprocess.run(DIFF + ["--lang", lang, "--format", "xlsx", "--out", out], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wb = openpyxl.load_workbook(out)
    names = [ws.title for ws in wb.worksheets]
    # A sheet per table (parameters, units that move, the gap table of the one classification), notes last.
    assert len(names) == 4, names
    for name, head in zip(names, want["sheets"]):
        assert name.startswith(head) and len(name) <= 31, (name, head)
    # The gap sheet is named by its title up to the colon; the rule set and classification follow in the notes.
    assert names[2] == want["sheets"][2] and names[3] == want["sheets"][3], names
    gaps = wb.worksheets[2]
    header = [c.value for c in gaps[1]]
    assert header == want["header"], header
    assert gaps.freeze_panes == "A2", gaps.freeze_panes
    assert gaps.max_row == 2, gaps.max_row  # the header and the one overlap group
    row = {h: c for h, c in zip(header, gaps[2])}
    assert row[want["header"][0]].value == want["finding"], row[want["header"][0]].value
    assert row[want["header"][2]].value == want["box"], row[want["header"][2]].value
    count = row[want["header"][1]]
    assert isinstance(count.value, int) and count.value == 486, repr(count.value)  # a number, not text
    assert count.data_type == "n" and count.number_format.startswith("#,##0"), (count.data_type, count.number_format)
    sentence = row[want["header"][-2]].value
    assert sentence == want["sentence"], sentence
    assert row["poverty_rate"].value == "(,0.1)", row["poverty_rate"].value
    assert row["em_illiterate_share"].value is None  # a variable the group does not constrain
    notes = [r[1] for r in wb.worksheets[-1].iter_rows(min_row=2, values_only=True)]
    assert any(n.startswith(want["summary"]) for n in notes), notes
    print("ok:", lang, names)

# The same table in CSV: its own file beside --out; English CSV keeps ids in its headers, but the
# sentence names indicators by their titles (ids only with --codes).
for codes in (False, True):
    out = os.path.join(work, "diff-codes.csv" if codes else "diff.csv")
    gap_file = out[:-4] + "-gaps-draft.qd-33-2020-poverty-15-region.csv"
    for f in (out, gap_file):
        if os.path.exists(f):
            os.remove(f)
    subprocess.run(DIFF + ["--lang", "en", "--format", "csv", "--out", out] + (["--codes"] if codes else []), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(gap_file, encoding="utf-8") as f:
        rows = [r for r in csv.reader(line for line in f if not line.startswith("#"))]
    assert rows[0] == ["finding", "combinations", "box", "classes", "decided", "clauses"] + VARIABLES + ["sentence", "example"], \
        rows[0]
    assert len(rows) == 2, rows
    sentence = rows[1][-2]
    if codes:
        assert sentence.startswith("A commune (mekong_delta: yes; new_rural: no) with em_household_share at least 15 %"), sentence
    else:
        assert sentence == EXPECT["en"]["sentence"], sentence
print("ok: csv")
