"""The desktop GUI: a thin PySide6 skin over the ledger services. The only package importing Qt."""
