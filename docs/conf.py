"""Sphinx configuration: MyST pages, executed notebooks, autodoc with numpy docstrings.

Build (from the repository's root, with ``pip install ".[docs]"``)::

    python -m sphinx -W --keep-going -b html docs docs/_build/html

The data dictionary, the sources, the API and CLI references are generated at build time from
the installed package (``docs/_ext/generate.py``, into ``docs/_generated/``, never committed).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Headless: no display is needed to draw a figure (the notebook's kernel inherits this too).
os.environ.setdefault("MPLBACKEND", "Agg")
sys.path.insert(0, str(Path(__file__).parent / "_ext"))

import futian_indicators as fi

project = "futian-indicators"
author = "The futian-indicators contributors"
copyright = "The futian-indicators contributors; code MIT, data CC BY 4.0"
version = release = fi.__version__
language = "en"

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "generate",
]

exclude_patterns = ["_build", "_generated", "_ext", "**.ipynb_checkpoints"]

# MyST: Markdown pages; heading anchors so that links such as curation.md#periods resolve.
myst_enable_extensions = ["colon_fence", "deflist", "substitution"]
myst_heading_anchors = 3
myst_substitutions = {"data_version": fi.DATA_VERSION, "version": fi.__version__}

# Notebooks: executed on every build (they are committed without outputs), offline.
nb_execution_mode = "force"
nb_execution_timeout = 120
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_merge_streams = True

# autodoc + napoleon: numpy docstrings, signatures with their type hints.
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_ivar = True
napoleon_use_rtype = False

html_theme = "furo"
html_title = f"futian-indicators {release} (data {fi.DATA_VERSION})"
html_static_path: list[str] = []
# Each letter's page (written by docs/_ext/generate.py) is copied as it is, to letters/<id>.html.
# The folder must exist before Sphinx checks the setting, before the generator runs.
(Path(__file__).parent / "_generated" / "html").mkdir(parents=True, exist_ok=True)
html_extra_path = ["_generated/html"]
