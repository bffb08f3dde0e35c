"""Write a synthetic academic site (academicpages or acad-homepage) of any size, for benchmarks.

The same papers appear several times, as on real sites: as `_publications/`
files, in a hand-written publications list and as a selection on the about
page, with title variants (case, punctuation, subtitles, entities) and a few
true duplicates. Output depends only on the arguments (fixed seed).

    python bench/make_site.py OUT --theme academicpages --publications 10000
"""
from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path
from typing import Dict, List

from papers import OWNER, Paper, make_papers, title_variant

DEFAULT_SEED = 20261123
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def main(argv: List[str] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="folder to write (replaced if it exists)")
    parser.add_argument("--theme", choices=("academicpages", "acad-homepage"), default="academicpages")
    parser.add_argument("--publications", type=int, default=1000)
    parser.add_argument("--posts", type=int, default=None, help="default: publications / 10")
    parser.add_argument("--talks", type=int, default=None, help="default: publications / 10")
    parser.add_argument("--news", type=int, default=None, help="default: publications / 10")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    tenth = max(3, args.publications // 10)
    make_site(Path(args.out), args.theme, args.publications,
              tenth if args.posts is None else args.posts,
              tenth if args.talks is None else args.talks,
              tenth if args.news is None else args.news, args.seed)
    return 0


def make_site(out: Path, theme: str, publications: int, posts: int, talks: int, news: int,
              seed: int = DEFAULT_SEED) -> None:
    """Write the site into `out`, replacing what was there."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    files: Dict[str, str] = {}
    papers = make_papers(rng, publications)
    selected = sorted(rng.sample(range(len(papers)), max(3, len(papers) // 20) if papers else 0))
    news_lines = sorted((news_line(rng) for _ in range(news)), reverse=True)
    if theme == "academicpages":
        files["_config.yml"] = ACADEMICPAGES_CONFIG
        files["_data/navigation.yml"] = nav([("Publications", "/publications/"), ("Talks", "/talks/"),
                                             ("Blog Posts", "/year-archive/")])
        for paper in papers:
            files[f"_publications/{paper.slug}.md"] = publication_file(paper)
        for twin in rng.sample(papers, len(papers) // 50):  # the preprint kept next to the paper
            files[f"_publications/{twin.slug}-arxiv.md"] = publication_file(twin.preprint(rng))
        files["_pages/publications.md"] = publications_page(rng, papers)
        files["_pages/about.md"] = about_page(rng, [papers[i] for i in selected], news_lines)
        for i in range(talks):
            files[f"_talks/{talk_date(rng, i)}-talk-{i}.md"] = talk_file(rng, i)
    else:
        files["_config.yml"] = ACAD_HOMEPAGE_CONFIG
        files["_data/navigation.yml"] = nav([("About Me", "/#about-me"), ("News", "/#-news"),
                                             ("Publications", "/#-publications"),
                                             ("Invited Talks", "/#-invited-talks")])
        files.update(acad_homepage_pages(rng, papers, [papers[i] for i in selected], news_lines, talks))
    for i in range(posts):
        files[f"_posts/{talk_date(rng, i)}-post-{i}.md"] = post_file(rng, i)
    for rel, text in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    images = ["profile.png", "android-chrome-512x512.png"] + [f"{p.slug}.png" for p in papers[:10]]
    (out / "images").mkdir(exist_ok=True)
    for name in images:  # the pictures pages point at, so links resolve as on a real site
        (out / "images" / name).write_bytes(PNG)


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def publication_file(paper: Paper) -> str:
    authors = ", ".join(paper.authors)
    return (f"---\ntitle: {quoted(paper.title)}\ncollection: publications\ncategory: {paper.category}\n"
            f"permalink: /publication/{paper.slug}\nexcerpt: {quoted(paper.abstract[:80])}\n"
            f"date: {paper.date}\nvenue: {quoted(paper.venue)}\npaperurl: '{paper.url}'\n"
            f"citation: {quoted(authors.replace('&', '&amp;') + f' ({paper.year}). &quot;{paper.title}.&quot; <i>{paper.venue}</i>.')}\n"
            f"---\n{paper.abstract}\n\n[Download paper here]({paper.url})\n\nRecommended citation: {authors}. "
            f"({paper.year}). \"{paper.title}.\" <i>{paper.venue}</i>.\n")


def list_entry(rng: random.Random, paper: Paper) -> str:
    authors = ", ".join(f"<u>{a}</u>" if a == OWNER else a for a in paper.authors)
    links = f"| [paper]({paper.url}) |" + (f" [code]({paper.code}) |" if paper.code else "")
    return (f"* **{title_variant(rng, paper.title)}** \\\n  {authors} \\\n"
            f"  <span style=\"color:green; font-style:italic\">{paper.venue}</span> \\\n  {links}\n")


def publications_page(rng: random.Random, papers: List[Paper]) -> str:
    parts = ["---\nlayout: archive\ntitle: \"Publications\"\npermalink: /publications/\n"
             "author_profile: true\n---\n\nSee also [Google Scholar](https://scholar.google.com/citations?user=AbCdEfGhIjK).\n"]
    year = None
    for paper in sorted(papers, key=lambda p: p.date, reverse=True):
        if paper.year != year:
            year = paper.year
            parts.append(f"\n## {year}\n")
        parts.append(list_entry(rng, paper))
        if rng.random() < 0.01:  # pasted twice by hand
            parts.append(list_entry(rng, paper))
    return "\n".join(parts)


def about_page(rng: random.Random, selected: List[Paper], news_lines: List[str]) -> str:
    parts = ["---\npermalink: /\ntitle: \"About\"\nauthor_profile: true\nredirect_from:\n  - /about/\n---\n",
             f"Hi! I am {OWNER}, a researcher working on **efficient machine learning**.\n",
             "News\n------\n", "\n".join(news_lines) + "\n",
             "Selected Publications ([all](/publications/))\n------\n"]
    parts += [list_entry(rng, paper) for paper in selected]
    return "\n".join(parts)


def html_entry(rng: random.Random, paper: Paper) -> str:
    authors = ", ".join(f"<u>{a}</u>" if a == OWNER else a for a in paper.authors)
    code = f'\n        <a href="{paper.code}"> [code]</a>' if paper.code else ""
    return (f'  <li>\n    <code class="language-plaintext highlighter-rouge">{paper.venue}</code> '
            f"<strong>{title_variant(rng, paper.title)}</strong>\n"
            f'    <div style="display: inline">\n        <a href="{paper.url}"> [paper]</a>{code}\n'
            f"    </div>\n    <div><i>{authors}</i></div>\n  </li>\n")


def paper_box(rng: random.Random, paper: Paper) -> str:
    authors = ", ".join(f"<u>{a}</u>" if a == OWNER else a for a in paper.authors)
    return (f"<div class='paper-box'><div class='paper-box-image'><img src='images/{paper.slug}.png' "
            f"alt=\"sym\" width=\"100%\"></div>\n<div class='paper-box-text' markdown=\"1\">\n\n"
            f"**{title_variant(rng, paper.title)}**  \n{authors}\n\n"
            f"**<font color = \"#224B8D\">{paper.venue}</font>** \\| [Paper]({paper.url})\n"
            f"- {paper.abstract[:120]}\n</div>\n</div>\n")


def acad_homepage_pages(rng: random.Random, papers: List[Paper], selected: List[Paper],
                        news_lines: List[str], talks: int) -> Dict[str, str]:
    """about.md with news, selected paper boxes and every paper in per-year HTML lists.

    Past 2,000 papers the year lists move to `includes/` files (as large real
    sites do), keeping every page well under the size a page may have.
    """
    files: Dict[str, str] = {}
    parts = ["---\npermalink: /\ntitle: \"\"\nexcerpt: \"\"\nauthor_profile: true\nredirect_from:\n"
             "  - /about/\n---\n", "<span class='anchor' id='about-me'></span>",
             f"Hi! I am {OWNER}, a researcher working on **efficient machine learning**.\n",
             "# 🔥 News", "\n".join(news_lines) + "\n", "# 📝 Publications"]
    parts += [paper_box(rng, paper) for paper in papers[:10]]
    by_year: Dict[int, List[Paper]] = {}
    for paper in papers:
        by_year.setdefault(paper.year, []).append(paper)
    for year in sorted(by_year, reverse=True):
        block = f"## {year}\n<ul>\n" + "".join(html_entry(rng, p) for p in by_year[year]) + "</ul>\n"
        if len(papers) > 2000:
            files[f"_pages/includes/pubs-{year}.md"] = block
            parts.append(f"{{% include_relative includes/pubs-{year}.md %}}\n")
        else:
            parts.append(block)
    parts.append("# 💬 Invited Talks")
    parts += [f"- *{talk_date(rng, i)[:7].replace('-', '.')}*, Talk {i} on efficient inference, "
              f"University {i % 40} \\| [\\[video\\]](https://talks.uni-heidelberg.de/talk-{i})" for i in range(talks)]
    files["_pages/about.md"] = "\n".join(parts) + "\n"
    return files


def news_line(rng: random.Random) -> str:
    year, month = rng.randint(2015, 2025), rng.randint(1, 12)
    what = rng.choice(["🎉 Two papers are accepted by ICLR", "Our paper received the Best Paper Award at KDD",
                       "I gave a talk at the Workshop on Systems for ML", "🎉 One paper is accepted by NeurIPS"])
    return f"- *{year}.{month:02d}*: {what} {year}"


def talk_date(rng: random.Random, i: int) -> str:
    return f"{rng.randint(2010, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def talk_file(rng: random.Random, i: int) -> str:
    date = talk_date(rng, i)
    return (f"---\ntitle: \"Talk {i} on efficient inference\"\ncollection: talks\ntype: \"Talk\"\n"
            f"permalink: /talks/{date}-talk-{i}\nvenue: \"University {i % 40}, Department of CS\"\n"
            f"date: {date}\nlocation: \"City {i % 25}, Country\"\n---\n"
            f"[More information here](https://talks.uni-heidelberg.de/talk-{i})\n\nA talk about things.\n")


def post_file(rng: random.Random, i: int) -> str:
    date = talk_date(rng, i)
    topic = rng.choice(["reproducible experiments", "reviewing for ICLR", "GPU memory profiling",
                        "teaching distributed systems", "writing a thesis", "open-source maintenance"])
    return (f"---\ntitle: 'Notes on {topic}, part {i}'\ndate: {date}\n"
            f"permalink: /posts/{date[:7].replace('-', '/')}/notes-{i}/\n"
            f"tags:\n  - notes\n  - {topic.split()[0]}\n---\n\nSome thoughts on {topic} after {i % 12 + 1} "
            f"months of doing it.\n\n## What worked\n\nKeeping a log of every run and its seed.\n\n"
            f"## What did not\n\nTrusting a number measured once.\n")


def nav(items) -> str:
    return "main:\n" + "".join(f"  - title: \"{t}\"\n    url: \"{u}\"\n\n" for t, u in items)


ACADEMICPAGES_CONFIG = f"""# Site settings (synthetic benchmark site)
locale                   : "en-US"
title                    : "{OWNER}"
title_separator          : "-"
name                     : &name "{OWNER}"
description              : &description "Researcher"
url                      : https://jrivera.github.io
baseurl                  : ""
repository               : "jrivera/jrivera.github.io"

author:
  name             : *name
  avatar           : "profile.png"
  bio              : "Researcher in efficient machine learning"
  location         : "Singapore"
  email            : "jordan.rivera@nus.edu.sg"
  github           : "jrivera"

markdown: kramdown
collections:
  teaching:
    output: true
    permalink: /:collection/:path/
  publications:
    output: true
    permalink: /:collection/:path/
  portfolio:
    output: true
    permalink: /:collection/:path/
  talks:
    output: true
    permalink: /:collection/:path/

defaults:
  - scope:
      path: ""
      type: posts
    values:
      layout: single
      author_profile: true
  - scope:
      path: ""
      type: pages
    values:
      layout: single
      author_profile: true
  - scope:
      path: ""
      type: publications
    values:
      layout: single
      author_profile: true
  - scope:
      path: ""
      type: talks
    values:
      layout: talk
      author_profile: true

permalink: /:categories/:title/
include:
  - _pages
"""

ACAD_HOMEPAGE_CONFIG = f"""title                    : "{OWNER} - Homepage"
description              : "Homepage of {OWNER}."
repository               : "jrivera/jrivera.github.io"
google_scholar_stats_use_cdn : true

author:
  name             : "{OWNER}"
  avatar           : "images/android-chrome-512x512.png"
  bio              : "Researcher"
  location         : "Singapore"
  email            : "jordan.rivera@nus.edu.sg"
  github           : "jrivera"

include:
  - _pages
markdown: kramdown
defaults:
  - scope:
      path: ""
      type: pages
    values:
      layout: default
      author_profile: true
"""

if __name__ == "__main__":
    raise SystemExit(main())
