"""Bytes to text: BOM and UTF-16 detection, a per-byte Windows-1252 fallback for stray
bytes, and a reversible repair of UTF-8 that was once decoded as Mac Roman or Windows-1252.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from typing import List, Optional, Tuple


class NotText(Exception):
    """The file is binary or in no encoding we can read."""


def decode(data: bytes) -> Tuple[str, str]:
    """Bytes -> (text, encoding name). Raises NotText for binary data.

    Invalid UTF-8 bytes in an otherwise UTF-8 file are read as Windows-1252
    one by one, so a file with one stray Latin-1 byte keeps its other text.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="migrator-cp1252"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise NotText(f"invalid UTF-16 ({exc.reason})") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        encoding = _utf16_without_bom(data)
        if encoding:
            return data.decode(encoding), encoding
        line = data.count(b"\n", 0, nul) + 1
        raise NotText(f"contains a NUL byte on line {line} (a binary file?)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="migrator-cp1252")
    if sum(ch < " " and ch not in "\t\r\n\f" for ch in text[:8192]) > 8:
        raise NotText("not text (control characters)")
    return text, "cp1252"


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le' / 'utf-16-be' when the NULs sit where UTF-16 text puts them, else ''."""
    sample = data[:8192]
    if len(data) % 2 or sample.count(0) < len(sample) // 4:
        return ""
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    encoding = "utf-16-le" if odd > 4 * even else ("utf-16-be" if even > 4 * odd else "")
    try:
        data.decode(encoding) if encoding else None
    except UnicodeDecodeError:
        return ""
    return encoding


def _cp1252_byte(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)  # the five bytes cp1252 leaves undefined: read as Latin-1


def _cp1252_fallback(exc: UnicodeDecodeError) -> Tuple[str, int]:
    bad = exc.object[exc.start:exc.end]
    return "".join(_cp1252_byte(b) for b in bad), exc.end


codecs.register_error("migrator-cp1252", _cp1252_fallback)

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")
_MOJIBAKE_ENCODINGS = ("mac_roman", "cp1252")


def _plausible(fixed: str) -> bool:
    """No control, unassigned or private character, no combining mark that would attach
    to the text before the run (marks inside it, like emoji selectors, are fine), and
    none of the rare letters (U+0180-U+036F) that legitimate `«É` or `“É` would become."""
    if unicodedata.category(fixed[0]).startswith("M") or any("\u0180" <= ch <= "\u036f" for ch in fixed):
        return False
    return not any(unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs") for ch in fixed)


def _mojibake_bytes(run: str, encoding: str) -> Optional[bytes]:
    """The bytes `run` came from if it is UTF-8 shown in `encoding`, else None."""
    if encoding == "cp1252":  # its undefined bytes survive some editors as C1 controls
        out = bytearray()
        for ch in run:
            try:
                out += ch.encode("cp1252")
            except UnicodeEncodeError:
                if not 0x80 <= ord(ch) <= 0x9f:
                    return None
                out.append(ord(ch))
        return bytes(out)
    try:
        return run.encode(encoding)
    except UnicodeEncodeError:
        return None


def _repair_run(run: str) -> Tuple[str, str]:
    """(repaired run, encoding) for the first encoding giving plausible text, else (run, '')."""
    for enc in _MOJIBAKE_ENCODINGS:
        raw = _mojibake_bytes(run, enc)
        if raw is None:
            continue
        try:
            fixed = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if fixed != run and _plausible(fixed):
            return fixed, enc
    return run, ""


def repair_mojibake(line: str) -> Tuple[str, str]:
    """Undo UTF-8 text that was once decoded as Mac Roman or Windows-1252.

    Only runs of non-ASCII characters that re-encode to valid, different
    UTF-8 are changed, and only when the result holds no combining mark,
    control or unassigned character, so a legitimate accented word is left
    alone. Returns (line, encoding) with encoding '' when nothing changed.
    """
    if line.isascii():
        return line, ""
    used: List[str] = []

    def fix(match: "re.Match[str]") -> str:
        fixed, enc = _repair_run(match.group(0))
        if enc:
            used.append(enc)
        return fixed

    repaired = _NON_ASCII_RUN.sub(fix, line)
    if not used:
        return line, ""
    return repaired, max(set(used), key=used.count)
