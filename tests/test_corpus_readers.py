"""Every real site of ../shared/corpus reads without an exception and with every body line accounted for."""
import pytest

from conftest import corpus_sites
from migrator.accounting import account
from migrator.readers import read_loaded

SITES = corpus_sites()


@pytest.mark.skipif(not SITES, reason="../shared/corpus is not there")
@pytest.mark.parametrize("site", SITES, ids=[f"{p.parent.name}/{p.name}" for p in SITES])
def test_corpus_site_reads(site):
    loaded = read_loaded(str(site))
    assert loaded.site.theme == site.parent.name
    result = account(loaded.site, {doc.path: doc.body() for doc in loaded.documents})
    assert result.ok, result.summary()
    unread = [p for p in loaded.site.problems if p.code == "RD001"]
    assert not unread, [f"{p.span.path}:{p.span.line} {p.message}" for p in unread]
