"""YML002: a key given twice in `_config.yml` or a `_data/` file."""
from __future__ import annotations

from .reader import ReaderProblem


class DuplicateDataKey(ReaderProblem):
    """A key given twice in one mapping of `_config.yml` or a `_data/` YAML file.

    ## What it does
    Reports the second occurrence of the key, at its line and column.

    ## Why is this bad?
    YAML forbids it and Jekyll keeps only the last value: a setting changed
    in the first place silently has no effect.

    ## Example
    ```yaml
    author:
      name: Jane Doe
      name: J. Doe
    ```

    ## Fix
    Keep one of the two lines.
    """

    code = "YML002"
    name = "duplicate-data-key"
