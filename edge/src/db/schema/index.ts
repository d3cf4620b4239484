export * from './auth.ts';
export * from './collab-projections.ts';
export * from './leads.ts';
export * from './log.ts';
export * from './money.ts';
export * from './quotes-engine.ts';
export * from './records.ts';
export * from './vendors.ts';
