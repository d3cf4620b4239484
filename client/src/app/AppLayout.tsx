import { AppShell, Avatar, Burger, Divider, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { HOUSE_NAME } from './brand.ts';
import { FullPageLoader } from './FullPageLoader.tsx';
import { loadFullStyles } from './load-full-styles.ts';
import { MainNav } from './MainNav.tsx';
import { Wordmark } from './Wordmark.tsx';

// The bell fetches with zod-typed calls; loading it after the shell keeps zod out of the entry chunk.
const NotificationBell = lazy(() =>
  Promise.all([import('../features/notifications/NotificationBell.tsx'), loadFullStyles(), import('./query.tsx')]).then(
    ([m, , q]) => ({ default: q.withQueryClient(m.NotificationBell) }),
  ),
);
// The search box and the account menu pull in Mantine's floating layer (Tooltip, Menu, Popover); they
// follow the first paint, with the rest of Mantine's CSS.
const SearchLauncher = lazy(() =>
  Promise.all([import('../features/search/SearchLauncher.tsx'), loadFullStyles(), import('./query.tsx')]).then(
    ([m, , q]) => ({ default: q.withQueryClient(m.SearchLauncher) }),
  ),
);
const UserMenu = lazy(() =>
  Promise.all([import('./UserMenu.tsx'), loadFullStyles()]).then(([m]) => ({ default: m.UserMenu })),
);

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
            />
            <Link to="/" style={{ textDecoration: 'none' }} aria-label="Mandap home">
              <Wordmark />
            </Link>
            <Divider orientation="vertical" visibleFrom="sm" my={14} />
            <Text size="sm" c="dimmed" visibleFrom="sm" truncate>
              {HOUSE_NAME}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Suspense fallback={null}>
              <SearchLauncher />
            </Suspense>
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
            <Suspense fallback={<Avatar color="maroon" radius="xl" size={34} aria-hidden />}>
              <UserMenu />
            </Suspense>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        {/* Native scrolling: Mantine's ScrollArea brings floating-ui (≈20 kB gzip) into the shell. */}
        <AppShell.Section grow style={{ overflowY: 'auto' }}>
          <MainNav onNavigate={close} />
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" py="xs">
            {HOUSE_NAME}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main bg="var(--mantine-color-gray-0)">
        <Suspense fallback={<FullPageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
