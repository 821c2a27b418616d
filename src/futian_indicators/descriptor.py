"""Frictionless Data Package descriptors (v2): the parts that do not depend on the schemas.

The build describes the processed CSV files from its pandera schemas
(:mod:`futian_indicators.build.datapackage`); ``export`` describes what it wrote from the tables'
dtypes. Both assemble the descriptor with these functions, so the two ``datapackage.json`` files
have one shape. Neither a build nor a reader module: it only describes bytes it is given.

Examples
--------
>>> import pandas as pd
>>> field_type(pd.Series([True]).dtype), field_type(pd.Series(["a"]).dtype)
('boolean', 'string')
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"

PACKAGE_KEYS = ("name", "title", "version", "description", "licenses")
"""The dataset's metadata a descriptor carries."""

MEDIA_TYPES = {
    "csv": "text/csv",
    "parquet": "application/vnd.apache.parquet",
    "json": "application/json",
}


def field_type(dtype: Any) -> str:
    """The Table Schema type of a column's dtype."""
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "date"
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "integer"
    if pd.api.types.is_float_dtype(dtype):
        return "number"
    return "string"


def resource(
    name: str, path: str, data: bytes, schema: Mapping[str, Any], **extra: Any
) -> dict[str, Any]:
    """One resource: a file's path, format, size and sha256, and its Table Schema."""
    fmt = path.rsplit(".", 1)[-1]
    out: dict[str, Any] = {
        "name": name,
        "path": path,
        "type": "table",
        "format": fmt,
        "mediatype": MEDIA_TYPES.get(fmt, "application/octet-stream"),
    }
    if fmt == "csv":
        out["encoding"] = "utf-8"
    out |= {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}
    return out | dict(extra) | {"schema": dict(schema)}


def package(metadata: Mapping[str, Any], resources: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The ``datapackage.json`` descriptor: the dataset's metadata and its resources."""
    head = {k: metadata[k] for k in PACKAGE_KEYS if k in metadata}
    return {"$schema": PROFILE, **head, "resources": [dict(r) for r in resources]}
