import { type LeadDetail, phoneDigits } from '@mandap/shared/leads';
import { Button, Group, Modal } from '@mantine/core';
import { IconBrandWhatsapp, IconPhone } from '@tabler/icons-react';
import { useState } from 'react';
import { type CommKind, LogCommunicationForm } from './LogCommunicationForm.tsx';

/** The templated first WhatsApp message: greeting, who we are, the event they asked about. */
export function whatsappTemplate(lead: LeadDetail, senderName: string): string {
  const first = lead.name.split(' ')[0];
  const what = lead.eventType ? lead.eventType.replaceAll('_', ' ') : 'event';
  return `Namaste ${first}, this is ${senderName} from Mandap Events. Thank you for your enquiry about your ${what}. When would be a good time to talk?`;
}

/** Click-to-call and click-to-WhatsApp; after the click, offers to log what happened. */
export function ContactActions({ lead, senderName }: { lead: LeadDetail; senderName: string }) {
  const [logKind, setLogKind] = useState<CommKind | null>(null);
  if (!lead.phone) return null;
  const message = whatsappTemplate(lead, senderName);
  const wa = `https://wa.me/${phoneDigits(lead.phone)}?text=${encodeURIComponent(message)}`;
  return (
    <>
      <Group gap="xs">
        <Button
          component="a"
          href={`tel:${lead.phone}`}
          leftSection={<IconPhone size={16} />}
          variant="light"
          onClick={() => setLogKind('call')}
        >
          Call
        </Button>
        <Button
          component="a"
          href={wa}
          target="_blank"
          rel="noopener noreferrer"
          leftSection={<IconBrandWhatsapp size={16} />}
          variant="light"
          color="green"
          onClick={() => setLogKind('whatsapp')}
        >
          WhatsApp
        </Button>
      </Group>
      <Modal
        opened={logKind !== null}
        onClose={() => setLogKind(null)}
        title={logKind === 'call' ? 'Log this call?' : 'Log this WhatsApp message?'}
        centered
      >
        {logKind && (
          <LogCommunicationForm
            leadId={lead.id}
            initialKind={logKind}
            {...(logKind === 'whatsapp' ? { initialMessage: message } : {})}
            onDone={() => setLogKind(null)}
          />
        )}
      </Modal>
    </>
  );
}
