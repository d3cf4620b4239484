export * from './ids.ts';
export * from './lifecycle.ts';
export * from './money.ts';
export * from './permissions.ts';
export * from './schemas/auth.ts';
export * from './schemas/common.ts';
export * from './schemas/records.ts';
export * from './schemas/users.ts';
