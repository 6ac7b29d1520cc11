"""Fills cells of an .xlsx's first sheet with openpyxl, as a coordinator typing into a template
would, and saves it in place.

usage: fill_xlsx.py FILE.xlsx CELLS_JSON
CELLS_JSON maps cell addresses to values: {"A2": 2024, "B2": "A01", "H2": 12.5, "H3": "NC"}; a
number is stored as a number, a string as text.
"""
import json
import sys

import openpyxl


def main(path, cells):
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[0]
    for address, value in json.loads(cells).items():
        sheet[address] = value
    workbook.save(path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
