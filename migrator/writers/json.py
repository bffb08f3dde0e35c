"""Writer for JSON: the canonical model itself, as `migrate dump` prints it."""
from __future__ import annotations

import json

from ..model import Site, content_nodes
from ..serialize import to_data
from . import Output, WriteOptions

FILE = "site.json"


def write(site: Site, options: WriteOptions) -> Output:
    out = Output()
    out.files[FILE] = json.dumps(to_data(site), indent=2, ensure_ascii=False) + "\n"
    for _, node in content_nodes(site):
        out.place(node, "mapped", FILE)
    for page in site.pages:
        out.place(page, "mapped", FILE)
    return out
