export * from './assignment.ts';
export * from './dates.ts';
export * from './dedupe.ts';
export * from './follow-ups.ts';
export * from './import-mapping.ts';
export * from './money-text.ts';
export * from './phone.ts';
export * from './stages.ts';
