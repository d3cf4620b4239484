export * from './assignment-status.ts';
export * from './categories.ts';
export * from './dependencies.ts';
export * from './schemas.ts';
export * from './tax-ids.ts';
export * from './tds.ts';
