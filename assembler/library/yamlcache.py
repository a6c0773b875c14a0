"""Library YAML read fast: a plain safe parse, remembered in the cache by a hash of the text.

Library files are read on every command. The round-trip loader that records lines for messages
costs several times more, so callers use this first and fall back to it only for a file that fails
validation, to say where the fault is.
"""

from __future__ import annotations

import json
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from assembler import cache

_SAFE = YAML(typ="safe", pure=True)


def quick_load(text: str) -> Any | None:
    """The parsed data, or None if the text does not parse (the caller then reports it located)."""
    name = cache.key("yaml", text) + ".json"
    blob = cache.read("yaml", name)
    if blob is not None:
        try:
            return json.loads(blob)
        except ValueError:
            pass
    try:
        data = _SAFE.load(text)
    except YAMLError:
        return None
    try:
        cache.write("yaml", name, json.dumps(data).encode("utf-8"))
    except (TypeError, ValueError):
        pass  # not JSON-shaped (a date, say): parse again next time
    return data
