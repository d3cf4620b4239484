export * from './docs.ts';
export * from './fields.ts';
export * from './scope.ts';
