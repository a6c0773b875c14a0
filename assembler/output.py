"""Writing drafts safely: atomically, and never over a draft someone has edited since we wrote it."""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

from assembler.errors import Problem, UserError


def guard_overwrite(path: Path, *, force: bool) -> None:
    """Refuse to replace a file that partnerdraft did not write, or that was edited since."""
    if force or not path.exists():
        return
    from assembler.writers.docx import CONTENT_HASH, content_hash, read_parts, stored_properties

    try:
        blob = path.read_bytes()
        stored = stored_properties(blob).get(CONTENT_HASH)
        current = content_hash(read_parts(blob))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        stored = current = None
    if stored is None:
        why = "exists and is not a draft partnerdraft wrote"
    elif stored != current:
        why = "has been edited since partnerdraft wrote it"
    else:
        return
    raise UserError(Problem(f"{why}; refusing to overwrite it (use --force to replace it, "
                            "or choose another -o)", str(path)))


def write_atomically(path: Path, blob: bytes) -> None:
    """Write to a temporary file beside the target, then rename: a failure leaves no half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(blob)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
