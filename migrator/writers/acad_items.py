"""One acad-homepage line or HTML block per content node, in the theme's own markup."""
from __future__ import annotations

import re
from typing import List

from ..forking import fork_map
from ..mdlinks import MD_LINK
from ..model import (Education, Experience, Honor, Link, NewsItem, PortfolioItem, Project, Publication,
                     Talk, Teaching)
from ..readers.pub_lines import is_link_row
from ..venues import badge_label
from .readback import stable_line

_INDENT = "  "


def theme_date(iso: str) -> str:
    """'2024-03' -> '2024.03' (the theme's dotted dates); 'present' -> 'Present'."""
    if iso.lower() == "present":
        return "Present"
    return iso.replace("-", ".")


def date_range(start: str, end: str) -> str:
    if start and end and end != start:
        return f"{theme_date(start)} - {theme_date(end)}"
    return theme_date(start or end)


def _text(value: str) -> str:
    """Text inside HTML: only what would open a tag is escaped, so entries read back unchanged."""
    return value.replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    return value.replace('"', "&quot;")


def author_html(pub: Publication) -> str:
    parts: List[str] = []
    for person in pub.authors:
        name = _text(person.name)
        if person.is_owner:
            name = f"<u>{name}</u>"
        marks = "".join(person.marks) or ("*" if person.equal_contribution else "") + \
            ("†" if person.corresponding else "")
        if marks:
            name += f"<b><sup>{_text(marks)}</sup></b>"
        parts.append(name)
    # 'Roe, Jane' names joined by commas read back as four names: semicolons keep them whole
    return ("; " if any("," in person.name for person in pub.authors) else ", ").join(parts)


def publication_html(pub: Publication) -> List[str]:
    """The theme's `<li>`: venue badge, title, links row, star badges, authors, notes."""
    pad = _INDENT * 2
    lines = [_INDENT + "<li>"]
    label = badge_label(pub.venue)
    badge = f'<code class="language-plaintext highlighter-rouge">{_text(label)}</code> ' if label else ""
    lines.append(f"{pad}{badge}<strong>{_text(pub.title)}</strong>")
    if pub.links:
        lines.append(f'{pad}<div style="display: inline">')
        for link in pub.links:
            text = link_text(link, pub.title)
            lines.append(f'{pad}    <a href="{_attr(link.url)}"> [{_text(text)}]</a>')
        lines.append(f"{pad}</div>")
    for shield in pub.badges:
        source = shield.image.replace("'", "%27")
        image = f"<img src='{source}' alt=\"{_attr(shield.alt or 'sym')}\" height=\"90%\">"
        lines.append(f"{pad}<a href='{_attr(shield.url)}'>{image}</a>" if shield.url else pad + image)
    if pub.authors:
        lines.append(f"{pad}<div><i>{author_html(pub)}</i></div>")
    elif pub.owner_role:
        lines.append(f"{pad}<div>{_text(pub.owner_role)}</div>")
    lines.append(_INDENT + "</li>")
    return lines


def paper_box(pub: Publication) -> List[str]:
    """The theme's paper box, for entries with a teaser image or notes (the list item has room for neither)."""
    label = badge_label(pub.venue).replace("`", "'")
    head = "<div class='paper-box'>"
    if pub.image:
        source = pub.image.replace("'", "%27")
        head += f"<div class='paper-box-image'><div><img src='{source}' alt=\"sym\" width=\"100%\"></div></div>"
    title = f"**{_text(pub.title)}**"
    lines = [head, "<div class='paper-box-text' markdown=\"1\">", "", title, ""]
    if pub.authors:
        lines.extend([author_html(pub), ""])
    if label:  # on a line of its own, so the reader never takes a note for the venue
        lines.extend([f"`{label}`", ""])
    # links written inside the notes are read from there again: not repeated in the row
    row = [f"[{link_text(link, pub.title)}]({md_url(link.url)})" for link in pub.links if link.url not in pub.notes]
    row += [f"<img src='{b.image.replace(chr(39), '%27')}' alt=\"{_attr(b.alt or 'sym')}\" height=\"90%\">"
            for b in pub.badges]
    # a heading would end the box's section on reading back (and a bold line start another paper)
    notes = [line if _heading_text(line) is None else _heading_text(line)
             for line in pub.notes.strip("\n").split("\n") if line.strip()]
    if row and not is_link_row(" ".join(row)):
        notes.insert(0, " ".join(row))  # read back as the first line of the notes, so written there
    elif row:
        lines.extend([" ".join(row), ""])
    lines.extend(notes + ["</div>", "</div>"])
    return lines


