// PRODUCT §6 Analysis: the ledger figures per SKU, the metrics and suggested actions, the seller's settings.
export * from './ledgerFacts';
export * from './metrics';
export * from './settings';
