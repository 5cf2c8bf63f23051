"""The SQLite store: schema, migrations, queries. Nothing else talks SQL."""

from storyline.store.db import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
