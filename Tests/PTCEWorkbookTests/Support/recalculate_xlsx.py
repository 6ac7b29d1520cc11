"""Recalculates an .xlsx with LibreOffice headless and compares every formula's cached result
with LibreOffice's own result.

usage: recalculate_xlsx.py FILE.xlsx WORKDIR
Prints {"formulas": N, "mismatches": [{"cell": "Sheet!B5", "cached": x, "recalculated": y}], "errors": [...]}.
LibreOffice runs with an isolated profile whose OOXMLRecalcMode is 0 ("always recalculate"):
by default it would keep the cached values and prove nothing.
"""
import json
import os
import shutil
import subprocess
import sys

import openpyxl

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def main(path, workdir):
    profile = os.path.join(workdir, "profile")
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(PROFILE)
    out = os.path.join(workdir, "out")
    os.makedirs(out, exist_ok=True)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    env = dict(os.environ, HOME=workdir)
    run = subprocess.run(
        [office, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}", "--convert-to", "xlsx",
         "--outdir", out, path], capture_output=True, text=True, env=env, timeout=180)
    converted = os.path.join(out, os.path.basename(path))
    if run.returncode != 0 or not os.path.exists(converted):
        json.dump({"formulas": 0, "mismatches": [], "errors": [run.stdout + run.stderr]}, sys.stdout)
        return
    original = openpyxl.load_workbook(path, data_only=False)
    cached = openpyxl.load_workbook(path, data_only=True)
    recalculated = openpyxl.load_workbook(converted, data_only=True)
    count, mismatches = 0, []
    for name in original.sheetnames:
        for row in original[name].iter_rows():
            for cell in row:
                if cell.data_type != "f":
                    continue
                count += 1
                a = cached[name][cell.coordinate].value
                b = recalculated[name][cell.coordinate].value
                same = (a == b) if not (isinstance(a, (int, float)) and isinstance(b, (int, float))) else abs(a - b) <= 1e-9 * max(1, abs(b))
                if not same:
                    mismatches.append({"cell": f"{name}!{cell.coordinate}", "formula": str(cell.value), "cached": a, "recalculated": b})
    json.dump({"formulas": count, "mismatches": mismatches, "errors": []}, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
