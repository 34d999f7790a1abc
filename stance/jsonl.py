"""JSON Lines input with errors that name the file and line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from stance.errors import DataFormatError


def iter_json_lines(path: str | Path, what: str, fix_missing: str) -> Iterator[tuple[str, object]]:
    """Yield ``(where, object)`` for each non-empty line of a JSON Lines file; ``where`` is "file, line N".
    A missing file or a line that is not JSON raises :class:`DataFormatError` (``what`` names the file's kind)."""
    path = Path(path)
    if not path.is_file():
        raise DataFormatError(f"{what} file not found", where=str(path), expected="a JSON Lines file",
                              found="no such file", fix=fix_missing)
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}, line {n}"
            try:
                yield where, json.loads(line)
            except json.JSONDecodeError as err:
                raise DataFormatError("malformed JSON line", where=where, expected="one JSON object per line",
                                      found=f"{err.msg} at column {err.colno}",
                                      fix="fix the line (each object on one line, no trailing commas)") from None
