"""importing: pure (no database, no Qt)."""
