import { MantineProvider } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { loadFullStyles } from './load-full-styles.ts';
import { cssVariablesResolver, theme } from './theme.ts';

// Toasts only ever appear after a page has loaded; their component (and CSS) is not part of the shell.
// Pages call `notifications.show` on the same store module, so a toast raised early still shows.
const Notifications = lazy(() =>
  Promise.all([import('@mantine/notifications'), loadFullStyles()]).then(([m]) => ({ default: m.Notifications })),
);

/** The app-wide providers. The query client lives in query.tsx and arrives with the pages (withQueryClient). */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <Suspense fallback={null}>
        <Notifications position="top-right" />
      </Suspense>
      {children}
    </MantineProvider>
  );
}
