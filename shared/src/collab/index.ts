export * from './internal.ts';
export * from './projections.ts';
