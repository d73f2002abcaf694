"""The domain: validation, the services that change the ledger, audit, statistics. No Qt."""
