"""DUP004: a block of lines repeated verbatim inside one page (a pasted or PDF page-break copy)."""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from types import SimpleNamespace
from typing import Dict, Iterator, List, Optional, Tuple

from ..diagnostics import Diagnostic
from ..model import Span
from .base import LintContext, Rule
from .dup001 import exact_duplicate_fix
from .textscan import Line, may_match, rendered_lines, short
from ..mdlinks import MD_LINK, without_links

_LONG = 80        # one sentence this long is a paragraph, and a paragraph is not written twice
_BLOCK_CHARS = 50  # two short lines ('2021', 'Paris') repeat by chance; a block says more
_SUBSTANTIAL = 40
_CANDIDATES = 4   # earlier copies tried per line: keeps a page of 1,000 '</div>' linear
_LONGEST = 400    # a longer copy is reported in pieces, so a page repeating itself stays linear
_RULE = re.compile(r"^\s*([-=*_])(\s*\1){2,}\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_DELIMITER = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$")
_CODE_FIELD = re.compile(r"^\s*(@\w+\s*{|\w+\s*=\s*[{\"])")  # BibTeX: 'author={...}' in every entry
_VENUE = re.compile(r"(?i)\b(proceedings|conference|journal|transactions|workshop|symposium|arxiv|preprint|"
                    r"under review|in submission|accepted|published)\b")
_PARTICLES = {"de", "van", "von", "der", "da", "di", "del", "la", "le", "du", "dos", "bin", "al"}
_OPEN_CODE = re.compile(r"^\s*(```|~~~)|<(script|style|pre)\b", re.I)
_OPEN_CODE_HINT = re.compile(r"```|~~~|<(?:script|style|pre)")  # in every _OPEN_CODE match, lowered
_CLOSE = {"script": re.compile(r"</script", re.I), "style": re.compile(r"</style", re.I),
          "pre": re.compile(r"</pre", re.I)}


def visible_text(line: str) -> str:
    """The words a reader sees on a line: tags, Liquid, link targets, emphasis and bullets removed."""
    text = re.sub(r"{%.*?%}|{{.*?}}|<[^>]*>|!\[[^\]]*\]\([^)]*\)|{:[^}]*}", " ", line)
    text = MD_LINK.sub(lambda m: m.group(1).strip("[]"), text)
    text = re.sub(r"^\s*(?:#+|>|[-*+•]|\d+[.)])\s+", "", text)
    return re.sub(r"\s+", " ", re.sub(r"[*_`|\\]", " ", text)).strip()


@lru_cache(maxsize=65536)
def content_size(line: str) -> int:
    """Characters of real content on a line; 0 for markup, rules, links alone, BibTeX fields, short list items."""
    if _RULE.match(line) or _CODE_FIELD.match(line):
        return 0
    text = visible_text(line)
    outside_links = visible_text(without_links(line))
    if sum(ch.isalnum() for ch in text) < 3 or sum(ch.isalnum() for ch in outside_links) < 3:
        return 0  # '[back to top](#toc)', '[PDF] [Code]': navigation
    if _BULLET.match(line) and len(text) < _LONG:
        return 0  # '- Xuanlei Zhao' in one author list after another
    return len(text)


@lru_cache(maxsize=65536)
def substantial(line: str) -> bool:
    """A line that says something of its own: not an author list, not a venue, not a few words."""
    text = visible_text(line)
    if content_size(line) < _SUBSTANTIAL or names_only(text):
        return False
    return not (re.search(r"\b(19|20)\d\d\b", text) and _VENUE.search(text))


def names_only(text: str) -> bool:
    """'Mingxing Tan, Quoc V. Le and Yang You': a list of people, which papers of one group share."""
    parts = [p.strip() for p in re.split(r",|;|\band\b|&", text) if p.strip()]
    if len(parts) < 2:
        return False
    return sum(_is_name(p) for p in parts) >= 0.8 * len(parts)


def _is_name(part: str) -> bool:
    words = part.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() or w.lower() in _PARTICLES for w in words)


def _is_markup(line: str) -> bool:
    return sum(ch.isalnum() for ch in visible_text(line)) < 3


class RepeatedBlock(Rule):
    """Flags a block of lines that appears twice, word for word, in one page.

    ## What it does
    Looks for a run of lines that repeats an earlier run of the same page or
    collection item: at least two lines of content (50 characters or more in
    all) or one long line of 80 or more. Markup (`---`, `</div>`), table rows
    and short list items (`- Xuanlei Zhao`) repeat by design and do not count.
    An entry listed twice is DUP001's, and is not reported again here.

    ## Why is this bad?
    Text pasted from a PDF brings its page headers along, and a paragraph
    copied twice reads as a mistake; either way the page shows it twice.

    ## Example
    ```markdown
    Xuanlei, ZHAO

    xuanlei [at] comp.nus.edu.sg | Homepage | Github | Singapore
    ...
    Xuanlei, ZHAO

    xuanlei [at] comp.nus.edu.sg | Homepage | Github | Singapore
    ```

    ## Fix
    Delete the second copy, or rewrite it if it was pasted in the wrong place.
    When a copy of two or more lines repeats the first line for line, blank
    lines included, `--fix` deletes it.
    """

    code = "DUP004"
    name = "repeated-block"
    severity = "warning"

    def check(self, ctx: LintContext) -> Iterator[Diagnostic]:
        pages: Dict[str, List[Line]] = defaultdict(list)
        for line in rendered_lines(ctx):
            pages[line.path].append(line)
        spans = _entry_spans(ctx)
        for lines in pages.values():
            for first, second in repeated_runs(lines):
                if _fields_of_two_entries(first, second, spans):
                    continue
                span = Span(second[0].path, second[0].number, 1, second[-1].number)
                origin = Span(first[0].path, first[0].number, 1, first[-1].number)
                # a whole block (a page header) goes; one pasted line may instead need rewriting
                fix = exact_duplicate_fix(ctx, SimpleNamespace(span=origin), SimpleNamespace(span=span)) \
                    if len(second) >= 2 else None
                if fix:
                    fix.description = fix.description.replace("entry", "block")
                verb = "repeats" if span.line == span.end_line else "repeat"
                yield self.report(f"{_lines(span)} {verb} {_lines(origin)} word for word: "
                                  f"'{short(second[0].text.strip(), 50)}'", span, related=[origin], fix=fix)


