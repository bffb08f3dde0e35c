"""Who a site belongs to: name and its spellings, homepage, Scholar id and GitHub user.

Read from `_config.yml` (`author:`, `name`, `url`, `repository`), the pages (the
author most often highlighted in author lists) and the lint config overrides.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple
from urllib.parse import parse_qs, urlparse

from .folding import fold
from .model import Site
from .readers.names import name_matches

if TYPE_CHECKING:
    from .rules.base import Owner

# Values the templates ship with: never the owner's.
PLACEHOLDER_NAMES = {"your name", "your sidebar name", "lorem ipsum", "name lastname", "firstname lastname"}
PLACEHOLDER_USERS = {"academicpages", "yourusername", "your-username", "username", "rayeren"}
PLACEHOLDER_SCHOLAR = {"PS_CX0AAAAAJ", "YOUR_GOOGLE_SCHOLAR_ID", "DhtAFkwAAAAJ", "USER_ID"}

_NATIVE = re.compile(r"^(.*?)\s*[(（]\s*([^()（）]+?)\s*[)）]\s*$")
_SCHOLAR_ID = re.compile(r"^[\w-]{12}$")
_NOT_NAME_CHAR = re.compile(r"[^\w\s-]")


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def split_native(name: str) -> List[str]:
    """'Ziwei Luo (罗梓巍)' -> ['Ziwei Luo', '罗梓巍']; other names -> [name]."""
    match = _NATIVE.match(name.strip())
    if match and match.group(1):
        return [match.group(1).strip(), match.group(2).strip()]
    return [name.strip()] if name.strip() else []


def name_variants(name: str) -> List[str]:
    """Spellings of a Latin-script 'First [Middle] Last' name seen in author lists."""
    words = re.sub(r"[^\w\s'.-]", " ", name).split()
    if len(words) < 2 or not all(re.match(r"^[^\W\d_]", w) for w in words):
        return []
    first, last = words[:-1], words[-1]
    given = " ".join(first)
    initials = " ".join(w[0].upper() + "." for w in first)
    compact = "".join(w[0].upper() + "." for w in first)
    out = [f"{last} {given}", f"{last}, {given}", f"{initials} {last}", f"{compact} {last}",
           f"{last}, {initials}", f"{given} {last.upper()}", f"{last.upper()} {given}",
           f"{given}, {last.upper()}"]
    if len(first) == 1 and "-" in first[0]:  # 'Jia-Hui Wang' ~ 'Jiahui Wang'
        out.append(f"{first[0].replace('-', '')} {last}")
    return out


def scholar_id(value: Any) -> str:
    """The `user=` id of a Scholar URL, or the value itself when it is a bare id."""
    text = _text(value)
    if not text:
        return ""
    if "scholar.google" in text:
        ids = parse_qs(urlparse(text).query).get("user")
        return ids[0] if ids else ""
    return text if _SCHOLAR_ID.match(text) else ""


def github_user(value: Any) -> str:
    text = _text(value).rstrip("/")
    if "github.com/" in text:
        text = text.split("github.com/", 1)[1].split("/")[0]
    return text if re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})", text or "-") else ""


def homepage_of(config: Dict[str, Any]) -> str:
    """`url`, or https://USER.github.io from `repository: USER/USER.github.io`."""
    url = _text(config.get("url")).rstrip("/")
    host = urlparse(url).hostname or ""
    if url and host not in ("localhost", "127.0.0.1", "academicpages.github.io") \
            and not host.startswith("yourusername"):
        return url
    repo = _text(config.get("repository"))
    match = re.fullmatch(r"([\w-]+)/([\w.-]+\.github\.io)", repo)
    if match and match.group(1).lower() not in PLACEHOLDER_USERS:
        return "https://" + match.group(2).lower()
    return ""


def highlighted_name(site: Site) -> str:
    """The author name most often highlighted as 'self' in the site's author lists."""
    counts: Counter = Counter()
    for pub in site.publications:
        for person in pub.authors:
            if person.is_owner and person.name:
                counts[re.sub(r"\s+", " ", person.name.strip())] += 1
    if not counts:
        return ""
    name, count = counts.most_common(1)[0]
    return name if count >= 2 and count * 2 > sum(counts.values()) else ""


_HONORIFIC = re.compile(r"^(?:dr|prof|professor|mr|ms|mrs)\.?\s+|,?\s+(?:ph\.?\s?d\.?|m\.?d\.?|jr\.?)$", re.I)


def _real_name(value: str) -> str:
    """The name without 'Dr.'/'Prof.'/', PhD'; '' for a template placeholder."""
    value = _HONORIFIC.sub("", _HONORIFIC.sub("", value)).strip()
    return value if value and value.lower() not in PLACEHOLDER_NAMES else ""


