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


#: what a volume's other fields are searched in: the 档号 (lower-cased), responsible, notes and the own fields as JSON
#: text; the same expression in the index and in services/search.py (the planner matches it word for word)
REST_TEXT = "lower(code) || ' ' || responsible || ' ' || notes || ' ' || CAST(custom AS text)"

#: the one- and two-character pieces of a lower-cased text, as an array: a GIN
#: index over it answers words of one or two characters, which pg_trgm cannot (migration 0014). An expression index,
#: so the server keeps it in step with every write, items included, without a side table (GIN stores each piece's
#: rows as a compressed list: a fraction of the size of a (piece, id) table).
SEARCH_PIECES_DDL = (
    # a loop rather than a set-returning SELECT: ten times faster, which is the time of the index build; GIN
    # drops repeated pieces itself, and pieces holding whitespace are never looked up (a word has none)
    """
CREATE OR REPLACE FUNCTION search_pieces(t text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  l text := lower(t);
  n integer := char_length(l);
  out text[] := '{}';
BEGIN
  FOR k IN 1..n LOOP
    out := out || substr(l, k, 1);
    IF k < n THEN
      out := out || substr(l, k, 2);
    END IF;
  END LOOP;
  RETURN out;
END $$""",
    "CREATE INDEX IF NOT EXISTS ix_search_items_title_pieces ON items USING gin (search_pieces(title))",
    f"CREATE INDEX IF NOT EXISTS ix_search_volumes_rest_pieces ON volumes USING gin (search_pieces({REST_TEXT}))",
)

#: postings of the items' titles (migration 0015): every distinct two-character piece of each lower-cased item title,
#: without whitespace, beside the item's id; read along the primary key (gram, item_id) the items holding a word come
#: in item-id order, so the items tier stops at its page whatever the number of matches (services/search_pg.py). Kept
#: by a trigger on items; a bulk copy that disables the triggers refills it (:func:`refill_item_grams`). One
#: character pieces are left out (half the rows): a one-character word is served by the pieces index of 0014.
ITEM_GRAMS_DDL = (
    """
CREATE OR REPLACE FUNCTION search_bigrams(t text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  l text := lower(t);
  piece text;
  out text[] := '{}';
BEGIN
  FOR k IN 1..char_length(l) - 1 LOOP
    piece := substr(l, k, 2);
    IF piece !~ '\\s' AND NOT piece = ANY(out) THEN
      out := out || piece;
    END IF;
  END LOOP;
  RETURN out;
END $$""",
    "CREATE TABLE IF NOT EXISTS search_item_grams (gram text NOT NULL, item_id integer NOT NULL, PRIMARY KEY (gram, item_id))",
    # the old title's pieces name the rows to delete (by the primary key: no second index on item_id)
    """
CREATE OR REPLACE FUNCTION search_item_grams_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM search_item_grams WHERE gram = ANY(search_bigrams(OLD.title)) AND item_id = OLD.id;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO search_item_grams (gram, item_id) SELECT g, NEW.id FROM unnest(search_bigrams(NEW.title)) AS g
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$""",
    "DROP TRIGGER IF EXISTS search_item_grams_ai ON items",
    "CREATE TRIGGER search_item_grams_ai AFTER INSERT OR DELETE ON items FOR EACH ROW EXECUTE FUNCTION search_item_grams_sync()",
    "DROP TRIGGER IF EXISTS search_item_grams_au ON items",
    "CREATE TRIGGER search_item_grams_au AFTER UPDATE OF title ON items FOR EACH ROW"
    " WHEN (OLD.title IS DISTINCT FROM NEW.title) EXECUTE FUNCTION search_item_grams_sync()",
)



