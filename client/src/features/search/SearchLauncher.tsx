import { Button, Kbd, Tooltip, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';

// The palette (and zod with it) loads on first use, keeping the shell small.
const SearchPalette = lazy(() => import('./SearchPalette.tsx').then((m) => ({ default: m.SearchPalette })));

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The header's search box: click it or press Ctrl-K (⌘-K on a Mac) from anywhere. */
export function SearchLauncher() {
  const [opened, setOpened] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const open = () => {
    setLoaded(true);
    setOpened(true);
  };
  useHotkeys([['mod+k', open]], []);
  return (
    <>
      <Button
        variant="default"
        size="sm"
        radius="md"
        leftSection={<IconSearch size={16} />}
        rightSection={<Kbd size="xs">{isMac ? '⌘' : 'Ctrl'} K</Kbd>}
        onClick={open}
        visibleFrom="sm"
        c="dimmed"
        fw={400}
        aria-label="Search"
      >
        Search
      </Button>
      <Tooltip label="Search">
        <UnstyledButton hiddenFrom="sm" onClick={open} aria-label="Search" p={6}>
          <IconSearch size={20} />
        </UnstyledButton>
      </Tooltip>
      {loaded && (
        <Suspense fallback={null}>
          <SearchPalette opened={opened} onClose={() => setOpened(false)} />
        </Suspense>
      )}
    </>
  );
}
