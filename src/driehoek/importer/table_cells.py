"""The cells of a table's line, by its columns: between pipes, or cut where each column starts (agreement_tables)."""

import re


def split(line: str) -> list[tuple[int, str]]:
    """(start, text) of each cell: between pipes, or separated by two spaces or more."""
    if line.count("|") >= 2:
        cells, start = [], 0
        for part in line.split("|"):
            cells.append((start, part.strip()))
            start += len(part) + 1
        return cells
    return [(m.start(), m.group(0)) for m in re.finditer(r"\S+(?: \S+)*", line)]


def cells(line: str, columns: list[tuple[int, str]], piped: bool) -> list[str] | None:
    if piped:
        if line.count("|") < len(columns) - 1:
            return None
        parts = [p.strip() for p in line.split("|")]
        if len(parts) > len(columns) and not parts[0] and line.lstrip().startswith("|"):
            parts = parts[1:]
        return (parts + [""] * len(columns))[: len(columns)]
    starts = [start for start, _name in columns] + [None]
    cells = []
    for k in range(len(columns)):
        # A cell may begin a character early or late: cut at the space nearest the column's start.
        begin = cut(line, starts[k]) if k else 0
        end = cut(line, starts[k + 1]) if starts[k + 1] is not None else None
        cells.append(line[begin:end].strip())
    return cells


def cut(line: str, at: int) -> int:
    if at >= len(line):
        return len(line)
    for shift in (0, -1, 1, -2, 2):
        k = at + shift
        if 0 < k <= len(line) and line[k - 1] == " ":
            return k
    return at
