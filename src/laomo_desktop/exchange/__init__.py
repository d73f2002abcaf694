"""Data packages: signed export of a studio's ledger, and import + merge at the union office.

No Qt here (the GUI lists drives and shows progress from ui/). The format is documented in
docs/package-format.md.
"""
