"""A small CouchDB stand-in behind httpx.MockTransport, for faults a real server won't make.

It keeps documents with revisions, answers the calls sync makes (database check,
`_bulk_docs`, `_all_docs` with keys, `_changes`), and lets a test queue faults: a
response, or an exception, for the next request whose path ends with a given suffix.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable
from typing import Any

import httpx

from tui.sync.config import SyncConfig

DATABASE = "lifts"
URL = "https://couch.example.com"
PASSWORD = "hunter2-not-for-printing"

AUTHORIZATION = "Basic " + base64.b64encode(f"lifter:{PASSWORD}".encode()).decode()

Fault = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


def fake_config() -> SyncConfig:
    return SyncConfig(URL, DATABASE, "lifter", PASSWORD)


class FakeCouch:
    def __init__(self) -> None:
        self.docs: dict[str, dict[str, Any]] = {}
        self.seq = 0
        self.last_change: dict[str, int] = {}  # doc id -> seq of its latest change
        self.faults: list[tuple[str, Fault]] = []
        self.requests: list[httpx.Request] = []

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def fail_next(self, path_suffix: str, fault: Fault, times: int = 1) -> None:
        self.faults += [(path_suffix, fault)] * times

    def live(self) -> dict[str, dict[str, Any]]:
        return {i: d for i, d in self.docs.items() if not d.get("_deleted")}

    def requests_to(self, suffix: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.path.endswith(suffix)]

    # -- the server ----------------------------------------------------------------------

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        for index, (suffix, fault) in enumerate(self.faults):
            if request.url.path.endswith(suffix):
                del self.faults[index]
                if isinstance(fault, Exception):
                    raise fault
                return fault if isinstance(fault, httpx.Response) else fault(request)
        return self.answer(request)

    def answer(self, request: httpx.Request) -> httpx.Response:
        if request.headers.get("Authorization") != AUTHORIZATION:
            return httpx.Response(401, json={"error": "unauthorized", "reason": "Name or password"})
        path = request.url.path
        if path == f"/{DATABASE}":
            return httpx.Response(200, json={"db_name": DATABASE})
        body = json.loads(request.content) if request.content else {}
        if path.endswith("/_bulk_docs"):
            return httpx.Response(201, json=[self.save(doc) for doc in body["docs"]])
        if path.endswith("/_all_docs"):
            return httpx.Response(200, json={"rows": [self.row(key) for key in body["keys"]]})
        if path.endswith("/_changes"):
            return httpx.Response(200, json=self.changes(request.url.params))
        return httpx.Response(404, json={"error": "not_found", "reason": "missing"})

    def put(self, doc: dict[str, Any]) -> str:
        """Store `doc` as the next revision, as another device would; returns the new rev."""
        current = self.docs.get(doc["_id"])
        generation = int(current["_rev"].split("-")[0]) + 1 if current else 1
        digest = hashlib.md5(json.dumps(doc, sort_keys=True).encode()).hexdigest()
        stored = {**doc, "_rev": f"{generation}-{digest}"}
        self.docs[doc["_id"]] = stored
        self.seq += 1
        self.last_change[doc["_id"]] = self.seq
        return stored["_rev"]

    def save(self, doc: dict[str, Any]) -> dict[str, Any]:
        current = self.docs.get(doc["_id"])
        expected = current["_rev"] if current else None
        revived = current is not None and current.get("_deleted") and "_rev" not in doc
        if doc.get("_rev") != expected and not revived:
            return {"id": doc["_id"], "error": "conflict", "reason": "Document update conflict."}
        return {"ok": True, "id": doc["_id"], "rev": self.put(doc)}

    def row(self, key: str) -> dict[str, Any]:
        doc = self.docs.get(key)
        if doc is None:
            return {"key": key, "error": "not_found"}
        deleted = bool(doc.get("_deleted"))
        value = {"rev": doc["_rev"], **({"deleted": True} if deleted else {})}
        return {"id": key, "key": key, "value": value, "doc": None if deleted else doc}

    def changes(self, params: httpx.QueryParams) -> dict[str, Any]:
        since = int(params.get("since", 0))
        limit = int(params.get("limit", 1000))
        newer = sorted((seq, i) for i, seq in self.last_change.items() if seq > since)
        page = newer[:limit]
        results = [
            {
                "seq": seq,
                "id": i,
                "changes": [{"rev": self.docs[i]["_rev"]}],
                "doc": self.docs[i],
                **({"deleted": True} if self.docs[i].get("_deleted") else {}),
            }
            for seq, i in page
        ]
        last = page[-1][0] if page else since
        return {"results": results, "last_seq": last, "pending": len(newer) - len(page)}
