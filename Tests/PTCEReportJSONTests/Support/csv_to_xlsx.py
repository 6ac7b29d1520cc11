#!/usr/bin/env python3
"""Writes each CSV table of a pole folder as an .xlsx workbook, as a coordinator's Excel holds it.

    csv_to_xlsx.py SOURCE TARGET ENCODING DELIMITER DECIMAL_MARK

SOURCE: a pole folder; TARGET: the folder to write (`pole.toml` copied, `members.csv` becomes
`members.xlsx`…). ENCODING is a Python codec (`cp1252`, `utf-8`, `utf-16`), DELIMITER the CSV
delimiter (`tab` for a tab), DECIMAL_MARK the sample's decimal mark (`,` or `.`).

A cell that is a plain number in the sample's convention (`35,0` in a decimal-comma file, `1.5`
or `35,000` in a decimal-point one, `2024`, `60333`: digits, at most one decimal mark, no sign,
no unit) is written as a number; every other cell (`870 000 €`, `39,5 %`,
`NC`, ` -   € `, text) as a shared string, exactly as the CSV holds it, spaces included. An empty
cell is left out. Needs openpyxl; the workbook is written in write-only mode.
"""
import csv
import os
import re
import shutil
import sys

import openpyxl


def plain_number(text, decimal_mark):
    """The number `text` writes in the sample's convention, or None when it is not a plain number.
    In a decimal-point file, thousands grouped by commas (`35,000`) are a number too, as Excel in
    an English locale stores them."""
    grouping = r"(,[0-9]{3})*" if decimal_mark == "." else ""
    if re.fullmatch(r"[0-9]+" + grouping + r"(" + re.escape(decimal_mark) + r"[0-9]+)?", text) is None:
        return None
    if decimal_mark == ".":
        text = text.replace(",", "")
    if decimal_mark not in text:
        return int(text)
    return float(text.replace(decimal_mark, "."))


def convert(path, target, encoding, delimiter, decimal_mark):
    """Writes the CSV file `path` as the workbook `target`, one sheet, row for row."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    # newline="": quoted cells keep their line breaks, and CSV lines end where csv says.
    with open(path, encoding=encoding, newline="") as source:
        for row in csv.reader(source, delimiter=delimiter):
            cells = []
            for text in row:
                number = plain_number(text, decimal_mark)
                cells.append(number if number is not None else (text if text != "" else None))
            sheet.append(cells)
    book.save(target)


def main():
    source, target, encoding, delimiter, decimal_mark = sys.argv[1:6]
    delimiter = "\t" if delimiter == "tab" else delimiter
    os.makedirs(target, exist_ok=True)
    for name in sorted(os.listdir(source)):
        path = os.path.join(source, name)
        if name.endswith(".csv"):
            convert(path, os.path.join(target, name[:-4] + ".xlsx"), encoding, delimiter, decimal_mark)
        elif os.path.isfile(path):
            shutil.copyfile(path, os.path.join(target, name))


if __name__ == "__main__":
    main()
