"""The dialogs: record forms, import and export, conflicts, the check, backups, settings, first run and recovery."""
