"""Fixed text of the academicpages theme: `_config.yml` and the collection listing pages."""

CONFIG = """\
# Site settings (written by `migrate convert`; see https://github.com/academicpages/academicpages.github.io)
locale: "en-US"
title: ""
title_separator: "-"
name: ""
description: ""
url: ""
baseurl: ""
repository: ""

# Site Author
author:
  name:
  avatar:
  bio:
  location:
  employer:
  pubmed:
  googlescholar:
  email:
  researchgate:
  uri:
  bitbucket:
  codepen:
  dribbble:
  flickr:
  facebook:
  foursquare:
  github:
  google_plus:
  keybase:
  instagram:
  impactstory:
  lastfm:
  linkedin:
  orcid:
  pinterest:
  soundcloud:
  stackoverflow:
  steam:
  tumblr:
  twitter:
  vine:
  weibo:
  xing:
  youtube:
  wikipedia:

# Reading Files
include:
  - .htaccess
  - _pages
  - files
exclude:
  - vendor
  - Gemfile
  - Gemfile.lock
keep_files:
  - .git
  - .svn
encoding: "utf-8"
markdown_ext: "markdown,mkdown,mkdn,mkd,md"

# Conversion
markdown: kramdown
highlighter: rouge
lsi: false
excerpt_separator: "\\n\\n"
incremental: false

# Markdown Processing
kramdown:
  input: GFM
  hard_wrap: false
  auto_ids: true
  footnote_nr: 1
  entity_output: as_char
  toc_levels: 1..6
  smart_quotes: lsquo,rsquo,ldquo,rdquo
  enable_coderay: false

# Collections
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

# Defaults
defaults:
  - scope:
      path: ""
      type: posts
    values:
      layout: single
      author_profile: true
      read_time: true
      comments: true
      share: true
      related: true
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
      share: true
      comments: true
  - scope:
      path: ""
      type: talks
    values:
      layout: talk
      author_profile: true
      share: true
  - scope:
      path: ""
      type: teaching
    values:
      layout: single
      author_profile: true
      share: true
      comments: true

# Outputting
permalink: /:categories/:title/

# Plugins
plugins:
  - jekyll-feed
  - jekyll-gist
  - jekyll-paginate
  - jekyll-sitemap
  - jekyll-redirect-from
whitelist:
  - jekyll-paginate
  - jekyll-sitemap
  - jekyll-gist
  - jekyll-feed
  - jekyll-redirect-from
"""

COPIED = ("title", "description", "url", "baseurl", "repository", "locale")


def listing(title: str, permalink: str, collection: str) -> str:
    """The theme's archive page listing one collection."""
    return (f'---\nlayout: archive\ntitle: "{title}"\npermalink: {permalink}\nauthor_profile: true\n---\n\n'
            "{% include base_path %}\n\n"
            f"{{% for post in site.{collection} reversed %}}\n  {{% include archive-single.html %}}\n{{% endfor %}}\n")
