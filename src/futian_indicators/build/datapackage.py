"""Describe the processed CSV tables as a Frictionless Data Package (v2), from the schemas."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

import pandas as pd

from .. import vocab
from . import schema

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"


def _field_type(dtype: Any) -> str:
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "date"
    if pd.api.types.is_integer_dtype(dtype):
        return "integer"
    if pd.api.types.is_float_dtype(dtype):
        return "number"
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    return "string"


def _enum(column: Any) -> list[str] | None:
    for check in column.checks:
        allowed = check.statistics.get("allowed_values")
        if check.name == "isin" and allowed is not None:
            return sorted(allowed)
    return None


def _field(table: str, name: str, column: Any) -> dict[str, Any]:
    if (table, name) in schema.LIST_COLUMNS:
        # Table Schema v2 list: its items name rows of another table (no foreign key can say it)
        return {
            "name": name,
            "type": "list",
            "delimiter": schema.LIST_SEPARATOR,
            "itemType": "string",
            "description": column.description,
            "constraints": {"required": not column.nullable},
        }
    constraints: dict[str, Any] = {"required": not column.nullable}
    if column.unique:
        constraints["unique"] = True
    if (enum := _enum(column)) is not None:
        constraints["enum"] = enum
    return {
        "name": name,
        "type": _field_type(column.dtype.type),
        "description": column.description,
        "constraints": constraints,
    }


def table_schema(name: str) -> dict[str, Any]:
    """The Table Schema of one table, generated from its pandera model."""
    model = schema.SCHEMAS[name]
    foreign_keys = [
        {"fields": [column], "reference": {"resource": ref_table, "fields": [ref_column]}}
        for table, column, ref_table, ref_column in schema.FOREIGN_KEYS
        if table == name and (table, column) not in schema.LIST_COLUMNS
    ]
    out: dict[str, Any] = {
        "fields": [_field(name, col, spec) for col, spec in model.columns.items()],
        "primaryKey": list(model.unique),
        "missingValues": [vocab.MISSING_TEXT],
    }
    if foreign_keys:
        out["foreignKeys"] = foreign_keys
    return out


def datapackage(
    tables: Mapping[str, pd.DataFrame], csv: Mapping[str, bytes], metadata: Mapping[str, Any]
) -> dict[str, Any]:
    """The ``datapackage.json`` descriptor of the processed CSV files."""
    resources = [
        {
            "name": name,
            "path": f"{name}.csv",
            "type": "table",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": len(csv[name]),
            "hash": "sha256:" + hashlib.sha256(csv[name]).hexdigest(),
            "description": schema.SCHEMAS[name].description,
            "schema": table_schema(name),
        }
        for name in tables
    ]
    keys = ("name", "title", "version", "description", "licenses")
    return {"$schema": PROFILE, **{k: metadata[k] for k in keys}, "resources": resources}
