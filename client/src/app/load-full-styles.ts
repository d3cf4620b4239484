let loading: Promise<unknown> | undefined;

/** Loads full-styles.ts once; lazy pages and the shell share the one request. */
export function loadFullStyles(): Promise<unknown> {
  loading ??= import('./full-styles.ts');
  return loading;
}
