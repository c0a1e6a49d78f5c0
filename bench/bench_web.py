"""Web throughput: the lesson page beside /healthz, on the production server.

Starts gunicorn as `make serve` does (2 gthread workers, 8 threads) on a free port of
127.0.0.1,
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
    command = [
        str(gunicorn),
        *("--worker-class", "gthread", "--workers", "2", "--threads", "8", "--timeout", "30"),
        *("--bind", f"127.0.0.1:{port}", "app:create_app()"),
    ]
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


def healthz_latency(port: int, seconds: float = 2.0) -> tuple[float, float]:
    """/healthz p50 and p95 latency in ms, asked one after another for `seconds`."""
    times = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        start = time.perf_counter()
        get(port, "/healthz")
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[len(times) // 2], times[int(len(times) * 0.95)]


def slow_clients(port: int, count: int = 4) -> list[socket.socket]:
    """Connections that start a POST and never finish its body (a stalled phone)."""
    sockets = []
    for _ in range(count):
        sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        sock.sendall(
            f"POST {LESSON}/check HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\n"
            "Content-Length: 1000\r\n\r\nchecked=".encode()
        )
        sockets.append(sock)
    return sockets


def _pdf_loop(args: tuple[int, float]) -> int:
    port, seconds = args
    return _client((port, LESSON + "/worksheet.pdf", {}, 200, seconds))


def under_load(port: int) -> None:
    """/healthz latency alone, beside stalled clients, and beside PDF downloads."""
    quiet = healthz_latency(port)
    stalled = slow_clients(port)
    try:
        slow = healthz_latency(port)
    finally:
        for sock in stalled:
            sock.close()
    with multiprocessing.Pool(CLIENTS) as pool:
        pdfs = pool.map_async(_pdf_loop, [(port, SECONDS)] * CLIENTS)
        time.sleep(0.3)
        busy = healthz_latency(port, min(2.0, SECONDS - 0.5))
        rendered = sum(pdfs.get())
    print("  /healthz latency, p50 / p95 (ms):")
    print(f"    {'alone':<30} {quiet[0]:6.1f} / {quiet[1]:6.1f}")
    print(f"    {'4 stalled POST clients':<30} {slow[0]:6.1f} / {slow[1]:6.1f}")
    print(
        f"    {f'{CLIENTS} clients looping on a PDF':<30} {busy[0]:6.1f} / {busy[1]:6.1f}"
        f"   ({rendered / SECONDS:.0f} PDFs/s, cached per lesson version)"
    )


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
        under_load(port)
    finally:
        server.terminate()
        server.wait(10)
    ratio = page / health
    verdict = "ok" if ratio >= TARGET else "BELOW TARGET"
    print(f"gunicorn, 2 gthread workers, {CLIENTS} client processes, {SECONDS:g} s per URL")
    print(f"  {'/healthz':<32} {health:8.0f} req/s")
    print(f"  {LESSON:<32} {page:8.0f} req/s  ({len(body) / 1024:.0f} KB page)")
    print(f"  {LESSON + ' (304)':<32} {revalidate:8.0f} req/s  (repeat view with ETag)")
    print(f"  {'lesson page / healthz':<32} {ratio:8.0%}   target >= {TARGET:.0%}: {verdict}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    run()
