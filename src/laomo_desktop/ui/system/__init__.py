"""Background work and the desktop around the window: jobs with progress, one instance per ledger, drives, crashes, the self-test."""
