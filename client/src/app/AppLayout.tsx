import { AppShell, Burger, Divider, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { SearchLauncher } from '../features/search/SearchLauncher.tsx';
import { HOUSE_NAME } from './brand.ts';
import { FullPageLoader } from './FullPageLoader.tsx';
import { MainNav } from './MainNav.tsx';
import { UserMenu } from './UserMenu.tsx';
import { Wordmark } from './Wordmark.tsx';

// The bell fetches with zod-typed calls; loading it after the shell keeps zod out of the entry chunk.
const NotificationBell = lazy(() =>
  import('../features/notifications/NotificationBell.tsx').then((m) => ({ default: m.NotificationBell })),
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
            <SearchLauncher />
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppShell.Section grow component={ScrollArea}>
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
