import { navFor } from '@mandap/shared/access';
import { NavLink, Stack } from '@mantine/core';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useMe } from '../features/auth/useSession.ts';
import { NAV_ICONS } from './navIcons.tsx';

/** Whether `pathname` belongs to nav area `path`; "/settings" must not light up for "/settings/users". */
function isActive(path: string, pathname: string, allPaths: readonly string[]): boolean {
  if (path === '/') return pathname === '/';
  if (!(pathname === path || pathname.startsWith(`${path}/`))) return false;
  return !allPaths.some((p) => p !== path && p.startsWith(`${path}/`) && pathname.startsWith(p));
}

export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const me = useMe();
  const { pathname } = useLocation();
  const areas = navFor(me.role);
  const paths = areas.map((a) => a.path);
  return (
    <Stack component="nav" aria-label="Main" gap={4}>
      {areas.map((area) => {
        const Icon = NAV_ICONS[area.key];
        return (
          <NavLink
            key={area.key}
            component={RouterNavLink}
            to={area.path}
            end={area.path === '/'}
            label={area.label}
            leftSection={<Icon size={20} stroke={1.6} />}
            active={isActive(area.path, pathname, paths)}
            onClick={onNavigate}
            variant="light"
            styles={{ root: { borderRadius: 'var(--mantine-radius-md)' }, label: { fontWeight: 500 } }}
          />
        );
      })}
    </Stack>
  );
}
