"""Why a sync could not finish, in one line the lifter can act on (never with credentials)."""

from __future__ import annotations


class SyncProblem(Exception):
    """A sync that stopped early; nothing is lost, what was not carried stays pending."""

    @property
    def reason(self) -> str:
        return str(self)


class ServerUnreachable(SyncProblem):
    """No answer, or only busy answers, before the deadline: try again later (offline)."""


class CredentialsRefused(SyncProblem):
    """401/403: retrying with the same user name and password cannot help."""


class BadAnswer(SyncProblem):
    """The server answered something that is not what a CouchDB server says."""


class ServerRefused(SyncProblem):
    """Any other refusal the lifter has to fix on the server (a missing database, ...)."""
