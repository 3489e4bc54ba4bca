"""printing: pure (no database, no Qt)."""
