"""Fills a collection form of `ptce collect` with openpyxl, as a member would in Excel: by the
form's defined names, whatever its layout.

usage: fill_form.py FORM.xlsx OUT.xlsx JSON
JSON: {"cells": {"fte": 14, "volunteers": "NC", "actor_type": "ESS"},
       "cooperations": [{"member_b": "Bois & Co (B02)", "kind": "Achats groupés", "amount": 6000}],
       "answers": {"anchoring.local_needs": 4}, "comments": {"anchoring.local_needs": "…"}}
"cells" sets single named cells (`role`, `respondent` in a questionnaire). "names" gives defined
names a new reference, as deleting cells or rows in a spreadsheet does (`#REF!`). "cooperations", when
given, replaces every cooperation row (those the form carried over from last year included);
a key left out of a row keeps what the form had there. "answers" and "comments" go on the row of
the question's id.
"""
import json
import sys

import openpyxl


def cells_of(workbook, name):
    """The cells of a defined name, top to bottom."""
    (sheet, reference), = list(workbook.defined_names[name].destinations)
    found = workbook[sheet][reference.replace("$", "")]
    if not isinstance(found, tuple):
        return [found]
    return [row[0] for row in found]


def main(source, target, text):
    spec = json.loads(text)
    workbook = openpyxl.load_workbook(source)
    for name, value in spec.get("cells", {}).items():
        cells_of(workbook, name)[0].value = value
    if "cooperations" in spec:
        rows = spec["cooperations"]
        for field in ["member_b", "kind", "amount", "description"]:
            for index, cell in enumerate(cells_of(workbook, "cooperations_" + field)):
                if index >= len(rows):
                    cell.value = None
                elif field in rows[index]:
                    cell.value = rows[index][field]
    questions = [cell.value for cell in cells_of(workbook, "question")] if "answers" in spec or "comments" in spec else []
    for key, name in [("answers", "answer"), ("comments", "comment")]:
        column = cells_of(workbook, name) if key in spec else []
        for question, value in spec.get(key, {}).items():
            column[questions.index(question)].value = value
    for name, reference in spec.get("names", {}).items():
        workbook.defined_names[name].attr_text = reference
    workbook.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
