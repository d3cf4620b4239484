import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RequireAuth } from '../features/auth/RequireAuth.tsx';
import { RequirePermission } from '../features/auth/RequirePermission.tsx';
import { AppLayout } from './AppLayout.tsx';
import { FullPageLoader } from './FullPageLoader.tsx';
import { loadFullStyles } from './load-full-styles.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { RouteError } from './RouteError.tsx';

/** Every page is its own chunk; the shell holds only the layout, auth and the API client. */
function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType): RouteObject['lazy'] {
  // The page waits for the rest of Mantine's CSS too (the shell carries only its own), so it never paints unstyled,
  // and for the query client (not in the shell either), which it renders inside.
  return async () => {
    const [m, , q] = await Promise.all([load(), loadFullStyles(), import('./query.tsx')]);
    return { Component: q.withQueryClient(pick(m)) };
  };
}

const comingSoon = (area: 'vendors' | 'finance' | 'inbox' | 'reports' | 'settings'): RouteObject['lazy'] =>
  page(
    () => import('../features/placeholder/ComingSoonPage.tsx'),
    (m) => {
      const Page = m.ComingSoonPage;
      return () => <Page area={area} />;
    },
  );

export const routes: RouteObject[] = [
  {
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageLoader />,
    children: [
      {
        path: '/login',
        lazy: page(
          () => import('../features/auth/LoginPage.tsx'),
          (m) => m.LoginPage,
        ),
      },
      {
        path: '/reset-password',
        lazy: page(
          () => import('../features/auth/SetPasswordPage.tsx'),
          (m) => m.ResetPasswordPage,
        ),
      },
      {
        path: '/accept-invite',
        lazy: page(
          () => import('../features/auth/SetPasswordPage.tsx'),
          (m) => m.AcceptInvitePage,
        ),
      },
      {
        path: '/b/:token',
        lazy: page(
          () => import('../features/workspace/share/PublicBriefPage.tsx'),
          (m) => m.PublicBriefPage,
        ),
      },
      {
        path: '/q/:token',
        lazy: page(
          () => import('../features/quotes/PublicQuotePage.tsx'),
          (m) => m.PublicQuotePage,
        ),
      },
      {
        path: '/po/:token',
        lazy: page(
          () => import('../features/vendors/PublicPoPage.tsx'),
          (m) => m.PublicPoPage,
        ),
      },
      {
        path: '/m/:token',
        lazy: page(
          () => import('../features/portal/SignInLinkPage.tsx'),
          (m) => m.SignInLinkPage,
        ),
      },
      {
        path: '/e/:token',
        lazy: page(
          () => import('../features/portal/PortalLinkPage.tsx'),
          (m) => m.PortalLinkPage,
        ),
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              {
                element: <RequirePermission permission="events:read" />,
                children: [
                  {
                    index: true,
                    lazy: page(
                      () => import('../features/dashboard/DashboardPage.tsx'),
                      (m) => m.DashboardPage,
                    ),
                  },
                  {
                    path: 'events',
                    lazy: page(
                      () => import('../features/events/EventsPage.tsx'),
                      (m) => m.EventsPage,
                    ),
                  },
                  {
                    path: 'events/:eventId/workspace',
                    lazy: page(
                      () => import('../features/workspace/WorkspacePage.tsx'),
                      (m) => m.WorkspacePage,
                    ),
                  },
                  {
                    path: 'events/:eventId/client-page',
                    lazy: page(
                      () => import('../features/portal/ClientPageAdmin.tsx'),
                      (m) => m.ClientPageAdmin,
                    ),
                  },
                  {
                    path: 'portal/events/:eventId',
                    lazy: page(
                      () => import('../features/portal/MyEventPage.tsx'),
                      (m) => m.MyEventPage,
                    ),
                  },
                  {
                    path: 'calendar',
                    lazy: page(
                      () => import('../features/calendar/CalendarPage.tsx'),
                      (m) => m.CalendarPage,
                    ),
                  },
                ],
              },
              {
                element: <RequirePermission permission="quotes:read" staffOnly />,
                children: [
                  {
                    path: 'quotes',
                    lazy: page(
                      () => import('../features/quotes/QuotesPage.tsx'),
                      (m) => m.QuotesPage,
                    ),
                  },
                  {
                    path: 'quotes/catalogue',
                    lazy: page(
                      () => import('../features/quotes/CataloguePage.tsx'),
                      (m) => m.CataloguePage,
                    ),
                  },
                  {
                    path: 'quotes/:id',
                    lazy: page(
                      () => import('../features/quotes/QuotePage.tsx'),
                      (m) => m.QuotePage,
                    ),
                  },
                ],
              },
              {
                element: <RequirePermission permission="leads:read" staffOnly />,
                children: [
                  {
                    path: 'leads',
                    lazy: page(
                      () => import('../features/leads/LeadsPage.tsx'),
                      (m) => m.LeadsPage,
                    ),
                  },
                  {
                    path: 'follow-ups',
                    lazy: page(
                      () => import('../features/leads/FollowUpsPage.tsx'),
                      (m) => m.FollowUpsPage,
                    ),
                  },
                  {
                    path: 'leads/:leadId/brief',
                    lazy: page(
                      () => import('../features/workspace/LeadBriefPage.tsx'),
                      (m) => m.LeadBriefPage,
                    ),
                  },
                  {
                    path: 'leads/import',
                    lazy: page(
                      () => import('../features/leads/import/ImportLeadsPage.tsx'),
                      (m) => m.ImportLeadsPage,
                    ),
                  },
                ],
              },
              {
                element: <RequirePermission permission="tasks:read" />,
                children: [
                  {
                    path: 'my-tasks',
                    lazy: page(
                      () => import('../features/workspace/MyTasksPage.tsx'),
                      (m) => m.MyTasksPage,
                    ),
                  },
                ],
              },
              {
                element: <RequirePermission permission="users:manage" staffOnly />,
                children: [
                  {
                    path: 'settings/users',
                    lazy: page(
                      () => import('../features/users/UsersPage.tsx'),
                      (m) => m.UsersPage,
                    ),
                  },
                ],
              },
              {
                element: <RequirePermission permission="vendors:read" staffOnly />,
                children: [
                  {
                    path: 'vendors',
                    lazy: page(
                      () => import('../features/vendors/VendorsPage.tsx'),
                      (m) => m.VendorsPage,
                    ),
                  },
                  {
                    path: 'vendors/events/:id',
                    lazy: page(
                      () => import('../features/vendors/EventVendorsPage.tsx'),
                      (m) => m.EventVendorsPage,
                    ),
                  },
                ],
              },
              {
                element: <RequirePermission permission="vendors:portal" />,
                children: [
                  {
                    path: 'my-work',
                    lazy: page(
                      () => import('../features/vendors/MyWorkPage.tsx'),
                      (m) => m.MyWorkPage,
                    ),
                  },
                ],
              },
              {
                element: <RequirePermission permission="payments:record" staffOnly />,
                children: [
                  {
                    path: 'finance',
                    lazy: page(
                      () => import('../features/finance/FinancePage.tsx'),
                      (m) => m.FinancePage,
                    ),
                  },
                  {
                    path: 'finance/money-desk',
                    lazy: page(
                      () => import('../features/finance/MoneyDeskPage.tsx'),
                      (m) => m.MoneyDeskPage,
                    ),
                  },
                  {
                    path: 'finance/events/:id',
                    lazy: page(
                      () => import('../features/finance/EventFinancePage.tsx'),
                      (m) => m.EventFinancePage,
                    ),
                  },
                ],
              },
              {
                element: <RequirePermission permission="inbox:read" staffOnly />,
                children: [
                  {
                    path: 'inbox',
                    lazy: page(
                      () => import('../features/inbox/InboxPage.tsx'),
                      (m) => m.InboxPage,
                    ),
                  },
                ],
              },
              {
                element: <RequirePermission permission="reports:read" staffOnly />,
                children: [{ path: 'reports', lazy: comingSoon('reports') }],
              },
              {
                element: <RequirePermission permission="settings:manage" staffOnly />,
                children: [
                  {
                    path: 'settings',
                    lazy: page(
                      () => import('../features/settings/SettingsPage.tsx'),
                      (m) => m.SettingsPage,
                    ),
                  },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
