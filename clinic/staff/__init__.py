"""Front-desk staff: accounts, their store, and the audit trail of what they did."""
