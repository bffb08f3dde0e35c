"""The rule catalogue: one module per rule, listed once here."""
from __future__ import annotations

from typing import Dict, List

from .base import Rule
from .date001 import ConflictingDates
from .date002 import StaleStatement
from .cfg001 import BrokenSiteUrl
from .date003 import ImpossibleDateRange
from .dup001 import DuplicateEntry
from .dup002 import ConflictingPublication
from .dup003 import ConflictingEntryFacts
from .dup004 import RepeatedBlock
from .enc001 import Mojibake
from .enc002 import NotUtf8
from .fm001 import InvalidFrontMatter
from .fm002 import DuplicateFrontMatterKey
from .fm003 import MissingFrontMatterKey
from .fm004 import UnknownFrontMatterKey
from .fm005 import InvalidDate
from .io001 import UnreadableFile
from .io002 import BinaryPage
from .lnk001 import MalformedArxivId
from .lnk002 import MalformedDoi
from .lnk003 import MissingLocalFile
from .lnk004 import PlaceholderLink
from .nav001 import BrokenNavigation
from .own001 import ForeignProfileLink
from .own002 import InconsistentOwnerName
from .sup001 import UnusedSuppression
from .tpl001 import TemplateSampleContent
from .tpl002 import ForeignContent
from .url001 import PermalinkCollision
from .yml001 import InvalidDataFile
from .yml002 import DuplicateDataKey

RULES: List[Rule] = [
    InvalidFrontMatter(),
    DuplicateFrontMatterKey(),
    MissingFrontMatterKey(),
    UnknownFrontMatterKey(),
    InvalidDate(),
    Mojibake(),
    NotUtf8(),
    UnreadableFile(),
    BinaryPage(),
    InvalidDataFile(),
    DuplicateDataKey(),
    PermalinkCollision(),
    MalformedArxivId(),
    MalformedDoi(),
    MissingLocalFile(),
    PlaceholderLink(),
    ImpossibleDateRange(),
    BrokenNavigation(),
    UnusedSuppression(),
    BrokenSiteUrl(),
    DuplicateEntry(),
    ConflictingPublication(),
    ConflictingEntryFacts(),
    RepeatedBlock(),
    ConflictingDates(),
    StaleStatement(),
    ForeignProfileLink(),
    InconsistentOwnerName(),
    TemplateSampleContent(),
    ForeignContent(),
]

BY_CODE: Dict[str, Rule] = {rule.code: rule for rule in RULES}
