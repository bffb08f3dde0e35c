"""YML001: a YAML or JSON data file (`_config.yml`, `_data/`) that cannot be read."""
from __future__ import annotations

from .fm001 import is_data_file
from .reader import ReaderProblem


class InvalidDataFile(ReaderProblem):
    """`_config.yml` or a `_data/` file that is not valid YAML or JSON.

    ## What it does
    Reports the line and column where reading `_config.yml`, `_data/*.yml` or
    `_data/*.json` stopped, or a config file that is not a mapping of keys.

    ## Why is this bad?
    Jekyll refuses to build the site when `_config.yml` is broken, and pages
    that loop over a broken data file render nothing.

    ## Example
    ```yaml
    author:
      name: Jane Doe
    	email: jane@example.org   # a tab
    ```

    ## Fix
    Indent with spaces, close quotes and brackets, and check the file with
    `migrate lint` again.
    """

    code = "YML001"
    name = "invalid-data-file"

    def claims(self, problem) -> bool:
        # the navigation file is read by the front matter loader, which names its errors FM001
        return problem.code == self.code or (problem.code == "FM001" and is_data_file(problem.span.path))

    def message(self, problem) -> str:
        return problem.message.replace("front matter", problem.span.path)
