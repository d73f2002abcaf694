"""Editors and widgets the pages and dialogs are built from: field editors, child lists, tables, attachments."""
