"""Venue text as sites write it -> short label ('ICLR 2025'), full name, year and preprint flag."""
from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import List, Optional, Tuple

from .markdown import strip_markup

# Well-known full names -> the acronym people use. Journals first: a journal named after a field
# ('IEEE Robotics and Automation Letters') must not turn into that field's conference (ICRA).
JOURNALS = [
    (r"robotics and automation letters", "RA-L"), (r"transactions on robotics", "T-RO"),
    (r"transactions on pattern analysis and machine intelligence", "TPAMI"),
    (r"international journal of computer vision", "IJCV"), (r"transactions on image processing", "TIP"),
    (r"transactions on neural networks and learning systems", "TNNLS"),
    (r"transactions on evolutionary computation", "TEVC"), (r"transactions on cybernetics", "TCYB"),
    (r"transactions on fuzzy systems", "TFUZZ"), (r"transactions on knowledge and data engineering", "TKDE"),
    (r"transactions on multimedia", "TMM"), (r"transactions on circuits and systems for video technology", "TCSVT"),
    (r"transactions on intelligent transportation systems", "T-ITS"),
    (r"transactions on affective computing", "TAFFC"),
    (r"transactions on audio, speech,? and language processing", "TASLP"),
    (r"transactions on medical imaging", "TMI"), (r"transactions on visualization and computer graphics", "TVCG"),
    (r"acm transactions on graphics", "TOG"), (r"transactions on signal processing", "TSP"),
    (r"transactions on mobile computing", "TMC"), (r"transactions on parallel and distributed systems", "TPDS"),
    (r"transactions on information forensics and security", "TIFS"),
    (r"transactions on geoscience and remote sensing", "TGRS"), (r"transactions on networking", "ToN"),
    (r"journal of selected topics in applied earth observations and remote sensing", "JSTARS"),
    (r"transactions on machine learning research", "TMLR"), (r"journal of machine learning research", "JMLR"),
    (r"transactions of the association for computational linguistics", "TACL"),
    (r"proceedings of the national academy of sciences", "PNAS"),
]
CONFERENCES = [
    (r"learning representations", "ICLR"), (r"neural information processing systems", "NeurIPS"),
    (r"international conference on neural information processing", "ICONIP"),
    (r"international conference on machine learning", "ICML"), (r"computer vision and pattern recognition", "CVPR"),
    (r"international conference on computer vision", "ICCV"), (r"european conference on computer vision", "ECCV"),
    (r"winter conference on applications of computer vision", "WACV"), (r"british machine vision conference", "BMVC"),
    (r"north american chapter of the association for computational linguistics", "NAACL"),
    (r"european chapter of the association for computational linguistics", "EACL"),
    (r"asia-pacific chapter of the association for computational linguistics", "AACL"),
    (r"association for computational linguistics", "ACL"),
    (r"empirical methods in natural language processing", "EMNLP"),
    (r"international conference on computational linguistics", "COLING"),
    (r"aaai conference on artificial intelligence", "AAAI"),
    (r"international joint conference on artificial intelligence", "IJCAI"),
    (r"international joint conference on neural networks", "IJCNN"),
    (r"pacific-asia conference on knowledge discovery and data mining", "PAKDD"),
    (r"knowledge discovery and data mining", "KDD"), (r"(?:the )?web conference|world wide web conference", "WWW"),
    (r"web search and data mining", "WSDM"), (r"information and knowledge management", "CIKM"),
    (r"research and development in information retrieval", "SIGIR"),
    (r"siam international conference on data mining", "SDM"), (r"international conference on data mining", "ICDM"),
    (r"international conference on data engineering", "ICDE"), (r"machine learning and systems", "MLSys"),
    (r"principles and practice of parallel programming", "PPoPP"),
    (r"high performance computing, networking, storage", "SC"),
    (r"operating systems design and implementation", "OSDI"), (r"operating systems principles", "SOSP"),
    (r"networked systems design and implementation", "NSDI"),
    (r"international conference on multimedia and expo", "ICME"),
    (r"acm (?:international conference on )?multimedia", "ACM MM"),
    (r"international conference on robotics and automation", "ICRA"), (r"intelligent robots and systems", "IROS"),
    (r"conference on robot learning", "CoRL"), (r"robotics: science and systems", "RSS"),
    (r"artificial intelligence and statistics", "AISTATS"), (r"uncertainty in artificial intelligence", "UAI"),
    (r"conference on learning theory", "COLT"),
    (r"international conference on acoustics, speech,? and signal processing", "ICASSP"),
    (r"medical image computing and computer[- ]assisted intervention", "MICCAI"),
    (r"international conference on image processing", "ICIP"),
    (r"intelligent transportation systems conference", "ITSC"), (r"design automation conference", "DAC"),
    (r"international symposium on computer architecture", "ISCA"),
    (r"conference on computer and communications security", "CCS"),
    (r"network and distributed system security", "NDSS"), (r"symposium on security and privacy", "IEEE S&P"),
    (r"usenix security symposium", "USENIX Security"), (r"conference on computer communications", "INFOCOM"),
    (r"conference on human factors in computing systems", "CHI"),
    (r"user interface software and technology", "UIST"),
    (r"international conference on software engineering", "ICSE"),
    (r"foundations of software engineering", "FSE"), (r"congress on evolutionary computation", "CEC"),
    (r"genetic and evolutionary computation conference", "GECCO"),
]
SERVERS = {"arxiv": "arXiv", "biorxiv": "bioRxiv", "medrxiv": "medRxiv", "chemrxiv": "ChemRxiv",
           "techrxiv": "TechRxiv", "psyarxiv": "PsyArXiv", "socarxiv": "SocArXiv", "ssrn": "SSRN",
           "research square": "Research Square", "preprints.org": "Preprints.org", "corr": "CoRR"}
