#!/usr/bin/env python3
"""Small helpers for bench/run.sh (Python 3.11 standard library only).

    parse.py wrk FILE
        Reads `wrk --latency` output and prints one tab-separated line:
        req_per_s  p50_ms  p99_ms  requests  non_2xx_3xx  socket_errors
    parse.py assets HTML_FILE BASE_URL [--wasm PATH] [EXTRA_PATH ...]
        Prints the same-origin assets the page loads up front, one path a line:
        <link rel=stylesheet|modulepreload|preload href>, <script src>, the
        .js/.wasm that Leptos' inline hydration script imports, then
        EXTRA_PATHs; duplicates are dropped. --wasm PATH is added only when
        the page names no .wasm file itself (a note goes to stderr).
    parse.py walk BASE_URL CITY
        Fetches every page of /api/v1/places?city=CITY&per_page=200 and prints
        total  pages  seconds  (exits 1 if the pages do not add up to total).
"""
from __future__ import annotations

import json
import re
import sys
import time
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# ---------------------------------------------------------------- wrk output

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0, "h": 3600000.0}


def to_ms(text: str) -> float:
    m = re.fullmatch(r"([0-9.]+)(us|ms|s|m|h)", text.strip())
    if not m:
        raise ValueError(f"unrecognised wrk duration {text!r}")
    return float(m.group(1)) * _UNITS_MS[m.group(2)]


def parse_wrk(text: str) -> dict:
    out: dict = {"non2xx": 0, "socket_errors": 0}
    for line in text.splitlines():
        s = line.strip()
        if m := re.match(r"^(50|99)(?:\.0+)?%\s+(\S+)$", s):
            out["p" + m.group(1)] = to_ms(m.group(2))
        elif m := re.match(r"^Requests/sec:\s+([0-9.]+)", s):
            out["rps"] = float(m.group(1))
        elif m := re.match(r"^(\d+) requests in", s):
            out["requests"] = int(m.group(1))
        elif m := re.match(r"^Non-2xx or 3xx responses:\s+(\d+)", s):
            out["non2xx"] = int(m.group(1))
        elif s.startswith("Socket errors:"):
            out["socket_errors"] = sum(int(n) for n in re.findall(r"\d+", s))
    missing = [k for k in ("rps", "p50", "p99", "requests") if k not in out]
    if missing:
        raise ValueError("wrk output lacks " + ", ".join(missing))
    return out


def cmd_wrk(path: str) -> int:
    with open(path, encoding="utf-8", errors="replace") as f:
        r = parse_wrk(f.read())
    print(f"{r['rps']:.1f}\t{r['p50']:.2f}\t{r['p99']:.2f}\t{r['requests']}\t{r['non2xx']}\t{r['socket_errors']}")
    return 0


# ---------------------------------------------------------------- page assets

_PRELOAD_RELS = {"stylesheet", "modulepreload", "preload"}
_INLINE_ASSET = re.compile(r"""["'`](/pkg/[^"'`\s]+?\.(?:js|wasm|css))["'`]""")
# Leptos 0.8's hydration script ends with a call like
# `(function (root, pkg_path, output_name, wasm_output_name, defer) {...})("", "pkg", "welcome-kit", "welcome-kit", false);`
_HYDRATION_CALL = re.compile(r'\)\(\s*"([^"]*)"\s*,\s*"([^"]*)"\s*,\s*"([^"]*)"\s*,\s*"([^"]*)"')


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "link":
            rels = set(a.get("rel", "").lower().split())
            if rels & _PRELOAD_RELS and a.get("href"):
                self.found.append(a["href"])
        elif tag == "script":
            if a.get("src"):
                self.found.append(a["src"])
            else:
                self._in_script = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.found.extend(_INLINE_ASSET.findall(data))
            for root, pkg, js, wasm in _HYDRATION_CALL.findall(data):
                self.found += [f"{root}/{pkg}/{js}.js", f"{root}/{pkg}/{wasm}.wasm"]


def page_assets(html: str, base: str, extra: list[str], wasm: str | None = None) -> list[str]:
    p = _Assets()
    p.feed(html)
    p.close()
    if wasm and not any(urlsplit(f).path.endswith(".wasm") for f in p.found):
        print(f"note: the page names no .wasm file; counting {wasm} anyway", file=sys.stderr)
        extra = [wasm] + extra
    origin = urlsplit(base)
    seen: set[str] = set()
    paths: list[str] = []
    for ref in p.found + extra:
        u = urlsplit(urljoin(base, ref))
        if (u.scheme, u.netloc) != (origin.scheme, origin.netloc):
            continue  # other origins (CDNs, map tiles) are not ours to count
        path = u.path + (f"?{u.query}" if u.query else "")
        if path not in seen:
            seen.add(path)
            paths.append(path)
    return paths


def cmd_assets(html_path: str, base: str, extra: list[str]) -> int:
    wasm = None
    if len(extra) >= 2 and extra[0] == "--wasm":
        wasm, extra = extra[1], extra[2:]
    with open(html_path, encoding="utf-8", errors="replace") as f:
        html = f.read()
    for path in page_assets(html, base, extra, wasm):
        print(path)
    return 0


# ---------------------------------------------------------------- API walk

def cmd_walk(base: str, city: str) -> int:
    start = time.monotonic()
    page, seen, total = 1, 0, None
    while True:
        url = f"{base}/api/v1/places?city={city}&per_page=200&page={page}"
        with urllib.request.urlopen(url, timeout=30) as resp:
            body = json.load(resp)
        total = body["total"]
        got = len(body["places"])
        seen += got
        if got == 0 or seen >= total or page >= 1000:
            break
        page += 1
    secs = time.monotonic() - start
    print(f"{total}\t{page}\t{secs:.3f}")
    return 0 if seen == total else 1


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "wrk":
        return cmd_wrk(argv[1])
    if len(argv) >= 3 and argv[0] == "assets":
        return cmd_assets(argv[1], argv[2], argv[3:])
    if len(argv) == 3 and argv[0] == "walk":
        return cmd_walk(argv[1], argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except (OSError, ValueError, KeyError) as e:
        print(f"parse.py: {e}", file=sys.stderr)
        sys.exit(1)
