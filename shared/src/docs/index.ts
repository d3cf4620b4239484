export * from './brief.ts';
export * from './checklist-templates.ts';
export * from './collection.ts';
export * from './dayof.ts';
export * from './names.ts';
export * from './ordering.ts';
export * from './run-of-show.ts';
export * from './tasks.ts';
