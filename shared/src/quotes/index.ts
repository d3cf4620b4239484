export * from './amount-in-words.ts';
export * from './company.ts';
export * from './fx.ts';
export * from './gst.ts';
export * from './quote-diff.ts';
export * from './quote-pdf.ts';
export * from './quote-totals.ts';
export * from './tax-classes.ts';
