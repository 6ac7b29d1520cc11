#!/usr/bin/env python3
"""Regenerates the CSV files of two fixture pole folders whose money columns use the French
accounting number format, the format that shows zero as a dash beside the currency sign.

- libreoffice-fr-accounting/: written by LibreOffice itself. Each table is built as an .xlsx
  with openpyxl, its cells formatted with the accounting codes below, then exported by
  `soffice --headless` in the fr-FR locale as CSV "as shown" (`;`, UTF-8). LibreOffice 7.4 has
  no built-in accounting entry for fr-FR, so the codes are the ones an .xlsx carries for
  Excel's French "Comptabilité" format, which LibreOffice applies as they are.
- excel-fr-accounting/: what French Excel's "CSV (séparateur: point-virgule)" writes for the
  same figures (Windows-1252, `;`, CRLF), reasoned from the format code, not captured from
  Excel: see EXCEL_ZERO.

Run from anywhere: python3 Tests/Fixtures/make_accounting_fixtures.py (needs openpyxl and
soffice). The pole.toml files are written by hand and left as they are.
"""
import os
import shutil
import subprocess
import tempfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))

# Excel's French accounting format with the euro sign, as an .xlsx stores it:
#   _-* #,##0.00 €_-;-* #,##0.00 €_-;_-* "-"?? €_-;_-@_-
# (`[$€-40C]` is the euro of the fr-FR locale). The third section is zero: `_-` a blank the
# width of "-", `*` a fill that text exports drop, the dash, `??` two blanks, a space, `€`,
# and `_-` a blank again.
MONEY = '_-* #,##0.00\\ [$€-40C]_-;\\-* #,##0.00\\ [$€-40C]_-;_-* "-"??\\ [$€-40C]_-;_-@_-'
# The same without the currency sign and without decimals, for counts: zero is a dash between blanks.
COUNT = '_-* #,##0_-;\\-* #,##0_-;_-* "-"??_-;_-@_-'
FTE = '0.0'

MEMBERS_HEADER = ["Année", "Identifiant", "Nom", "Type d'acteur", "Code commune", "ETP", "Effectif",
                  "Chiffre d'affaires", "Subventions", "Achats", "Achats locaux", "Bénévoles"]
MEMBERS_FORMATS = [None, None, None, None, None, FTE, COUNT, MONEY, MONEY, MONEY, MONEY, COUNT]
MEMBERS = [
    [2024, "A", "Atelier du Bray", "ESS", "60141", 12.5, 18, 480000, 0, 120000, 45000.5, 0],
    [2024, "B", "Bois et Compagnie", "Entreprise", "60463", 3, 4, 210000, 0, 0, 0, 2],
    [2024, "C", "Commune de Gournay", "Collectivité", "60141", 1.5, 2, 0, 35000, 8000, 8000, 0],
    [2024, "D", "Citoyens en transition", "Citoyen", "60463", None, None, None, 1500, None, None, 12],
]
FINANCES_HEADER = ["Année", "Financeur", "Type", "Montant"]
FINANCES_FORMATS = [None, None, None, MONEY]
FINANCES = [
    [2024, "État – AMI PTCE", "État", 100000],
    [2024, "Région Hauts-de-France", "Collectivité", 45000],
    [2024, "Fonds européens", "Europe", 0],
    [2024, "Cotisations des membres", "Cotisations", 2500],
]
# Each table: file name, header, format code of each column, rows.
TABLES = [("members", MEMBERS_HEADER, MEMBERS_FORMATS, MEMBERS), ("finances", FINANCES_HEADER, FINANCES_FORMATS, FINANCES)]


def libreoffice_fixture(work):
    """Exports each table through LibreOffice into libreoffice-fr-accounting/."""
    target = os.path.join(HERE, "libreoffice-fr-accounting")
    for name, header, formats, rows in TABLES:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(header)
        for row in rows:
            sheet.append(row)
            for cell, code in zip(sheet[sheet.max_row], formats):
                if code and cell.value is not None:
                    cell.number_format = code
        book.save(os.path.join(work, name + ".xlsx"))
        # Filter options: `;`, `"`, UTF-8 (76), from line 1, fr-FR (1036), cells saved as shown.
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1,,1036,false,true,true",
             "--outdir", work, os.path.join(work, name + ".xlsx")],
            check=True, stdout=subprocess.DEVNULL,
            env=dict(os.environ, HOME=work, LANG="fr_FR.UTF-8", LC_ALL="fr_FR.UTF-8"))
        shutil.copyfile(os.path.join(work, name + ".csv"), os.path.join(target, name + ".csv"))


# French Excel writes a zero of the accounting format as LibreOffice shows it: " -   € ".
EXCEL_ZERO = " -   € "


def excel_amount(value):
    """An amount as French Excel shows it in the accounting format: no-break space between
    thousands (U+00A0, 0xA0 in Windows-1252), decimal comma, a blank either side."""
    if value is None:
        return ""
    if value == 0:
        return EXCEL_ZERO
    whole, cents = f"{value:,.2f}".split(".")
    return f" {whole.replace(',', chr(0xA0))},{cents} € "


def excel_count(value):
    """A count in the accounting format without currency sign: zero is " -   "."""
    return "" if value is None else " -   " if value == 0 else f" {value} "


def excel_fixture():
    """Writes excel-fr-accounting/ as French Excel saves CSV: Windows-1252, `;`, CRLF."""
    target = os.path.join(HERE, "excel-fr-accounting")
    shown = {MONEY: excel_amount, COUNT: excel_count, FTE: lambda v: "" if v is None else f"{v:.1f}".replace(".", ",")}
    for name, header, formats, rows in TABLES:
        lines = [";".join(header)]
        for row in rows:
            lines.append(";".join(shown[code](value) if code else str(value) for value, code in zip(row, formats)))
        with open(os.path.join(target, name + ".csv"), "wb") as file:
            file.write(("\r\n".join(lines) + "\r\n").encode("cp1252"))


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as work:
        libreoffice_fixture(work)
    excel_fixture()
