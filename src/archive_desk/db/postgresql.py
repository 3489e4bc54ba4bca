"""What a PostgreSQL catalogue has besides the tables: the search index, the layer-usage triggers that SQLite
keeps in db/layer_usage.py, and the audit trail's append-only guard. Created by migration 0007.

The guard is a trigger that refuses UPDATE, DELETE and TRUNCATE of ``audit_log`` for everyone, the owner
included; ``server init`` (services/server.py) also grants the application role only SELECT and INSERT on it.
Only a superuser (or the table's owner) who first drops or disables the trigger can change the trail, and
``check`` then finds the broken chain.
"""

from __future__ import annotations

from archive_desk.db.layer_usage import DEFAULT_MM, OCCUPYING_SQL


def _width(row: str) -> str:
    return (f"coalesce(nullif({row}.thickness_mm, 0), "  # noqa: S608 - SQL from the schema's own names; values are bound
            f"(SELECT nullif(c.thickness_mm, 0) FROM categories c WHERE c.id = {row}.category_id), {DEFAULT_MM})")


LAYER_USAGE = [
    f"""
CREATE OR REPLACE FUNCTION layer_usage_volumes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.layer_id IS NOT NULL AND OLD.status IN {OCCUPYING_SQL} THEN
    UPDATE layers SET used_count = used_count - 1, used_mm = used_mm - {_width('OLD')} WHERE id = OLD.layer_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.layer_id IS NOT NULL AND NEW.status IN {OCCUPYING_SQL} THEN
    UPDATE layers SET used_count = used_count + 1, used_mm = used_mm + {_width('NEW')} WHERE id = NEW.layer_id;
  END IF;
  RETURN NULL;
END $$""",  # noqa: S608 - SQL from the schema's own names; values are bound
    "DROP TRIGGER IF EXISTS layer_usage_ai ON volumes",
    "CREATE TRIGGER layer_usage_ai AFTER INSERT ON volumes FOR EACH ROW EXECUTE FUNCTION layer_usage_volumes()",
    "DROP TRIGGER IF EXISTS layer_usage_ad ON volumes",
    "CREATE TRIGGER layer_usage_ad AFTER DELETE ON volumes FOR EACH ROW EXECUTE FUNCTION layer_usage_volumes()",
    "DROP TRIGGER IF EXISTS layer_usage_au ON volumes",
    "CREATE TRIGGER layer_usage_au AFTER UPDATE OF layer_id, status, thickness_mm, category_id ON volumes FOR EACH ROW"
    " WHEN (OLD.layer_id IS DISTINCT FROM NEW.layer_id OR OLD.status IS DISTINCT FROM NEW.status"
    " OR OLD.thickness_mm IS DISTINCT FROM NEW.thickness_mm OR OLD.category_id IS DISTINCT FROM NEW.category_id)"
    " EXECUTE FUNCTION layer_usage_volumes()",
    f"""
CREATE OR REPLACE FUNCTION layer_usage_category() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE layers SET used_mm = (
    SELECT coalesce(sum({_width('v')}), 0) FROM volumes v WHERE v.layer_id = layers.id AND v.status IN {OCCUPYING_SQL})
  WHERE id IN (SELECT DISTINCT layer_id FROM volumes WHERE category_id = NEW.id AND layer_id IS NOT NULL);
  RETURN NULL;
END $$""",  # noqa: S608 - SQL from the schema's own names; values are bound
    "DROP TRIGGER IF EXISTS layer_usage_category ON categories",
    "CREATE TRIGGER layer_usage_category AFTER UPDATE OF thickness_mm ON categories FOR EACH ROW"
    " WHEN (OLD.thickness_mm IS DISTINCT FROM NEW.thickness_mm) EXECUTE FUNCTION layer_usage_category()",
]

AUDIT_APPEND_ONLY = [
    """
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % of audit_log refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$""",
    "DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW"
    " EXECUTE FUNCTION audit_log_append_only()",
    "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT"
    " EXECUTE FUNCTION audit_log_append_only()",
]


#: the search backend's tables and indexes on PostgreSQL (services/search.py PostgresSearchBackend): trigram indexes
#: over titles, the other text fields, codes and item titles, and a side table of pinyin initials
SEARCH_DDL = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TABLE IF NOT EXISTS search_pinyin (volume_id integer PRIMARY KEY REFERENCES volumes(id), initials text NOT NULL)",
    "CREATE INDEX IF NOT EXISTS ix_search_volumes_title_trgm ON volumes USING gin (title gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_search_volumes_fields_trgm ON volumes USING gin "
    "((responsible || ' ' || notes || ' ' || CAST(custom AS text)) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_search_volumes_code_trgm ON volumes USING gin (code gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_search_items_title_trgm ON items USING gin (title gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_search_pinyin_trgm ON search_pinyin USING gin (initials gin_trgm_ops)",
)


def search_ddl() -> list[str]:
    return list(SEARCH_DDL)


def create_all(execute) -> None:  # noqa: ANN001 - a connection's exec_driver_sql
    for sql in [*search_ddl(), *LAYER_USAGE, *AUDIT_APPEND_ONLY]:
        execute(sql)
