"""The hub's audit trail: who did what to the hub's records, and when."""
