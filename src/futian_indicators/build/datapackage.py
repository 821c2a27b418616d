"""Describe the processed CSV tables as a Frictionless Data Package (v2), from the schemas."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from .. import descriptor, vocab
from . import schema

PROFILE = descriptor.PROFILE


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
        "type": descriptor.field_type(column.dtype.type),
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
        descriptor.resource(
            name,
            f"{name}.csv",
            csv[name],
            table_schema(name),
            description=schema.SCHEMAS[name].description,
        )
        for name in tables
    ]
    return descriptor.package(metadata, resources)
