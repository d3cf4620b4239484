export * from './accounts.ts';
export * from './assignment-status.ts';
export * from './categories.ts';
export * from './dependencies.ts';
export * from './po-pdf.ts';
export * from './schemas.ts';
export * from './tax-ids.ts';
export * from './tds.ts';
