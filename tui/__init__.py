"""OneMore: a terminal training log that walks a lifter through a live session."""

__version__ = "0.1.0"

import logging as _logging

# Library code logs; only the entry point decides where it goes (a file, never the screen).
_logging.getLogger("tui").addHandler(_logging.NullHandler())
