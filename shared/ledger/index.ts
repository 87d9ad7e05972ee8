export * from './columns';
export * from './valuation';
export * from './report';
export * from './blocks';
export * from './summary';
