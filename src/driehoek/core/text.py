"""Small helpers for texts typed into forms."""


def same_text(stored: str, submitted: str) -> bool:
    """Whether a submitted text is the stored one. A browser sends every line break of a text area
    as CR LF (the HTML standard's form encoding), whatever was stored; that is not a change."""
    return stored.replace("\r\n", "\n").strip() == submitted.replace("\r\n", "\n").strip()