def refill_item_grams(execute) -> None:  # noqa: ANN001 - a connection's exec_driver_sql
    """Every item's postings in ``search_item_grams``, afresh (migration 0015; a server copy, whose bulk rows pass no
    trigger): emptied, filled without its primary key, which is then built in one sort (a packed index; at 100,000
    volumes, 4.4 million rows: 12 s against 13 s inserting into the key, 20 s in all with the ANALYZE)."""
    execute("ALTER TABLE search_item_grams DROP CONSTRAINT IF EXISTS search_item_grams_pkey")
    execute("DELETE FROM search_item_grams")
    execute("INSERT INTO search_item_grams (gram, item_id)"
            " SELECT g, i.id FROM items i CROSS JOIN LATERAL unnest(search_bigrams(i.title)) AS g")
    execute("ALTER TABLE search_item_grams ADD PRIMARY KEY (gram, item_id)")
    execute("ANALYZE search_item_grams")

#: the search backend's tables and indexes on PostgreSQL (services/search.py PostgresSearchBackend): trigram indexes
#: over titles, the other text fields, lower-cased codes and item titles, a side table of pinyin initials, and one of
#: every title's (and its initials') one- and two-character pieces, which trigrams cannot serve (migration 0011)
SEARCH_DDL = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TABLE IF NOT EXISTS search_pinyin (volume_id integer PRIMARY KEY REFERENCES volumes(id), initials text NOT NULL)",
    "CREATE INDEX IF NOT EXISTS ix_search_volumes_title_trgm ON volumes USING gin (title gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_search_volumes_fields_trgm ON volumes USING gin "
    "((responsible || ' ' || notes || ' ' || CAST(custom AS text)) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_search_volumes_lower_code_trgm ON volumes USING gin (lower(code) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_search_items_title_trgm ON items USING gin (title gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS ix_search_pinyin_trgm ON search_pinyin USING gin (initials gin_trgm_ops)",
    "CREATE TABLE IF NOT EXISTS search_grams (gram text NOT NULL, volume_id integer NOT NULL, PRIMARY KEY (gram, volume_id))",
    "CREATE INDEX IF NOT EXISTS ix_search_grams_volume ON search_grams (volume_id)",
    *SEARCH_PIECES_DDL,
    *ITEM_GRAMS_DDL,
)

#: mark of the pinyin initials' pieces in ``search_grams`` (services/search.py PINYIN_MARK: whitespace to the parser,
#: so no search word holds it)
PINYIN_GRAM_MARK = 31


def fill_grams_sql(*, only_ids: bool) -> str:
    """INSERT of ``search_grams`` from the titles and ``search_pinyin``: each distinct piece of one or two characters
    of the lower-cased title, and of the initials (marked), without whitespace (a search word never holds any).
    With ``only_ids`` for the volumes of the bound array ``:ids``, otherwise for every volume."""
    v_where = "WHERE v.id = ANY(:ids)" if only_ids else ""
    p_where = "WHERE p.volume_id = ANY(:ids)" if only_ids else ""
    return f"""
INSERT INTO search_grams (gram, volume_id)
SELECT DISTINCT CASE WHEN src.pinyin THEN chr({PINYIN_GRAM_MARK}) || s.piece ELSE s.piece END, src.volume_id
FROM (SELECT lower(v.title) AS t, v.id AS volume_id, false AS pinyin FROM volumes v {v_where}
      UNION ALL
      SELECT p.initials, p.volume_id, true FROM search_pinyin p {p_where}) AS src
CROSS JOIN LATERAL (SELECT substr(src.t, k.i, n.n) AS piece
                    FROM generate_series(1, char_length(src.t)) AS k(i), (VALUES (1), (2)) AS n(n)
                    WHERE k.i + n.n - 1 <= char_length(src.t)) AS s
WHERE s.piece !~ '\\s'"""  # noqa: S608 - SQL from the schema's own names; values are bound


def search_ddl() -> list[str]:
    return list(SEARCH_DDL)


def create_all(execute) -> None:  # noqa: ANN001 - a connection's exec_driver_sql
    for sql in [*search_ddl(), *LAYER_USAGE, *AUDIT_APPEND_ONLY]:
        execute(sql)
