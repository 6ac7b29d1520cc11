"""Opens an .xlsx in LibreOffice headless (fr-FR locale) and saves it as .xlsx again, as a user of
LibreOffice would, to see what survives the round trip.

usage: resave_xlsx.py FILE.xlsx WORKDIR
Prints the path of the copy LibreOffice saved (in WORKDIR/out). Exits non-zero when LibreOffice
fails or saves nothing.
"""
import os
import shutil
import subprocess
import sys


def main(path, workdir):
    out = os.path.join(workdir, "out")
    os.makedirs(out, exist_ok=True)
    environment = dict(os.environ, LANG="fr_FR.UTF-8", LC_ALL="fr_FR.UTF-8", HOME=workdir)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    run = subprocess.run([office, "--headless", "--norestore", "-env:UserInstallation=file://" + os.path.join(workdir, "profile"),
                          "--convert-to", "xlsx", "--outdir", out, path],
                         capture_output=True, text=True, timeout=300, env=environment)
    saved = os.path.join(out, os.path.basename(path))
    if run.returncode != 0 or not os.path.exists(saved):
        raise SystemExit("LibreOffice did not save the workbook: " + (run.stdout + run.stderr)[-500:])
    print(saved)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
