"""The local image catalogue: every workspace's history in SQLite with the designer's own
marks (favourites, ratings, collections, credits, kind and source, pending deletes), fast
search, sync with the server and style presets. No Qt; see ``store`` for the thread model."""

from desktop.services.catalog.deletes import DeleteReport, send_due_deletes
from desktop.services.catalog.json_import import import_json_once
from desktop.services.catalog.opening import (
    CATALOG_CONTEXT,
    DAMAGED_MESSAGE,
    DAMAGED_NOW_MESSAGE,
    DamageReport,
)
from desktop.services.catalog.presets import StylePreset
from desktop.services.catalog.query import CatalogQuery
from desktop.services.catalog.rows import (
    CatalogEntry,
    CatalogRow,
    Collection,
    Facets,
    Kind,
    PendingDelete,
)
from desktop.services.catalog.store import (
    CATALOG_FILE,
    CatalogClosedError,
    CatalogDamagedError,
    CatalogStore,
)
from desktop.services.catalog.sync import ReconcileReport, SyncReport, reconcile, sync_new

__all__ = [
    "CATALOG_CONTEXT",
    "CATALOG_FILE",
    "DAMAGED_MESSAGE",
    "DAMAGED_NOW_MESSAGE",
    "CatalogClosedError",
    "CatalogDamagedError",
    "CatalogEntry",
    "CatalogQuery",
    "CatalogRow",
    "CatalogStore",
    "Collection",
    "DamageReport",
    "DeleteReport",
    "Facets",
    "Kind",
    "PendingDelete",
    "ReconcileReport",
    "StylePreset",
    "SyncReport",
    "import_json_once",
    "reconcile",
    "send_due_deletes",
    "sync_new",
]
