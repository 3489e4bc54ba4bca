"""The archive room's own rules and documents, pure: no database, no Qt, no files.

- :mod:`~archive_desk.domain.codes`: the 档号 engine (patterns, canonical form, barcode payload, next number).
- :mod:`~archive_desk.domain.forms`: what every printed or exported form shares (its language).
- :mod:`~archive_desk.domain.transfer_documents`, :mod:`~archive_desk.domain.stocktake_report`,
  :mod:`~archive_desk.domain.backup_register`: the documents that ``printing/`` (PDF) and ``exporting/``
  (workbooks) both render, so neither imports the other.

Every layer may import it; it imports only the standard library, ``errors`` and ``i18n``
(an import-linter contract in ``pyproject.toml`` keeps SQLAlchemy, the models, the database and Qt out).
"""
