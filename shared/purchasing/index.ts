export * from './suppliers';
export * from './exchangeRates';
export * from './purchaseOrders';
export * from './landedCost';
export * from './shipments';
export * from './leadTimes';
export * from './planDrafts';