def resolve_owner(site: Site, overrides: Optional[Dict[str, Any]] = None) -> Owner:
    """The owner's identity; `overrides` (lint config `owner`) win over what the site says."""
    from .rules.base import Owner  # the rules package imports this module
    overrides = overrides or {}
    config = site.config or {}
    author = config.get("author") if isinstance(config.get("author"), dict) else {}
    profile = site.profile
    names = [_text(overrides.get("name")), _real_name(_text(profile.name)),
             _real_name(_text(author.get("name"))), _real_name(_text(config.get("name")))]
    names = [n for n in names if n]
    highlighted = highlighted_name(site)
    main = names[0] if names else highlighted
    variants: List[str] = []
    extra = overrides.get("variants") or overrides.get("names") or []
    if isinstance(extra, str):
        extra = [extra]
    for raw in [main, *names[1:], *map(_real_name, map(_text, profile.name_variants)), *extra]:
        for part in split_native(_text(raw)):
            variants.append(part)
    if variants:
        main = variants[0]
    for base in list(variants):
        variants.extend(name_variants(base))
    latin = any(re.search(r"[A-Za-z]", v) for v in variants)
    if highlighted and names and (name_matches(highlighted, variants) or not latin):
        variants.append(highlighted)
    seen, unique = set(), []
    for v in variants:
        if v and v.lower() not in seen and v != main:
            seen.add(v.lower())
            unique.append(v)
    scholar = _text(overrides.get("scholar_id") or overrides.get("scholar")) and \
        scholar_id(overrides.get("scholar_id") or overrides.get("scholar"))
    scholar = scholar or profile.scholar_id or scholar_id(author.get("googlescholar")) \
        or scholar_id(author.get("google_scholar")) or scholar_id(author.get("scholar"))
    if scholar in PLACEHOLDER_SCHOLAR:
        scholar = ""
    github = github_user(overrides.get("github")) or github_user(author.get("github"))
    if github.lower() in PLACEHOLDER_USERS:
        github = ""
    homepage = _text(overrides.get("homepage")).rstrip("/") or homepage_of(
        {"url": profile.homepage or config.get("url"), "repository": config.get("repository")})
    if not github:
        repo = _text(config.get("repository"))
        user = repo.split("/")[0] if "/" in repo else ""
        github = "" if user.lower() in PLACEHOLDER_USERS else github_user(user)
    return Owner(name=main, variants=unique, homepage=homepage, scholar_id=scholar, github=github)


def owner_match(name: str, names: List[str]) -> bool:
    """The author name is the owner's: `name_matches`, or the same surname with a compatible
    given name ('I. S. Gordeev', 'Ivan Sergeevich Gordeev' ~ 'Ivan Gordeev'; 'Zhao C' ~ 'Cong Zhao')."""
    if not name or not names:
        return False
    # rules ask about the same few hundred authors against the same names many times over
    return _owner_match(name, tuple(names))


@lru_cache(maxsize=1 << 16)
def _owner_match(name: str, names: Tuple[str, ...]) -> bool:
    if name_matches(name, names):
        return True
    words = _NOT_NAME_CHAR.sub(" ", name.replace(",", " , ")).split()
    if "," in words:
        cut = words.index(",")
        forms = [(words[cut + 1:], words[:cut])]
    else:
        forms = [(words[:-1], words[-1:])]
        if len(words) >= 2 and len(words[-1]) == 1:  # 'Zhao C': surname first, initial after
            forms.append((words[1:], words[:1]))
    for owner in names:
        o_words = _NOT_NAME_CHAR.sub(" ", owner).split()
        if len(o_words) < 2:
            continue
        orders = [(o_words[0].lower(), o_words[-1].lower())]
        if len(o_words) == 2:  # 'Zhao Cong' may be surname first
            orders.append((o_words[1].lower(), o_words[0].lower()))
        for (o_first, o_last), (given, surname) in ((o, f) for o in orders for f in forms):
            if not given or " ".join(surname).lower() != o_last:
                continue
            first = given[0].lower()
            if first == o_first or (len(first) == 1 and first == o_first[0]):
                return True
    return False


def near_miss(name: str, names: List[str]) -> bool:
    """A typo of one of the owner's names ('Xuanlei Zaho'), not another person who shares a
    surname ('Manoel Horta Ribeiro' on the page of 'Antônio Horta Ribeiro'): close as a whole, and
    every word close to one of that name's words."""
    import difflib  # only when a highlighted name is not the owner's

    written = fold(name)
    for owner in map(fold, names):
        if difflib.SequenceMatcher(None, written, owner).ratio() >= 0.8 and all(
                max(difflib.SequenceMatcher(None, word, own).ratio() for own in owner.split()) >= 0.7
                for word in written.split()):
            return True
    return False


def owner_names(owner: Owner) -> List[str]:
    """Every name the owner goes by, main name first."""
    return [n for n in [owner.name, *owner.variants] if n]
