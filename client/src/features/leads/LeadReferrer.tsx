import type { LeadDetail } from '@mandap/shared/leads';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../api/errors.ts';
import { useUpdateLead } from './leads.api.ts';
import { ReferrerSelect } from './SourcePickers.tsx';

/** On a referral lead's card: the client who referred them; picking another (or clearing) saves at once. */
export function LeadReferrer({ lead, canWrite }: { lead: LeadDetail; canWrite: boolean }) {
  const update = useUpdateLead(lead.id);
  return (
    <ReferrerSelect
      w={320}
      maw="100%"
      value={lead.referredByClientId}
      currentLabel={lead.referredByClientName}
      disabled={!canWrite || update.isPending}
      placeholder={canWrite ? 'Search clients by name or phone' : 'Not recorded'}
      onChange={(id) => {
        if (id === lead.referredByClientId) return;
        update.mutate(
          { referredByClientId: id },
          {
            onSuccess: (r) =>
              notifications.show({
                color: 'teal',
                message: r.lead.referredByClientName
                  ? `Referred by ${r.lead.referredByClientName}.`
                  : 'Referrer cleared.',
              }),
            onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
          },
        );
      }}
    />
  );
}
