// Reconciliation (PRODUCT §1.4): stock snapshots against the ledger, and claimable lost/damaged units.
export * from './reconcile';
export * from './claims';
