"""The pages of the season dock, one class per page (built in code, no .ui)."""
