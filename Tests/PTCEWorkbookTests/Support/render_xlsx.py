"""Prints an .xlsx to PDF with LibreOffice headless in the fr-FR locale, as a French funder's
LibreOffice would, and reports what it printed.

usage: render_xlsx.py FILE.xlsx WORKDIR
Prints {"pages": N, "texts": [text of each page]} (texts empty when poppler's pdftotext is missing).
Exits non-zero when LibreOffice fails or writes no PDF.
"""
import json
import os
import re
import shutil
import subprocess
import sys


def main(path, workdir):
    environment = dict(os.environ, LANG="fr_FR.UTF-8", LC_ALL="fr_FR.UTF-8")
    run = subprocess.run(["soffice", "--headless", "-env:UserInstallation=file://" + os.path.join(workdir, "profile"),
                          "--convert-to", "pdf", "--outdir", workdir, path],
                         capture_output=True, text=True, timeout=300, env=environment)
    pdf = os.path.join(workdir, os.path.splitext(os.path.basename(path))[0] + ".pdf")
    if run.returncode != 0 or not os.path.exists(pdf):
        raise SystemExit("LibreOffice did not print the workbook: " + run.stderr[-500:])
    data = open(pdf, "rb").read()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    texts = []
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, timeout=120).stdout
        texts = text.split("\f")[:pages]
    print(json.dumps({"pages": pages, "texts": texts}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
