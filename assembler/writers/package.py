"""The .docx zip, written byte for byte as Python's zipfile writes it (deflated, every entry dated
1980-01-01, nothing else varying), with each part's deflated form remembered: the house template's
styles, theme, numbering and settings are the same in every draft, so they are compressed once per
process rather than once per draft. tests/writers/test_package.py holds it to zipfile's output.
"""

from __future__ import annotations

import struct
import sys
import zlib

_LOCAL = struct.Struct("<4s2B4HL2L2H")  # zipfile.structFileHeader
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")  # zipfile.structCentralDir
_END = struct.Struct("<4s4H2LH")  # zipfile.structEndArchive
_VERSION = 20  # zipfile.DEFAULT_VERSION: deflate
_SYSTEM = 0 if sys.platform == "win32" else 3  # as zipfile.ZipInfo records the creating system
_DOSDATE, _DOSTIME = (1980 - 1980) << 9 | 1 << 5 | 1, 0
_PERMISSIONS = 0o600 << 16  # what zipfile gives an entry written from bytes
_LIMIT = (1 << 31) - 1  # zipfile.ZIP64_LIMIT: larger parts are left to zipfile (never a draft's)
_deflated: dict[bytes, tuple[int, bytes]] = {}  # part -> (CRC, deflated), for parts that repeat


def deflate(blob: bytes) -> tuple[int, bytes]:
    """CRC and raw deflate stream, as zipfile makes them (default level)."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return zlib.crc32(blob), compressor.compress(blob) + compressor.flush()


def zipped(names: list[str], parts: dict[str, bytes], repeating: set[str] = frozenset()) -> bytes:
    """The zip of `parts` in the order of `names`. Parts named in `repeating` keep their deflated
    form in this process for the next call with the same bytes."""
    if any(len(parts[name]) * 1.05 > _LIMIT for name in names):
        return _zipfile(names, parts)
    out, central = [], []
    offset = 0
    for name in names:
        blob = parts[name]
        crc, data = _remembered(blob) if name in repeating else deflate(blob)
        filename, flags = _encoded(name)
        header = _LOCAL.pack(b"PK\x03\x04", _VERSION, 0, flags, zlib.DEFLATED, _DOSTIME, _DOSDATE, crc,
                             len(data), len(blob), len(filename), 0)
        out += [header, filename, data]
        central.append(_CENTRAL.pack(b"PK\x01\x02", _VERSION, _SYSTEM, _VERSION, 0, flags, zlib.DEFLATED,
                                     _DOSTIME, _DOSDATE, crc, len(data), len(blob), len(filename), 0, 0, 0, 0,
                                     _PERMISSIONS, offset) + filename)
        offset += len(header) + len(filename) + len(data)
    directory = b"".join(central)
    end = _END.pack(b"PK\x05\x06", 0, 0, len(names), len(names), len(directory), offset, 0)
    return b"".join(out) + directory + end


def _remembered(blob: bytes) -> tuple[int, bytes]:
    """The part's deflated form from this process's memory, made and kept if it is not there (safe
    across the web app's threads: at worst a part is deflated twice)."""
    found = _deflated.get(blob)
    if found is None:
        found = deflate(blob)
        if len(_deflated) > 64:
            _deflated.clear()
        _deflated[blob] = found
    return found


def _encoded(name: str) -> tuple[bytes, int]:
    """The name's bytes and flags, as zipfile encodes them (UTF-8 flagged when not ASCII)."""
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), 0x800


def _zipfile(names: list[str], parts: dict[str, bytes]) -> bytes:
    """The same zip through zipfile itself."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, parts[name])
    return out.getvalue()
