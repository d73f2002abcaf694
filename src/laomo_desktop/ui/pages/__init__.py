"""The pages the main window shows: the dashboard, a page per section, the union office's pages, reports, the recycle bin and the log."""
