"""A secret key that appears in the repository is no secret (issue 15, finding 11)."""

from pathlib import Path

SKIP = {".git", ".venv", "var", "node_modules", "test-artifacts", "__pycache__", ".ruff_cache"}
MAX_BYTES = 5 * 1024 * 1024


def found_in_repository(key: str, root: Path) -> Path | None:
    """The first file under `root` (the source tree as deployed) that contains the key, or None."""
    needle = key.encode()
    stack = [root]
    while stack:
        folder = stack.pop()
        for path in folder.iterdir():
            if path.name in SKIP or path.is_symlink():
                continue
            if path.is_dir():
                stack.append(path)
            elif path.stat().st_size <= MAX_BYTES and needle in path.read_bytes():
                return path
    return None
