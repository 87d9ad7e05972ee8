// Stock counts (PRODUCT §5): plans, sheets, entry, variance review and accuracy — pure, no storage.
export * from './model';
export * from './plans';
export * from './variance';
export * from './entry';
export * from './export';