def md_url(url: str) -> str:
    """A link target for markdown: in angle brackets when it holds spaces ('{{ base_path }}/x')."""
    return f"<{url}>" if re.search(r"\s", url) else url


def link_text(link: Link, title: str = "") -> str:
    """The words a link is shown with: its own text, or its kind where the text is empty, the
    entry's title, too long for a links row, or holds brackets a markdown link cannot."""
    text = link.label.strip().strip("[]*")
    return link.kind if not text or text == title or len(text) > 40 or re.search(r"[\[\]\n]", text) else text


def _box_text(pub: Publication) -> str:
    return "\n".join(paper_box(pub))


def _item_text(pub: Publication) -> str:
    return "\n".join(["<ul>"] + publication_html(pub) + ["</ul>"])


FORK_FROM = 1000
"""Entries from which the read-back of a list is shared with a second process (the read-back is
most of the writer's time: ~0.3 ms an entry)."""


def _boxed(pub: Publication) -> bool:
    return bool(pub.image or pub.notes.strip())


def _stable_entry(pub: Publication, owners: List[str]) -> str:
    return stable_line(_box_text if _boxed(pub) else _item_text, pub, "publications", owners)


def publication_list(pubs: List[Publication], owners: List[str] = ()) -> List[str]:
    """`<ul>` runs of list items; entries with an image or notes as paper boxes between them.
    Each entry is written as it reads back, so a second conversion gives it unchanged."""
    lines: List[str] = []
    open_list = False
    for pub, text in zip(pubs, fork_map(lambda pub: _stable_entry(pub, owners), pubs, FORK_FROM)):
        boxed = _boxed(pub)
        if boxed and open_list:
            lines.extend(["</ul>", ""])
        elif not boxed and not open_list:
            lines.append("<ul>")
        open_list = not boxed
        if boxed:
            lines.extend(text.split("\n") + [""])
        else:
            lines.extend(text.split("\n")[1:-1])
    if open_list:
        lines.append("</ul>")
    return lines


def _bullet(text: str) -> str:
    """A list item; continuation lines indented so they stay in the item."""
    rows = text.strip().split("\n")
    return "\n".join(["- " + rows[0]] + ["  " + r if r.strip() else "" for r in rows[1:]])


def news_line(item: NewsItem) -> str:
    date = item.raw_date.strip().strip("*_ :") or theme_date(item.date)
    return _bullet(f"*{date}*: {item.text.strip()}" if date else item.text.strip())


def honor_line(item: Honor) -> str:
    if item.text.strip():
        return _bullet(item.text)
    return _bullet(f"*{theme_date(item.date)}* {item.name}" if item.date else item.name)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _entry(when: str, parts: List[str], links: List[Link] = (), apart: List[str] = ()) -> str:
    """'*2019.06 - 2022.04*, part, part.' with empty parts left out, the entry's links on their words."""
    parts = [_one_line(p) for p in parts if p and p.strip()]
    return _bullet(linked(", ".join(([f"*{when}*"] if when else []) + parts).rstrip(".") + ".", links, apart))


def linked(line: str, links: List[Link], apart: List[str] = ()) -> str:
    """`line` with the entry's links that it lost put back: the reader keeps a degree's or job's
    fields as plain text and its links apart. A link already in the line stays as it is; another
    goes on the first plain occurrence of its text, or after the line when its text is not there
    or is one of `apart` (hosts: '(Host: A, B)' must stay plain to read back as hosts)."""
    for link in links:
        if not link.url or link.url in line:
            continue
        label = link.label.strip()
        has_text = bool(label) and not re.search(r"[\[\]\n]", label)  # not an image's link
        label = label if has_text else link.kind or "link"
        at = _plain_word(line, label) if has_text and label not in apart else -1
        target = f"[{label}]({md_url(link.url)})"
        line = line[:at] + target + line[at + len(label):] if at >= 0 else f"{line} {target}"
    return line


def _plain_word(line: str, words: str) -> int:
    """Where `words` first stand on their own in `line` ('Pika', not inside 'Pikachu') outside a
    markdown link, or -1. (No regex per label: patterns made from a site's text would fill the
    compiled-regex cache.)"""
    taken = [m.span() for m in MD_LINK.finditer(line)]
    at = line.find(words)
    while at >= 0:
        end = at + len(words)
        glued = (at > 0 and _joined(line[at - 1], words[0])) or (end < len(line) and _joined(words[-1], line[end]))
        if not glued and not any(a < end and at < b for a, b in taken):
            return at
        at = line.find(words, at + 1)
    return -1


