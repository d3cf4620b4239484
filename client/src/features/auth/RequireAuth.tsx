import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageLoader } from '../../app/FullPageLoader.tsx';
import { useSession } from './useSession.ts';

/** Renders child routes for a signed-in user; otherwise sends them to /login and back afterwards. */
export function RequireAuth() {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <FullPageLoader label="Restoring your session…" />;
  if (status === 'anonymous') {
    const next = location.pathname + location.search;
    const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return <Outlet />;
}
