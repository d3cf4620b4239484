// Must stay the first import: it configures zod before any schema module runs.
import './app/zod-config.ts';
import './app/shell-styles.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { refreshSession } from './api/session.ts';
import { loadFullStyles } from './app/load-full-styles.ts';
import { AppProviders } from './app/providers.tsx';
import { router } from './app/router.tsx';

// Restore the session from the refresh cookie before any page asks for data.
void refreshSession();

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);

// The rest of Mantine's CSS, off the critical path (pages also wait for it before they render).
void loadFullStyles();
