"""Rendering: clause files (Jinja in a sandbox) against a term sheet, into the document model."""