_SERVER = re.compile(r"^(" + "|".join(re.escape(s) for s in SERVERS) + r")\b", re.I)
_STATUS = re.compile(r"\b(under review|under submission|in submission|submitted|under revision|revision requested|"
                     r"revise and resubmit|r&r|major revision|minor revision|in preparation|in prep\.?)(?!\w)", re.I)
_STATUS_PREFIX = re.compile(_STATUS.pattern + r"\s*(?:at|to|in|with|:)?\s*", re.I)
PREPRINT = re.compile(r"\b(arxiv|biorxiv|medrxiv|chemrxiv|techrxiv|psyarxiv|socarxiv|ssrn|corr|preprints?|"
                      r"working papers?|discussion papers?|job market paper|manuscript)\b", re.I)
_JOURNAL_WORD = re.compile(r"\b(transactions|journal|letters|magazine)\b", re.I)
_CONTINUES = re.compile(r"\s+(and|&|for|of|on|in|with|theory|applications|systems|technolog\w*)\b", re.I)
# ranks and presentation notes ('(TOP)', '(CCF-A)', 'Oral'): about the paper or the journal, not its name
_TAG = re.compile(r"^(top\s*\d*%?|ei|sci|scie|ssci|esci|cssci|cscd|jcr.*|q[1-4]|ccf-?[abc]|caai-?[abc]|"
                  r"core\s*a\*?|oral|spotlight|poster|highlight|if\s*[:=].*)$", re.I)
_NOTE_PAREN = re.compile(r"\(([^()]*(?:\([^()]*\)[^()]*)?)\)")
_NOTE_WORDS = re.compile(r"\b(oral|spotlight|poster|highlight|best\b.*|award|nominee|ccf|caai|top|sci|ei|jcr|"
                         r"impact factor|if:)\b", re.I)