def _joined(left: str, right: str) -> bool:
    """Two characters side by side that belong to one word."""
    return (left.isalnum() or left == "_") and (right.isalnum() or right == "_")


def education_line(item: Education) -> str:
    degree = item.degree + (f" in {item.field}" if item.field and item.field not in item.degree else "")
    return _entry(date_range(item.start, item.end), [degree, item.institution, item.text, item.location],
                  item.links)


def experience_line(item: Experience) -> str:
    hosts = f" (Host: {', '.join(item.hosts)})" if item.hosts else ""
    first, second = (item.organisation, item.role + hosts) if item.role else (item.organisation + hosts, "")
    return _entry(date_range(item.start, item.end), [first, second, item.text, item.location], item.links,
                  item.hosts)


def talk_line(item: Talk) -> str:
    if item.text.strip() and not item.url:  # a line read from a list: written back as it was
        return _bullet(item.text)
    kind = item.talk_type if item.talk_type.lower() not in item.title.lower() else ""
    fields = [f for f in (item.title, kind, item.event, item.location) if f]
    when = theme_date(item.date)
    text = ", ".join(([f"*{when}*"] if when else []) + fields)
    for link in item.links:
        text += f" \\| [\\[{link.label.strip('[]') or link.kind}\\]]({link.url})"
    return _with_page_text(text, item)


def teaching_line(item: Teaching) -> str:
    if item.text.strip() and not item.url:
        return _bullet(item.text)
    fields = [f for f in (item.title, item.role, item.institution, item.location) if f]
    when = theme_date(item.date)
    return _with_page_text(", ".join(([f"*{when}*"] if when else []) + fields), item)


_HEADING = re.compile(r"#{1,6}(.*?)[\s#]*$")
_BLOCK_OPENER = re.compile(r"\d+(?=[.)](?:\s|$))|[-*+](?=\s|$)|[>|<]|\$\$|`{3,}|~{3,}|([-=*_])\1{2,}(?=\s*$)")


def _heading_text(line: str):
    """The text of a markdown heading line ('## Abstract:' -> 'Abstract:'), None for other lines."""
    heading = _HEADING.match(line.strip())
    return heading.group(1).strip() if heading else None


def as_paragraphs(page_text: str) -> str:
    """A page's text made to stay inside one list item and read back as that item's text: headings
    become bold lines, and the marks that would open a list, quote, table, HTML block, fence, math
    block or rule are escaped (the words and links stay; the page's layout does not)."""
    lines = []
    for line in page_text.strip().split("\n"):
        line = line.strip()  # indentation would make code blocks or nest in the item, and is read back without
        heading = _heading_text(line)
        if heading is not None:
            lines.append(f"**{heading}**" if heading else "")
            continue
        found = _BLOCK_OPENER.match(line)
        if found:
            mark = found.group(0)
            line = (mark + "\\" if mark[0].isdigit() else "".join("\\" + c for c in mark)) + line[found.end():]
        lines.append(line)
    return "\n".join(lines)


def _with_page_text(line: str, item) -> str:
    """A collection item's line with its page's text below it, inside the list item: the one-page
    theme has no page of its own for a talk or a course."""
    page_text = as_paragraphs(item.text)
    return _bullet(line + ("\n\n" + page_text if page_text else ""))


def project_line(item: Project) -> str:
    # a name holding brackets ('... [French]') cannot be a link's text: the link opens the description
    linkable = item.url and not re.search(r"[\[\]]", item.name)
    text = f"**[{item.name}]({item.url})**" if linkable else f"**{item.name}**"
    description = item.description.strip()
    description = as_paragraphs(description) if "\n" in description else description
    if item.url and not linkable and item.url not in description:
        description = f"[link]({item.url}) {description}".strip()
    if description:
        text += ": " + description
    if item.role:
        text += f" ({item.role})"
    when = date_range(item.start, item.end)
    return _bullet(text + (f" *{when}*" if when else ""))


def portfolio_line(item: PortfolioItem) -> str:
    text = f"**{item.title}**"
    excerpt, body = item.excerpt.strip(), item.body.strip()
    if excerpt or body:  # list-safe: a '```python' opening the text would swallow the rest of the page
        text += ": " + re.sub(r"\n{2,}", "\n", as_paragraphs(excerpt or body))
    if excerpt and body:  # the page's own text, below the excerpt (the one-page theme has no page for it)
        text += "\n\n" + as_paragraphs(body)
    return _bullet(text)
