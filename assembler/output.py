"""Writing drafts safely: atomically, and never over a draft someone has edited since we wrote it."""

from __future__ import annotations

import os
import stat
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
    """Write to a temporary file beside the target, then rename: a failure leaves no half file.

    mkstemp makes its file readable by the owner alone (0600); a draft is shared with colleagues,
    so the file takes the permissions any new file would (0666 less the umask), or keeps those of
    the file it replaces."""
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, mode)  # by name: os.fchmod is not on Windows before Python 3.13
        with os.fdopen(fd, "wb") as handle:
            handle.write(blob)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The permission bits the written file should have: those of the file it replaces, or what
    open() would give a new file under the user's umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask. It can only be read by setting it, so it is set back at once."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
