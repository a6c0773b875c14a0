"""partnerdraft: term sheet in, Word first draft of a public-service partnership agreement out."""

import sys
import types

__version__ = "0.1.0"


def _without_pydantic_plugins() -> None:
    """pydantic looks for plugins (other installed packages' entry points) when it builds its first
    validator, and imports importlib.metadata, and with it the email package, to do so: about 30 ms
    of every command, a tenth of a cold `assemble`, for plugins this tool never has. Its plugin
    loader is replaced, before pydantic is imported, by one that finds none. Should pydantic ever
    import something else from that module, every model fails to build at once, not silently
    (tests/test_startup.py)."""
    if "pydantic.plugin._loader" not in sys.modules:
        loader = types.ModuleType("pydantic.plugin._loader", "No pydantic plugins: see assembler/__init__.py.")
        loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
        sys.modules["pydantic.plugin._loader"] = loader


_without_pydantic_plugins()


def _compiled_cache() -> None:
    """The dataclass methods' compiled code, loaded from the user's cache rather than compiled anew
    (assembler/compiled.py). Installed before any of the package's dataclasses are defined."""
    from assembler import compiled

    compiled.install()


_compiled_cache()
