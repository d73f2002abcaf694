"""Persistence: Peewee models, the connection, migrations, backups, blobs. No Qt, no ReportLab."""
