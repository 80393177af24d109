"""Secrets never reach the screen, the terminal or the log.

`without_credentials` takes the user and password out of a URL of any shape (`https://u:pw@h`,
`http:/u:pw@h`, `u:pw@h:5984`). `hide` is the last step before anything is shown or logged:
it takes out every `user:password@` it finds and every secret this run was given (the sync
password, also URL-encoded and as Basic auth).
"""

from __future__ import annotations

import base64
import re
from urllib.parse import quote, quote_plus

# A scheme: `http:` or `https:`, or any word followed by a slash (`lifter:pw@…` has none: a
# user name, not a scheme).
_SCHEME = re.compile(r"(?:https?:|[A-Za-z][A-Za-z0-9+.-]*:(?=/))/*", re.IGNORECASE)
# `user:password@` anywhere in a text: a word, a colon, anything but blanks, up to an "@".
_CREDENTIALS = re.compile(r"[^\s/@:'\"()<>]+:[^\s'\"<>]*@")
_MIN_SECRET = 4  # a shorter secret would blank out half of every message; URL shapes still go
_secrets: set[str] = set()


def without_credentials(url: str) -> str:
    """`url` with any user:password@ taken out, safe to print or log, whatever its shape.

    Everything between the scheme (if any) and the last "@" goes: a password may itself hold
    "@" or "/" unescaped, and a URL without `//` still carries it.
    """
    if "@" not in url:
        return url
    scheme = _SCHEME.match(url)
    start = scheme.end() if scheme else 0
    return url[:start] + url[start:].rpartition("@")[2]


def keep_secret(secret: str | None) -> None:
    """From now on `hide` takes `secret` out of everything shown or logged."""
    if not secret or len(secret) < _MIN_SECRET:
        return
    _secrets.update({secret, quote(secret, safe=""), quote_plus(secret)})


def basic_auth(user: str, secret: str) -> None:
    """Also the `Authorization: Basic …` form of a user and password."""
    keep_secret(secret)
    if len(secret) >= _MIN_SECRET:
        _secrets.add(base64.b64encode(f"{user}:{secret}".encode()).decode())


def hide(text: str) -> str:
    """`text` with every `user:password@` and every kept secret replaced by `***`."""
    for secret in sorted(_secrets, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, "***")
    if "@" in text:
        text = _CREDENTIALS.sub("***@", text)
    return text
