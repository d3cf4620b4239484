import { integer, text } from 'drizzle-orm/sqlite-core';

/** Shared column builders: ids are UUIDv7 text, times ISO-8601 UTC text, money integer minor units. */
export const id = () => text('id').primaryKey();
export const createdAt = () => text('created_at').notNull();
export const updatedAt = () => text('updated_at').notNull();
export const money = (name: string) => integer(name);
export const currency = (name = 'currency') => text(name).notNull().default('INR');
export const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();
