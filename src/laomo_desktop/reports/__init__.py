"""PDF and XLSX documents (ReportLab, openpyxl). No Qt: the CLI and the GUI share them."""