_ACRONYM_PAREN = re.compile(r"\(\s*([A-Z][A-Za-z0-9&\-]*)(?:['’]?\s?\d{2,4})?\s*\)")
_IDS = re.compile(r"\bdoi:?\s*10\.\S+|\b10\.\d{4,}/\S+|https?://\S+|\bISBN[\s:\-]*[\dX][\dX\- ]+[\dX]|"
                  r"(?<![\d.])\d{4}\.\d{4,5}(?:v\d+)?(?![\d])|\[[a-z\-]+\.[A-Za-z\-]+\]", re.I)
_PAGES = re.compile(r"\bpp?\.\s*[A-Za-z]?\d+(?:\s*[-–—]+\s*[A-Za-z]?\d+)?|"
                    r"(?<=:)\s*\d+\s*[-–—]+\s*\d+(?:\+\d+)?")
YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_SHORT_YEAR = re.compile(r"['’](\d{2})\b|^([A-Z][A-Za-z]*)\s+(\d{2})$")
# where the name ends and volume / issue / pages / publisher series begin
_TAIL = re.compile(r"\s*[,，]\s*(?=(?:v|vol|no|n|nr|pp?|issue|art|article|doi|early access|in press|hardcover|"
                   r"paperback|e-?book|pmlr|lncs|lnai|ceur|ccis|springer|elsevier)\b\.?|\d)|"
                   r"\s+\d+\s*\(\d+\)|\s+\d+\s*:\s*[eE]?\d", re.I)
_PREFIX = re.compile(r"^(?:in(?!\s+(?:preparation|prep|press|submission|review)\b)|at|to appear (?:in|at)|"
                     r"published in|appeared in|accepted (?:by|at|to|in)|(?:proceedings|proc\.?) of(?: the)?"
                     r"(?=\s+(?:\d+(?:st|nd|rd|th)\b|(?-i:[A-Z][A-Za-z]*[A-Z])\b)))[\s:]+", re.I)
_ORDINAL = re.compile(r"^(?:the\s+)?\d+(?:st|nd|rd|th)\s+", re.I)
_EMPTY_BRACKETS = re.compile(r"\[\s*\]|\(\s*[,;]?\s*\)")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:，])")
_PUNCT_RUN = re.compile(r"([,;:，])(?:\s*[,;:，])+")
_WORD_THEN_PUNCT = re.compile(r"\b(on|in|at|from|of)[,;]\s")
_TIGHT_COLON = re.compile(r"(?<=[^\W\d_]):(?=[^\W\d_])")
_DANGLING_WORD = re.compile(r"\s+(on|in|at|from)$")
_SENTENCE_END = re.compile(r"(?<=[\d)])\.\s+|\.\s*(?=\()|\.\s+(?=(?:preprint|dataset|featured|manuscript|hardcover|"
                           r"available|also|code|doi|isbn|highly|best|oral|spotlight|selected|invited)\b)", re.I)
_LETTER = re.compile(r"[^\W\d_]")
_LEADING_ACRONYM = re.compile(r"^([A-Z][A-Za-z0-9&\-]*) \(([^()]{6,})\)$")
_SHORT_YEAR_MARK = re.compile(r"['’]\d{2}\b")
_LEADING_NON_WORD = re.compile(r"^[^\w(\[]+")
_VOLUME = re.compile(r"\s+\d+$")
_PRESENTATION = re.compile(r"(\s+(oral|spotlight|poster|highlight))+$", re.I)
_ACRONYM_YEAR = re.compile(r"^([A-Z][A-Za-z]*)\s+\d{2}$")
_PUBLISHED = re.compile(r"\bpublished\b", re.I)
_FINDINGS = re.compile(r"\bfindings\b", re.I)
_ACL_FAMILY = re.compile(r"\b(ACL|EMNLP|NAACL|EACL|AACL)\b")
_WORKSHOP = re.compile(r"\bworkshops?\b", re.I)


def tidy(text: str) -> str:
    """Spaces and punctuation left over once links, ids and years are cut out."""
    text = _EMPTY_BRACKETS.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _PUNCT_RUN.sub(r"\1", text)
    text = _WORD_THEN_PUNCT.sub(r"\1 ", text)
    text = _TIGHT_COLON.sub(": ", text)
    text = _DANGLING_WORD.sub("", text.strip())  # its link was cut out
    return text.strip(" ,.;:，|-–—")


