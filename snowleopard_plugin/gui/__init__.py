"""Dock and dialogs: widgets gather parameters and call Processing; no analysis here."""