def _lines(span: Span) -> str:
    return f"line {span.line}" if span.end_line == span.line else f"lines {span.line}-{span.end_line}"


def repeated_runs(lines: List[Line]) -> Iterator[Tuple[List[Line], List[Line]]]:
    """(first copy, second copy) of each maximal run of lines that repeats an earlier run."""
    keys = line_keys(lines)
    seen: Dict[str, List[int]] = defaultdict(list)
    j = 0
    while j < len(lines):
        best: Optional[Tuple[int, int]] = None
        earlier = seen[keys[j]] if keys[j] else []
        if not earlier:  # most lines: nothing earlier to compare with
            seen[keys[j]].append(j)
            j += 1
            continue
        for i in dict.fromkeys(earlier[:_CANDIDATES // 2] + earlier[-(_CANDIDATES // 2):]):
            if i and keys[i - 1] and keys[i - 1] == keys[j - 1]:
                continue  # the run started a line earlier and was already weighed
            length = 0
            while length < _LONGEST and j + length < len(lines) and i + length < j and keys[j + length] and \
                    keys[i + length] == keys[j + length]:
                length += 1
            if best is None or length > best[1]:
                best = (i, length)
        if best and (best[1] > 1 or content_size(lines[j].text) >= _LONG) and _is_block(lines[j:j + best[1]]):
            yield _trim(lines[best[0]:best[0] + best[1]], lines[j:j + best[1]])
            for k in range(j, j + best[1]):
                seen[keys[k]].append(k)
            j += best[1]
            continue
        seen[keys[j]].append(j)
        j += 1


def line_keys(lines: List[Line]) -> List[str]:
    """What each line says, spacing ignored; '' for code and table rows, which never match."""
    keys = [" ".join(line.text.split()) for line in lines]  # what re.sub(r"\s+", " ", text).strip() gives
    # one test per page, not per line: a line the hint matches makes the joined page match
    if may_match("\n".join(line.text for line in lines), _OPEN_CODE_HINT):
        _blank_code(lines, keys)
    if any("|" in line.text for line in lines):  # no '|', no table: most pages
        _blank_tables(lines, keys)
    return keys


def _blank_code(lines: List[Line], keys: List[str]) -> None:
    """Keys of code blocks, scripts, styles and <pre> blanked: they never match."""
    closing = None
    for k, line in enumerate(lines):
        if closing is not None:
            if closing.search(line.text):
                closing = None
            keys[k] = ""
            continue
        opened = _OPEN_CODE.search(line.text) if may_match(line.text, _OPEN_CODE_HINT) else None
        if opened:
            fence = opened.group(1)
            closing = re.compile("^\\s*" + re.escape(fence)) if fence else _CLOSE[opened.group(2).lower()]
            if not fence and closing.search(line.text, opened.end()):
                closing = None  # '<pre>...</pre>' on one line
            keys[k] = ""


def _blank_tables(lines: List[Line], keys: List[str]) -> None:
    start = 0
    for k in range(1, len(lines) + 1):  # a paragraph with a '|---|---|' row is a table
        if k == len(lines) or lines[k].number != lines[k - 1].number + 1:
            if any(_DELIMITER.match(lines[x].text) for x in range(start, k)):
                for x in range(start, k):
                    keys[x] = "" if "|" in lines[x].text else keys[x]
            start = k


def _is_block(run: List[Line]) -> bool:
    sizes = [content_size(line.text) for line in run if content_size(line.text)]
    weighty = [line for line in run if substantial(line.text)]
    if any(content_size(line.text) >= _LONG and len(visible_text(line.text).split()) >= 10 for line in weighty):
        return True
    return len(sizes) >= 2 and sum(sizes) >= _BLOCK_CHARS and bool(weighty)


def _trim(first: List[Line], second: List[Line]) -> Tuple[List[Line], List[Line]]:
    """Both copies without the markup lines at their edges, so the span starts at the content."""
    start = next(k for k, line in enumerate(second) if not _is_markup(line.text))
    end = max(k for k, line in enumerate(second) if not _is_markup(line.text)) + 1
    return first[start:end], second[start:end]


_LISTS = ("publications", "news", "education", "experience", "honors", "talks", "teaching", "projects")


def _entry_spans(ctx: LintContext) -> Dict[str, List[Tuple[int, int, str, int]]]:
    """path -> (first line, last line, list, index) of every entry of the model's lists."""
    found: Dict[str, List[Tuple[int, int, str, int]]] = defaultdict(list)
    for kind in _LISTS:
        for index, node in enumerate(getattr(ctx.site, kind, []) or []):
            span = node.span
            found[span.path].append((span.line, span.end_line or span.line, kind, index))
    return found


def _fields_of_two_entries(first: List[Line], second: List[Line], spans) -> bool:
    """Both copies sit in two entries of one list: the same authors or venue under two papers."""
    def entry(line: Line):
        return next(((kind, index) for start, end, kind, index in spans.get(line.path, [])
                     if start <= line.number <= end), None)
    a, b = entry(first[0]), entry(second[0])
    return a is not None and b is not None and a[0] == b[0] and a != b
