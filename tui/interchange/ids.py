"""Name-based ids (UUID version 5) as text, the same as `str(uuid.uuid5(namespace, name))`.

An import makes one for every set it reads; `uuid.uuid5` builds two UUID objects on the way
to the text, which costs more than the hash itself. Here the SHA-1 hex digest is cut into
the UUID's text with the version (5) and the RFC 4122 variant put in, and nothing else.
"""

from __future__ import annotations

import hashlib

# The first hex digit of the clock sequence, with its top two bits set to 10 (the variant).
VARIANT_DIGIT = {f"{d:x}": f"{d & 0x3 | 0x8:x}" for d in range(16)}


def uuid5_text(namespace: bytes, name: str) -> str:
    """`str(uuid.uuid5(UUID(bytes=namespace), name))`."""
    digest = hashlib.sha1(namespace + name.encode()).hexdigest()
    return (
        f"{digest[:8]}-{digest[8:12]}-5{digest[13:16]}-"
        f"{VARIANT_DIGIT[digest[16]]}{digest[17:20]}-{digest[20:32]}"
    )
