// PRODUCT §6 Analysis: the ledger figures per SKU, revenue per SKU from imported orders, the metrics and suggested actions, the seller's settings.
export * from './ledgerFacts';
export * from './metrics';
export * from './revenue';
export * from './settings';