def venue_part(plain: str) -> str:
    """The venue proper of a venue string: the sentences after it ('. Preprint on HAL', '. (IF: 28.06)')
    are notes. Splits only where a sentence clearly ends (after a number or before a parenthesis)."""
    pieces = _SENTENCE_END.split(plain)
    for piece in pieces:
        if _LETTER.search(YEAR.sub("", piece)):
            return piece.strip()
    return plain.strip()


def _known(text: str) -> str:
    """The acronym of a well-known full name in the text; '' when none matches."""
    lowered = text.lower()
    tables = [JOURNALS] if _JOURNAL_WORD.search(text) else [JOURNALS, CONFERENCES]
    for table in tables:
        for pattern, short in table:
            for found in _whole_words(pattern).finditer(lowered):
                if not _CONTINUES.match(lowered, found.end()):
                    return short
    return ""


@lru_cache(maxsize=None)
def _whole_words(pattern: str) -> re.Pattern:
    """A table pattern as whole words, compiled on first use and kept (re's own cache is small)."""
    return re.compile(r"\b(?:" + pattern + r")\b")


def _paren_acronym(text: str, name: str) -> str:
    """'... Learning Representations (ICLR)': an acronym in parentheses right after the name.
    Not a rank ('(TOP)', '(CCF-A)'), nor one after a year or number ('..., 2024 (TOP)', 'Papers 7 (CEPR)')."""
    for found in _ACRONYM_PAREN.finditer(text):
        before = text[:found.start()].rstrip()
        if before and (before[-1].isalpha() or before[-1] in "'’") and _caps(found.group(1)) \
                and not _TAG.match(found.group(1)):
            return found.group(1)
    leading = _LEADING_ACRONYM.match(name)
    if leading and _caps(leading.group(1)) and _abbreviates(leading.group(1), leading.group(2)):
        return leading.group(1)  # 'EPL (Europhysics Letters)'
    return ""


def _caps(word: str) -> bool:
    """An acronym has two capitals or more ('ICLR', 'NeurIPS', 'I2MTC'); checked apart from the
    patterns, whose overlapping runs would backtrack for ever on a long word."""
    return sum(ch.isupper() for ch in word) >= 2


def _abbreviates(short: str, long: str) -> bool:
    """Schwartz-Hearst: the letters of `short` occur in order in `long`, the first at a word start."""
    letters, words = [c.lower() for c in short if c.isalnum()], long.lower()
    at = len(words)
    for i, ch in enumerate(reversed(letters)):
        at = words.rfind(ch, 0, at)
        while i == len(letters) - 1 and at > 0 and words[at - 1].isalnum():
            at = words.rfind(ch, 0, at)
        if at < 0:
            return False
    return True


_QUOTED = re.compile(r"[\"“]([^\"“”]+)[\"”]")


def clean_name(part: str) -> str:
    """The venue's name: years, ranks, volume/issue/pages and 'In'/'Proceedings of' cut away."""
    name = YEAR.sub("", part)
    name = _SHORT_YEAR_MARK.sub("", name)
    name = _NOTE_PAREN.sub(lambda m: "" if _NOTE_WORDS.search(m.group(1)) or _TAG.match(m.group(1).strip())
                           else m.group(0), name)
    name = _LEADING_NON_WORD.sub("", tidy(name))
    for _ in range(2):
        name = _ORDINAL.sub("", _PREFIX.sub("", name)).strip()
    cut = _TAIL.search(name)
    if cut:
        name = _VOLUME.sub("", name[:cut.start()])  # 'Real-Time Syst 56, 112–119': volume 56
    name = _PRESENTATION.sub("", tidy(name))
    short = _ACRONYM_YEAR.match(name)
    if short and _caps(short.group(1)) and short.group(1)[-1].isupper():
        name = short.group(1)  # 'IJCAI 19': the year
    # 'Submitted to "IEEE Transactions on ..."': the quotes are not the name's
    return tidy(_QUOTED.sub(r"\1", name)).strip("\"“”") if "\"" in name or "“" in name else tidy(name)


