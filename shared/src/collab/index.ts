export * from './internal.ts';
export * from './presence-color.ts';
export * from './projections.ts';
export * from './reauth.ts';
