"""A small fault-injecting HTTP proxy on 127.0.0.1, between the sync client and a real server.

Each request the client sends meets, at the rate the plan says, one fault:

    drop             the connection is cut (RST) before any answer
    delay            the request waits up to a second and a half, then goes through
    reset mid-answer the server does the work, the client gets half the answer, then RST
    500              the proxy answers 500 itself; the server never sees the request
    500 after work   the server does the work, the client gets a 500 instead of its answer
    429              the proxy answers 429 Too Many Requests (Retry-After: 0)

One request per connection (the proxy tells both sides `Connection: close`), so every
request is decided on its own. Bounded: every socket has a timeout, and the proxy shuts
itself down after `lifetime_s` even if nobody stops it.
"""

from __future__ import annotations

import random
import socket
import socketserver
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

FAULTS = ("drop", "delay", "reset mid-answer", "500", "500 after work", "429")
SOCKET_TIMEOUT_S = 15.0
MAX_HEAD = 65536
HOP_HEADERS = {b"connection", b"keep-alive", b"proxy-connection"}


@dataclass
class FaultPlan:
    """Which fault each request meets; `active` False lets everything through."""

    rate: float = 0.3
    seed: int = 0
    kinds: tuple[str, ...] = FAULTS
    active: bool = True
    applied: Counter = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()

    def next_fault(self) -> str | None:
        with self._lock:
            if not self.active or self._rng.random() >= self.rate:
                self.applied["none"] += 1
                return None
            fault = self._rng.choice(self.kinds)
            self.applied[fault] += 1
            return fault

    def delay(self) -> float:
        with self._lock:
            return self._rng.uniform(0.05, 1.5)


def read_head(sock: socket.socket) -> tuple[bytes, bytes] | None:
    """(head up to the blank line, whatever body bytes came with it); None if the peer left."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk or len(data) > MAX_HEAD:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    return head, rest


def content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


def closing(head: bytes) -> bytes:
    """The same head, with `Connection: close` instead of any keep-alive."""
    lines = [
        line
        for line in head.split(b"\r\n")
        if line.partition(b":")[0].strip().lower() not in HOP_HEADERS
    ]
    return b"\r\n".join(lines + [b"Connection: close"]) + b"\r\n\r\n"


def canned(status: int, phrase: str, extra: str = "") -> bytes:
    body = b'{"error":"proxy","reason":"injected by the fault proxy"}'
    head = (
        f"HTTP/1.1 {status} {phrase}\r\nContent-Type: application/json\r\n{extra}"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body


def reset(sock: socket.socket) -> None:
    """Close with a TCP reset instead of a polite FIN."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


class ProxyHandler(socketserver.BaseRequestHandler):
    server: ProxyServer

    def handle(self) -> None:
        client = self.request
        client.settimeout(SOCKET_TIMEOUT_S)
        try:
            request = self.read_request(client)
            if request is None:
                return
            self.answer(client, request, self.server.plan.next_fault())
        except OSError:
            pass  # the client gave up or the server went away: nothing to tell anyone

    def read_request(self, client: socket.socket) -> bytes | None:
        got = read_head(client)
        if got is None:
            return None
        head, body = got
        while len(body) < content_length(head):
            chunk = client.recv(65536)
            if not chunk:
                return None
            body += chunk
        return closing(head) + body

    def answer(self, client: socket.socket, request: bytes, fault: str | None) -> None:
        if fault == "drop":
            reset(client)
            return
        if fault == "500":
            client.sendall(canned(500, "Internal Server Error"))
            return
        if fault == "429":
            client.sendall(canned(429, "Too Many Requests", "Retry-After: 0\r\n"))
            return
        if fault == "delay":
            time.sleep(self.server.plan.delay())
        response = self.forward(request)
        if fault == "500 after work":
            client.sendall(canned(500, "Internal Server Error"))
        elif fault == "reset mid-answer":
            client.sendall(response[: max(1, len(response) // 2)])
            reset(client)
        else:
            client.sendall(response)

    def forward(self, request: bytes) -> bytes:
        """Send the request to the real server and read its whole answer (it closes after)."""
        with socket.create_connection(
            ("127.0.0.1", self.server.upstream_port), SOCKET_TIMEOUT_S
        ) as upstream:
            upstream.sendall(request)
            chunks = []
            while chunk := upstream.recv(65536):
                chunks.append(chunk)
        response = b"".join(chunks)
        head, _, body = response.partition(b"\r\n\r\n")
        return closing(head) + body


class ProxyServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, upstream_port: int, plan: FaultPlan) -> None:
        super().__init__(("127.0.0.1", 0), ProxyHandler)
        self.upstream_port = upstream_port
        self.plan = plan


class FaultProxy:
    """`with FaultProxy(server_port, plan) as proxy:` then point the client at `proxy.url`."""

    def __init__(self, upstream_port: int, plan: FaultPlan, lifetime_s: float = 600) -> None:
        self.plan = plan
        self._server = ProxyServer(upstream_port, plan)
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )
        self._timer = threading.Timer(lifetime_s, self.stop)  # never outlives a forgotten test
        self._timer.daemon = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FaultProxy:
        self._thread.start()
        self._timer.start()
        return self

    def stop(self) -> None:
        self._timer.cancel()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
