"""A finished session as a CouchDB document: `session:<uuid>`, its sets embedded.

A deleted session travels as a CouchDB deletion that still says when it was deleted.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tui.core.model import Session

PREFIX = "session:"
DOC_TYPE = "session"


class NotASession(ValueError):
    """A document that is not a OneMore session this version can read."""


def doc_id(session_id: str) -> str:
    return PREFIX + session_id


def session_id_of(document_id: str) -> str | None:
    """The session id inside a document id, None for any other document."""
    return document_id[len(PREFIX) :] if document_id.startswith(PREFIX) else None


def with_rev(document: dict[str, Any], rev: str | None) -> dict[str, Any]:
    return document if rev is None else {**document, "_rev": rev}


def session_doc(session: Session, rev: str | None) -> dict[str, Any]:
    return with_rev({"_id": doc_id(session.id), "type": DOC_TYPE, **session.to_dict()}, rev)


def deletion_doc(session_id: str, rev: str | None, deleted_at: str) -> dict[str, Any]:
    document = {"_id": doc_id(session_id), "_deleted": True, "type": DOC_TYPE}
    return with_rev({**document, "deleted_at": deleted_at}, rev)


def session_from_doc(document: Any) -> Session:
    """The finished session a document holds; NotASession if it holds anything else."""
    if not isinstance(document, dict) or document.get("type") != DOC_TYPE:
        raise NotASession("not a OneMore session document")
    body = {k: v for k, v in document.items() if not k.startswith("_") and k != "type"}
    try:
        session = Session.from_dict(body)
    except (ValueError, TypeError, AttributeError, KeyError, OverflowError) as problem:
        # ModelError is a ValueError; the others come from shapes the model never expected.
        raise NotASession(f"unreadable session ({problem})") from problem
    if document.get("_id") != doc_id(session.id):
        raise NotASession("its id does not match the session inside")
    if not session.finished:
        raise NotASession("the session inside is not finished")
    return session


def deleted_at_of(document: Any, fallback: datetime) -> datetime:
    """When a deletion document says the session was deleted, else `fallback`."""
    text = document.get("deleted_at") if isinstance(document, dict) else None
    try:
        moment = datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        moment = None
    return moment if moment is not None and moment.tzinfo is not None else fallback
