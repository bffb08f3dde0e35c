"""Fixed text of the acad-homepage theme: `_config.yml`, the about page's front matter and Liquid head."""

CONFIG = """\
# Site settings (written by `migrate convert`; see https://github.com/RayeRen/acad-homepage.github.io)
title: ""
description: ""
repository: ""
google_analytics_id:
google_scholar_stats_use_cdn: true

# SEO Related
google_site_verification:
bing_site_verification:
baidu_site_verification:

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
exclude:
  - docs
  - google_scholar_crawler
  - vendor
  - "*.sublime-project"
  - "*.sublime-workspace"
  - .asset-cache
  - .bundle
  - .jekyll-assets-cache
  - .sass-cache
  - CHANGELOG
  - Capfile
  - config
  - Gemfile
  - Gruntfile.js
  - gulpfile.js
  - LICENSE
  - log
  - node_modules
  - Rakefile
  - README
  - tmp
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

# Sass/SCSS
sass:
  sass_dir: _sass
  style: compressed

# Defaults
defaults:
  # _pages
  - scope:
      path: ""
      type: pages
    values:
      layout: default
      author_profile: true

# Outputting
permalink: /:categories/:title/

# Plugins
plugins:
  - jekyll-sitemap
  - jekyll-redirect-from
whitelist:
  - jekyll-sitemap
  - jekyll-redirect-from
"""

# Copied from the old `_config.yml` when it has them.
COPIED = ("title", "description", "repository", "url", "baseurl", "google_analytics_id",
          "google_site_verification", "bing_site_verification", "baidu_site_verification")

ABOUT_HEAD = """\
---
permalink: /
title: ""
excerpt: ""
author_profile: true
redirect_from: 
  - /about/
  - /about.html
---

{% if site.google_scholar_stats_use_cdn %}
{% assign gsDataBaseUrl = "https://cdn.jsdelivr.net/gh/" | append: site.repository | append: "@" %}
{% else %}
{% assign gsDataBaseUrl = "https://raw.githubusercontent.com/" | append: site.repository | append: "/" %}
{% endif %}
{% assign url = gsDataBaseUrl | append: "google-scholar-stats/gs_data_shieldsio.json" %}

<span class='anchor' id='about-me'></span>
"""

# (kind, heading, span id) in the theme's default order.
SECTIONS = [
    ("news", "🔥 News", "news"),
    ("publications", "📝 Publications", "publications"),
    ("honors", "🎖 Honors and Awards", "honors-and-awards"),
    ("education", "📖 Educations", "educations"),
    ("talks", "💬 Invited Talks", "invited-talks"),
    ("experience", "💻 Internships", "internships"),
    ("projects", "🚀 Projects", "projects"),
    ("teaching", "🧑‍🏫 Teaching", "teaching"),
]
EXPERIENCE_HEADING = ("💼 Experience", "experience")
FREE_EMOJI = "📌"
