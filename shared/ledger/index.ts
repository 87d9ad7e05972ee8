export * from './columns';
export * from './valuation';
export * from './report';
