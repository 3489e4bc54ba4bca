"""Alembic environment: runs on the connection handed in by archive_desk.db.migrate."""

from __future__ import annotations

from alembic import context

from archive_desk.db.migrations_support import include_name
from archive_desk.models import Base
from archive_desk.models.loans import declare_postgresql_options

declare_postgresql_options()  # options kept out of the models for start-up time (see there)

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # pragma: no cover - command-line alembic use
        from archive_desk.db.engine import make_engine

        connection = make_engine(config.get_main_option("sqlalchemy.url") or "").connect()
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():  # pragma: no cover
    raise SystemExit("offline migrations are not supported")
run_migrations_online()
