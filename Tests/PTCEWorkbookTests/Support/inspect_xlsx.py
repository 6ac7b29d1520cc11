"""Reads an .xlsx as an independent client would, and prints what the tests check as JSON.

usage: inspect_xlsx.py FILE.xlsx
Prints {"sheets": [...], "properties": {...}, "charts": N, "sheet": {name: {"cells": {A1: {...}},
"tables": [...], "freeze": "A2", "landscape": bool, "fit_width": int, "fit_to": [wide, tall], "print_titles": str,
"print_title_columns": str, "row_heights": {row: points}, "merged": [ranges], "state": "visible"|"hidden",
"columns": {letter: {"width", "number_format"}}, "validations": [{"type", "operator", "formula1", "formula2", "sqref",
"allow_blank", "error_style", "dropdown", "prompt_title", "prompt", "error_title", "error"}], "protected": bool, "locked": {cell: bool}}}, "defined_names": {name: reference}}.
Each cell: value (cached), formula (when a formula), number_format, type (openpyxl data type), align (horizontal
alignment or null), vertical, wrap, bold. "locked" lists every styled cell, written or not (an empty input cell).
"""
import json
import sys
import zipfile

import openpyxl


def main(path):
    formulas = openpyxl.load_workbook(path, data_only=False)
    cached = openpyxl.load_workbook(path, data_only=True)
    result = {"sheets": formulas.sheetnames, "sheet": {}}
    names = formulas.defined_names
    # openpyxl 3.1 keeps workbook-level names in a dict; older versions in a list.
    items = names.items() if hasattr(names, "items") else [(n.name, n) for n in names.definedName]
    result["defined_names"] = {name: definition.attr_text for name, definition in items}
    props = formulas.properties
    result["properties"] = {
        "title": props.title, "subject": props.subject, "creator": props.creator, "keywords": props.keywords,
        "created": props.created.isoformat() if props.created else None,
    }
    with zipfile.ZipFile(path) as archive:
        result["charts"] = len([n for n in archive.namelist() if n.startswith("xl/charts/chart")])
    for name in formulas.sheetnames:
        ws, values = formulas[name], cached[name]
        cells = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                entry = {"number_format": cell.number_format, "type": cell.data_type, "align": cell.alignment.horizontal,
                         "vertical": cell.alignment.vertical, "wrap": bool(cell.alignment.wrap_text),
                         "bold": bool(cell.font.bold)}
                if cell.data_type == "f":
                    entry["formula"] = str(cell.value)
                    entry["value"] = values[cell.coordinate].value
                else:
                    entry["value"] = cell.value
                cells[cell.coordinate] = entry
        setup = ws.page_setup
        result["sheet"][name] = {
            "cells": cells,
            "tables": [{"name": t.name, "ref": t.ref, "columns": [c.name for c in t.tableColumns]} for t in ws.tables.values()],
            "autofilter": ws.auto_filter.ref,
            "freeze": ws.freeze_panes,
            "landscape": setup.orientation == "landscape",
            "fit_width": ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else False,
            # Absent attributes are OOXML's default, 1.
            "fit_to": [1 if setup.fitToWidth is None else setup.fitToWidth, 1 if setup.fitToHeight is None else setup.fitToHeight],
            "print_titles": ws.print_title_rows,
            "print_title_columns": ws.print_title_cols,
            "row_heights": {str(index): dimension.height for index, dimension in ws.row_dimensions.items()
                            if dimension.customHeight and dimension.height},
            "merged": [str(r) for r in ws.merged_cells.ranges],
            "conditional_formats": len(ws.conditional_formatting),
            "state": ws.sheet_state,
            "columns": {letter: {"width": dimension.width, "number_format": dimension.number_format}
                        for letter, dimension in ws.column_dimensions.items()},
            "validations": [{
                "type": v.type, "operator": v.operator, "formula1": v.formula1, "formula2": v.formula2,
                "sqref": str(v.sqref), "allow_blank": bool(v.allow_blank), "error_style": v.errorStyle or "stop",
                # openpyxl's showDropDown is Excel's inverted flag: true hides the dropdown.
                "dropdown": not v.showDropDown, "prompt_title": v.promptTitle, "prompt": v.prompt,
                "error_title": v.errorTitle, "error": v.error,
            } for v in ws.data_validations.dataValidation],
            "protected": bool(ws.protection.sheet),
            "locked": {cell.coordinate: bool(cell.protection.locked) for row in ws.iter_rows() for cell in row
                       if cell.has_style},
        }
    json.dump(result, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main(sys.argv[1])
