"""Web throughput: the lesson page beside /healthz, on the production server.

Starts gunicorn as `make serve` does (2 sync workers) on a free port of 127.0.0.1,
serving content/, then drives it from a few client processes for a few seconds per URL.
Target (issue 5): the lesson page at least 50% of /healthz's requests per second. The
lesson page is requested as a returning browser does (with its CSRF cookie), once for the
whole page (200, from the rendered-HTML cache) and once revalidating with its ETag (304).
"""

from __future__ import annotations

import http.client
import multiprocessing
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LESSON = "/lessons/panjshir-valley"
SECONDS = float(os.environ.get("BENCH_WEB_SECONDS", "4"))
CLIENTS = int(os.environ.get("BENCH_WEB_CLIENTS", "4"))
TARGET = 0.5


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, path: str, headers: dict[str, str] | None = None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        body = response.read()
        return response.status, dict(response.getheaders()), body
    finally:
        conn.close()


def start_server(port: int) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    env = dict(os.environ, COMPANION_CONTENT=os.environ.get("COMPANION_CONTENT", "content"))
    command = [str(gunicorn), "--workers", "2", "--bind", f"127.0.0.1:{port}", "app:create_app()"]
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if get(port, "/healthz")[0] == 200:
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("gunicorn did not start: " + server.stderr.read().decode()[-2000:])


def _client(args: tuple[int, str, dict[str, str], int, float]) -> int:
    port, path, headers, status, seconds = args
    done = 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        code, _, _ = get(port, path, headers)
        if code != status:
            raise RuntimeError(f"{path}: HTTP {code}, expected {status}")
        done += 1
    return done


def throughput(port: int, path: str, headers: dict[str, str], status: int) -> float:
    """Requests per second with CLIENTS processes hammering one URL."""
    _client((port, path, headers, status, 0.3))  # warm up
    with multiprocessing.Pool(CLIENTS) as pool:
        start = time.perf_counter()
        counts = pool.map(_client, [(port, path, headers, status, SECONDS)] * CLIENTS)
        elapsed = time.perf_counter() - start
    return sum(counts) / elapsed


def run() -> None:
    port = free_port()
    server = start_server(port)
    try:
        status, headers, body = get(port, LESSON)
        if status != 200:
            raise RuntimeError(f"{LESSON}: HTTP {status}")
        cookie = headers["Set-Cookie"].split(";", 1)[0]
        etag = headers["ETag"]
        health = throughput(port, "/healthz", {}, 200)
        page = throughput(port, LESSON, {"Cookie": cookie}, 200)
        revalidate = throughput(port, LESSON, {"Cookie": cookie, "If-None-Match": etag}, 304)
    finally:
        server.terminate()
        server.wait(10)
    ratio = page / health
    verdict = "ok" if ratio >= TARGET else "BELOW TARGET"
    print(f"gunicorn, 2 sync workers, {CLIENTS} client processes, {SECONDS:g} s per URL")
    print(f"  {'/healthz':<32} {health:8.0f} req/s")
    print(f"  {LESSON:<32} {page:8.0f} req/s  ({len(body) / 1024:.0f} KB page)")
    print(f"  {LESSON + ' (304)':<32} {revalidate:8.0f} req/s  (repeat view with ETag)")
    print(f"  {'lesson page / healthz':<32} {ratio:8.0%}   target >= {TARGET:.0%}: {verdict}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    run()
