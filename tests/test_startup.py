"""A command imports only what it needs: the startup budget of issue 6 (timing is measured by hand)."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported(*args: str) -> set:
    """Modules a `migrate` process imports, read from `python -X importtime`."""
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "migrator", *args],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in run.stderr, run.stderr
    names = {line.rsplit("|", 1)[1].strip() for line in run.stderr.splitlines()
             if line.startswith("import time:") and "|" in line}
    assert "migrator" in names  # the trace was read
    return names


def packages(names: set) -> set:
    return {name.split(".")[0] for name in names}


def test_lint_of_a_seed_site_skips_html_parser_pydantic_and_writers():
    names = imported("lint", "fixtures/seed-academicpages")
    assert "migrator.rules" in names and "migrator.readers" in names
    assert not {"bs4", "soupsieve", "pydantic", "pydantic_core"} & packages(names)
    assert not {n for n in names if n == "migrator.writers" or n.startswith("migrator.writers.")}
    assert "ruamel" not in packages(names)  # plain front matter takes the libyaml path
    assert "migrator.readers.acad_homepage" not in names  # only the detected theme's reader


def test_version_imports_neither_the_cli_framework_nor_the_readers():
    names = imported("--version")
    assert not {"typer", "click", "migrator.readers", "migrator.rules"} & (packages(names) | names)


def test_html_the_small_tree_reads_needs_no_bs4():
    """The seed's HTML (anchors, lists of plain tags) is read by readers/html_tree.py alone."""
    names = imported("lint", "fixtures/seed-acad-homepage")
    assert "migrator.readers.html_tree" in names
    assert not {"bs4", "soupsieve"} & packages(names)


def test_bs4_is_still_imported_where_a_block_falls_back_to_it():
    names = imported("lint", "fixtures/ah-shapes")  # '<h3 align=...>' headings and paper boxes
    assert "bs4" in names  # lazily, when a block needs what the small tree does not write back


def test_the_small_tree_imports_no_bs4():
    code = ("import sys; from migrator.readers import html_tree; "
            "t = html_tree.parse('<ul class=\"a b\"><li>x &amp; &#x80; &#12a <u>y</u><!-- c --></li></ul>'); "
            "assert t.find('ul').get('class') == ['a', 'b'] and html_tree.underlined('<u>z</u>') == ['z']; "
            "str(t.find('u')); t.get_text(' ', strip=True); "
            "assert not [m for m in sys.modules if m.split('.')[0] in ('bs4', 'soupsieve')], 'bs4 imported'")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
