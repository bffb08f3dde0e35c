"""Short venue labels ('ICLR 2025') from the long forms sites write."""
from __future__ import annotations

import re
from typing import Optional, Tuple


KNOWN_VENUES = {
    "learning representations": "ICLR", "neural information processing": "NeurIPS",
    "international conference on machine learning": "ICML", "computer vision and pattern recognition": "CVPR",
    "international conference on computer vision": "ICCV", "european conference on computer vision": "ECCV",
    "association for computational linguistics": "ACL", "empirical methods in natural language": "EMNLP",
    "north american chapter": "NAACL", "aaai conference": "AAAI", "joint conference on artificial intelligence": "IJCAI",
    "knowledge discovery and data mining": "KDD", "web conference": "WWW", "machine learning and systems": "MLSys",
    "principles and practice of parallel programming": "PPoPP",
    "high performance computing, networking, storage": "SC", "operating systems design": "OSDI",
    "operating systems principles": "SOSP", "multimedia": "ACM MM",
    "robotics and automation": "ICRA", "intelligent robots and systems": "IROS",
    "artificial intelligence and statistics": "AISTATS", "uncertainty in artificial intelligence": "UAI",
    "learning theory": "COLT", "research and development in information retrieval": "SIGIR",
    "acoustics, speech and signal processing": "ICASSP", "medical image computing": "MICCAI",
    "pattern analysis and machine intelligence": "TPAMI", "transactions on machine learning research": "TMLR",
    "journal of machine learning research": "JMLR",
}
_ACRONYM_PAREN = re.compile(r"\(([A-Z][A-Za-z\-]*[A-Z][A-Za-z\-]*|[A-Z]{2,})(?:['’]?\s?\d{2,4})?\)")
_YEAR_TEXT = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)|['’]\d{2}\b")


def short_venue_label(plain: str, year: Optional[int]) -> Tuple[str, str]:
    """(short label, full name) of a venue text already stripped of markup."""
    acronym = ""
    found = _ACRONYM_PAREN.search(plain)
    if found:
        acronym = found.group(1)
    else:
        lowered = plain.lower()
        acronym = next((short for long, short in KNOWN_VENUES.items() if long in lowered), "")
    without_year = _YEAR_TEXT.sub("", plain)
    name = re.sub(r"\s*\([^)]*\)\s*", " ", without_year) if acronym else without_year
    name = re.sub(r"^(in|at|to appear in|published in|accepted (?:by|at|to))\s+", "", name.strip(), flags=re.I)
    name = re.sub(r"(\s*[,.;:]\s*)+$", "", re.sub(r"\s+", " ", name)).strip(" ,.;")
    name = re.split(r"\s*,\s*(?:pp?\.|vol\.?|no\.|issue|art\.|\d)", name, flags=re.I)[0].strip(" ,.;")
    if re.match(r"arxiv\b", name, re.I):
        name, acronym = "", "arXiv"
    if not acronym:
        label = f"{name} {year}" if year and name else (name or plain.strip(" ,.;"))
        return label, name if len(name.split()) > 4 else ""
    return (f"{acronym} {year}" if year else acronym), name