def find_year(plain: str) -> Optional[int]:
    """The year a venue string names: its last four-digit year, else a short 'CVPR'24' / 'IJCAI 19'."""
    years = YEAR.findall(plain)
    if years:
        return int(years[-1])
    short = _SHORT_YEAR.search(plain.strip())
    if short and (short.group(1) or _caps(short.group(2)) and short.group(2)[-1].isupper()):
        two = int(short.group(1) or short.group(3))
        return 2000 + two if two < 70 else 1900 + two
    return None


def analyse(text: str) -> Tuple[str, str, Optional[int], bool]:
    """(label, full name, year, preprint) of a venue text as the source writes it."""
    # a site names the same venue for many papers, and each paper on several pages: the answer is
    # a tuple of strings, a pure function of the text, so it is cached
    return _cached_analyse(text) if isinstance(text, str) else _analyse(text)


def _analyse(text: str) -> Tuple[str, str, Optional[int], bool]:
    plain = tidy(_IDS.sub("", html.unescape(strip_markup(text))))
    part = venue_part(plain)
    unpaged = _PAGES.sub("", part)
    year = find_year(unpaged) or find_year(_PAGES.sub("", plain))
    label, name = short_venue_label(part, year)
    preprint = bool(_STATUS.search(part) or PREPRINT.search(part) and not _PUBLISHED.search(part))
    return label, name, year, preprint


def short_venue_label(plain: str, year: Optional[int]) -> Tuple[str, str]:
    """(short label, full name) of a venue text already stripped of markup; `year` goes in the label."""
    if isinstance(plain, str) and (year is None or type(year) is int):
        return _cached_label(plain, year)
    return _short_venue_label(plain, year)


def _short_venue_label(plain: str, year: Optional[int]) -> Tuple[str, str]:
    plain = venue_part(tidy(_IDS.sub("", html.unescape(strip_markup(plain)))))
    name = clean_name(plain)
    server = _SERVER.match(name)
    if server and not _STATUS.search(plain):
        short = SERVERS[server.group(1).lower()]
        return (f"{short} {year}" if year else short), ""
    status = _STATUS.search(plain)
    acronym = "" if status else _paren_acronym(plain, name) or _known(plain)
    if not acronym:
        label = f"{name} {year}" if year and name else (name or tidy(plain).strip("()"))
        full = _STATUS_PREFIX.sub("", name) if status else name
        return label, full if len(full.split()) > 4 else ""
    full = tidy(re.sub(r"\s*\(\s*" + re.escape(acronym) + r"[^)]*\)", " ", name))
    full = tidy(re.sub(r"^" + re.escape(acronym) + r"\s*\((.*)\)$", r"\1", full))
    short = _qualified(plain, acronym)
    return (f"{short} {year}" if year else short), ("" if full in (acronym, "") else full)


_cached_analyse = lru_cache(maxsize=1 << 14)(_analyse)
_cached_label = lru_cache(maxsize=1 << 14)(_short_venue_label)


def _qualified(text: str, acronym: str) -> str:
    """'Findings of EMNLP' and 'ICML Workshop': the label must not name the main conference alone."""
    if acronym in ("ACL", "EMNLP", "NAACL", "EACL", "AACL") and _FINDINGS.search(text):
        named: List[str] = _ACL_FAMILY.findall(text)
        return f"Findings of {named[-1] if named else acronym}"
    if _WORKSHOP.search(text) and not acronym.endswith("W") and not re.search(
            r"\b" + re.escape(acronym) + r"\s+workshop", text, re.I):
        return f"{acronym} Workshop"
    return acronym
