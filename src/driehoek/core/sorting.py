"""Natural order for texts with numbers: agreement 2 before agreement 10, 4.1 before 4.10. Every
list that sorts by an agreement number or by a text holding one uses this key."""

import re

_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """A sort key that compares runs of digits as numbers: 1, 2, …, 10; 4.1, 4.2, 4.10."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in _DIGITS.split(text or ""))
