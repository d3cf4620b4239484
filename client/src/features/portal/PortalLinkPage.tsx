import { useParams } from 'react-router';
import { EventPortal } from './EventPortal.tsx';

/** /e/:token: the page a client opens from the link we send them; no sign-in. */
export function PortalLinkPage() {
  const { token = '' } = useParams();
  return <EventPortal token={token} />;
}
