export * from './moments.ts';
export * from './rules.ts';
export * from './schemas.ts';
export * from './templates.ts';
export * from './views.ts';
