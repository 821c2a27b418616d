"""``python -m futian_indicators``: the command-line interface."""

import sys

from .cli import main

sys.exit(main())
