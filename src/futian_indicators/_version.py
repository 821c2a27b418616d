"""The package's version (code). The data's own version is ``DATA_VERSION``: see ``__init__``."""

__version__ = "0.1.0"
