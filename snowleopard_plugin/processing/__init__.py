"""Processing provider ``snowleopard`` and its algorithms (thin wrappers on the core)."""
