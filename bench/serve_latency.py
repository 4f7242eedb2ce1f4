#!/usr/bin/env python3
"""Measure `stepdoc serve` edit-to-page latency on a site.

Starts `stepdoc serve --port 0` on SITE, then EDITS times: changes one message of one
translation (or the guide YAML / terms file with --kind), and measures (a) the rebuild time the
server reports and (b) the time from the write until the new text is served over HTTP.
Prints medians. stdlib only.

Usage: serve_latency.py STEPDOC_BINARY SITE_DIR [--edits 20] [--kind ftl|yaml|terms]
"""

import argparse
import os
import re
import statistics
import subprocess
import threading
import time
import urllib.request


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("site")
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--kind", choices=["ftl", "yaml", "terms"], default="ftl")
    args = ap.parse_args()

    proc = subprocess.Popen([args.binary, "serve", "--port", "0", "--root", args.site],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines = []
    port = None
    while port is None:
        line = proc.stdout.readline()
        if not line:
            raise SystemExit("serve exited")
        m = re.match(r"serving http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
    reader = threading.Thread(target=lambda: [lines.append(l) for l in proc.stdout], daemon=True)
    reader.start()

    content = os.path.join(args.site, "content")
    guide = sorted(os.listdir(content))[0]
    if args.kind == "ftl":
        locale = "fi" if os.path.exists(os.path.join(args.site, "locales", "fi", guide + ".ftl")) else "nl"
        path = os.path.join(args.site, "locales", locale, guide + ".ftl")
        page = f"/{locale}/{guide}/"
        old = "title ="
    elif args.kind == "yaml":
        path = os.path.join(content, guide, "guide.yaml")
        text = open(path, encoding="utf-8").read()
        source = re.search(r'"?source_locale"?:\s*"?([a-z-]+)', text).group(1)
        page = f"/{source}/{guide}/"
        old = '"title": "' if '"title": "' in text else "\ntitle: "
    else:
        locale = "fi"
        path = os.path.join(args.site, "locales", locale, "terms.ftl")
        page = f"/{locale}/{guide}/"
        old = None
    original = open(path, encoding="utf-8").read()
    served, reported, rss = [], [], []

    def rss_mib():
        with open(f"/proc/{proc.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return 0.0

    try:
        for i in range(args.edits):
            marker = f"Zq{i}x"
            if old is None:
                text = original + f"-bench-term = {marker}\n"
            else:
                text = original.replace(old, f"{old} {marker}", 1)
            before = len(lines)
            start = time.perf_counter()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            if old is None:
                # A new term is not shown anywhere: wait for the rebuild report instead.
                while len(lines) == before:
                    time.sleep(0.002)
            else:
                while True:
                    body = urllib.request.urlopen(f"http://127.0.0.1:{port}{page}").read().decode()
                    if marker in body:
                        break
                    time.sleep(0.002)
            served.append((time.perf_counter() - start) * 1000)
            deadline = time.time() + 5
            while len(lines) == before and time.time() < deadline:
                time.sleep(0.002)
            for line in lines[before:]:
                m = re.search(r"rebuilt (\S+(?: pages)?) in (\d+) ms", line)
                if m:
                    reported.append(int(m.group(2)))
            time.sleep(0.15)
            rss.append(rss_mib())
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        time.sleep(0.3)
        proc.terminate()
        proc.wait()
    label = [l for l in lines if l.startswith("rebuilt")][-1].strip() if lines else ""
    print(f"kind={args.kind} edits={args.edits} last='{label}'")
    print(f"median rebuild reported by serve: {statistics.median(reported) if reported else 'n/a'} ms")
    print(f"median save-to-served latency (incl. 60 ms debounce): {statistics.median(served):.0f} ms")
    marks = sorted({1, 10, len(rss) // 2, len(rss)} - {0})
    print("serve RSS after edit " + ", ".join(f"{m}: {rss[m - 1]:.0f} MiB" for m in marks if m <= len(rss)))


if __name__ == "__main__":
    main()
