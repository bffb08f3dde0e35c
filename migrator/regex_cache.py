"""Compiled regular expressions kept between runs, as Python keeps compiled modules.

A `migrate` process compiles some 550 regular expressions (ours, PyYAML's, the standard
library's): 55-60 ms of a 0.18 s lint of a one-page site, a third of a pre-commit run. Python
compiles a pattern in two steps: parsing it and generating the matcher's code (Python code, slow),
then handing that code to the C engine (`_sre.compile`, fast). `migrate` run as a program
(`install`) remembers the generated code of every pattern it compiles in a file beside the
package's bytecode and, in later runs, gives it straight to the C engine: the same pattern object
(CPython compares compiled code in `Pattern.__eq__`; tests/test_regex_cache.py checks every
pattern a run compiles) for 2-3 ms of loading.

Safe by construction: the file is used only by the exact interpreter that wrote it (version,
engine magic and code size in its header); the C engine validates code it is given; anything
unexpected (no such private function on this Python, an unreadable or corrupt file, a validation
error) falls back to the normal compile. Nothing is written when Python is told not to write
bytecode (`PYTHONDONTWRITEBYTECODE`, `-B`) or when the folder is not writable, as with `.pyc`.
"""
from __future__ import annotations

import marshal
import os
import sys
from array import array
from typing import Any, Dict, Optional, Tuple

try:
    import _sre
    from re import _compiler, _parser
    _TYPECODE = next((code for code in "HIL" if array(code).itemsize == _sre.CODESIZE), "")
    _AVAILABLE = hasattr(_compiler, "_code") and hasattr(_parser, "parse") and bool(_TYPECODE)
except ImportError:  # Python before 3.11 names these modules sre_compile / sre_parse
    _AVAILABLE = False
MAX_ENTRIES = 4000  # patterns built from a site's own text (an escaped name) must not grow it forever

Key = Tuple[Any, int]
_entries: Dict[Key, tuple] = {}   # (pattern, flags) -> (flags, code bytes, groups, groupindex, indexgroup)
_used: Dict[Key, tuple] = {}      # what this run compiled: kept first when the file is full
_missed = 0
_path: Optional[str] = None
_normal_compile = None


def _header() -> tuple:
    return ("migrator-regex-1", sys.version, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS)


def cache_path() -> str:
    """Where the cache lives: this package's `__pycache__` (or `sys.pycache_prefix`'s mirror of it)."""
    import importlib.util

    folder = os.path.dirname(importlib.util.cache_from_source(os.path.abspath(__file__)))
    return os.path.join(folder, f"regex.{sys.implementation.cache_tag}.bin")


def install(path: Optional[str] = None) -> bool:
    """Serve regex compiles from the cache for the rest of this process; False where unsupported."""
    global _path, _normal_compile
    if not _AVAILABLE or _normal_compile is not None:
        return False
    _path = path or cache_path()
    _entries.update(_load(_path))
    _normal_compile = _compiler.compile
    _compiler.compile = _compile
    return True


def uninstall() -> None:
    """Restore the normal compile and forget the cache (tests)."""
    global _normal_compile, _path, _missed
    if _normal_compile is not None:
        _compiler.compile = _normal_compile
    _normal_compile, _path, _missed = None, None, 0
    _entries.clear()
    _used.clear()


def save() -> None:
    """Write the cache if this run compiled something new; never fails the run."""
    global _missed
    if _path is None or not _missed or sys.dont_write_bytecode:
        return
    table = dict(_used)
    for key, entry in _entries.items():
        if len(table) >= MAX_ENTRIES:
            break
        table.setdefault(key, entry)
    tmp = f"{_path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(_path), exist_ok=True)
        from .output_dir import write_bytes

        write_bytes(tmp, marshal.dumps((_header(), table)), new=True)  # as importlib writes a .pyc
        os.replace(tmp, _path)  # a reader sees the old file or the new one, never half of one
        _missed = 0
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _load(path: str) -> Dict[Key, tuple]:
    try:
        with open(path, "rb") as handle:
            header, table = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return table if header == _header() and isinstance(table, dict) else {}


def _compile(pattern: Any, flags: int = 0) -> Any:
    """`re._compiler.compile` for patterns given as text or bytes, from the cache where possible."""
    global _missed
    if not isinstance(pattern, (str, bytes)) or flags & _compiler.SRE_FLAG_DEBUG:
        return _normal_compile(pattern, flags)
    key = (pattern, int(flags))
    entry = _entries.get(key)
    if entry is not None:
        try:
            final_flags, code, groups, groupindex, indexgroup = entry
            compiled = _sre.compile(pattern, final_flags, _code_list(code), groups, groupindex, indexgroup)
            _used[key] = entry
            return compiled
        except Exception:  # a damaged entry: the engine refused its code
            del _entries[key]
    try:
        compiled, entry = _fresh(pattern, flags)
    except Exception:  # a bad pattern (re.error again, from the normal compile) or another Python's insides
        return _normal_compile(pattern, flags)
    _entries[key] = _used[key] = entry
    _missed += 1
    return compiled


def _fresh(pattern: Any, flags: int) -> tuple:
    """Compile as `re._compiler.compile` does, keeping what the C engine was given."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    entry = (int(flags | parsed.state.flags), _code_bytes(code), parsed.state.groups - 1,
             groupindex, tuple(indexgroup))
    return _sre.compile(pattern, entry[0], code, entry[2], groupindex, entry[4]), entry


def _code_bytes(code: list) -> bytes:
    # marshal reads a list of 60,000 ints in 20 ms and the same numbers as bytes in 1 ms
    return array(_TYPECODE, code).tobytes()


def _code_list(data: bytes) -> list:
    return array(_TYPECODE, data).tolist()
