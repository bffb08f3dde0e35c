"""docs/schema.json is generated from migrator/model.py and validates real dumps."""
import json

import jsonschema
import pytest

from migrator.readers import read_site
from migrator.schema import schema_text
from migrator.serialize import from_data, to_data
from migrator.model import Site

from conftest import FIXTURES, ROOT


def test_schema_file_is_fresh():
    assert (ROOT / "docs" / "schema.json").read_text() == schema_text(), \
        "docs/schema.json is stale: run `python -m migrator.schema > docs/schema.json`"


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir() if p.is_dir()))
def test_dump_validates_and_round_trips(name):
    site = read_site(str(FIXTURES / name))
    data = json.loads(json.dumps(to_data(site)))
    jsonschema.validate(data, json.loads(schema_text()))
    assert to_data(from_data(Site, data)) == data
