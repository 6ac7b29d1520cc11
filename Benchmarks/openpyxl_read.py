"""Reads the first sheet of a workbook with openpyxl in read-only mode, every row's values, as a
Python script reading a pole's `members.xlsx` would. Used by the benchmark for comparison only.

usage: openpyxl_read.py BOOK.xlsx
Prints the seconds of the reading (Python's start and openpyxl's import left out) and the rows
read after the header.
"""
import sys
import time

from openpyxl import load_workbook


def main(path):
    start = time.perf_counter()
    book = load_workbook(path, read_only=True)
    rows = 0
    for _ in book.worksheets[0].iter_rows(values_only=True):
        rows += 1
    book.close()
    print(time.perf_counter() - start, rows - 1)


if __name__ == "__main__":
    main(sys.argv[1])
