import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  CALL_OUTCOMES,
  type LogCommunication,
  WHATSAPP_STATUSES,
} from '@mandap/shared';
import {
  Alert,
  Button,
  FileInput,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCloudOff, IconPaperclip } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { humanize } from '../../lib/format.ts';
import { useOnline } from '../../lib/offlineQueue.ts';
import { useUploadAttachments } from './attachments.api.ts';
import { useSubmitCommunication } from './communicationQueue.ts';

export type CommKind = LogCommunication['kind'];

const KINDS: { value: CommKind; label: string }[] = [
  { value: 'call', label: 'Call' },
  { value: 'whatsapp', label: 'WhatsApp' },
  { value: 'meeting', label: 'Meeting' },
  { value: 'email', label: 'Email' },
  { value: 'note', label: 'Note' },
];

function buildBody(kind: CommKind, f: Record<string, string>, minutes: number | string): LogCommunication {
  const opt = (k: string) => (f[k]?.trim() ? { [k]: f[k]!.trim() } : {});
  switch (kind) {
    case 'call':
      return {
        kind,
        outcome: (f.outcome || 'connected') as LogCommunication & { kind: 'call' } extends { outcome: infer O }
          ? O
          : never,
        ...(typeof minutes === 'number' ? { durationSeconds: Math.round(minutes * 60) } : {}),
        ...opt('notes'),
        ...opt('decisions'),
      };
    case 'whatsapp':
      return { kind, status: (f.status || 'sent') as (typeof WHATSAPP_STATUSES)[number], message: f.message ?? '' };
    case 'meeting':
      return {
        kind,
        ...opt('meetLink'),
        attendees: (f.attendees ?? '')
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
        ...opt('notes'),
        ...opt('clientReactions'),
        ...opt('decisions'),
      };
    case 'email':
      return { kind, subject: f.subject ?? '', ...(f.body?.trim() ? { body: f.body } : {}) };
    case 'note':
      return { kind, body: f.body ?? '' };
  }
}

const OFFLINE_FILES = 'Attachments need the network: attach files once you are back online.';

/** One form for every kind of contact; the timestamp is taken automatically. */
export function LogCommunicationForm({
  leadId,
  initialKind = 'call',
  initialMessage,
  onDone,
}: {
  leadId: string;
  initialKind?: CommKind;
  initialMessage?: string;
  onDone?: () => void;
}) {
  const submit = useSubmitCommunication(leadId);
  const online = useOnline();
  const [saving, setSaving] = useState(false);
  const upload = useUploadAttachments(leadId);
  const [files, setFiles] = useState<File[]>([]);
  const [kind, setKind] = useState<CommKind>(initialKind);
  const [f, setF] = useState<Record<string, string>>(initialMessage ? { message: initialMessage } : {});
  const [minutes, setMinutes] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);
  const field = (k: string) => ({
    value: f[k] ?? '',
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setF((o) => ({ ...o, [k]: value }));
    },
  });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const tooBig = files.find((file) => file.size > ATTACHMENT_MAX_BYTES);
    if (tooBig) {
      setError(`${tooBig.name} is larger than ${ATTACHMENT_MAX_BYTES / 1048576} MB; attach a smaller file.`);
      return;
    }
    if (files.length && !online) {
      setError(
        "You're offline and attachments need the network: remove the files to queue this now, or save once you're back online.",
      );
      return;
    }
    let logged = false;
    setSaving(true);
    try {
      const result = await submit({ ...buildBody(kind, f, minutes), occurredAt: new Date().toISOString() });
      logged = true;
      const label = KINDS.find((k) => k.value === kind)?.label;
      if (result === 'queued') {
        notifications.show({
          color: 'yellow',
          title: 'Queued on this device, will send when online',
          message: files.length ? `${label} saved without the files: ${OFFLINE_FILES}` : `${label} is on the timeline.`,
        });
      } else {
        if (files.length) await upload.mutateAsync({ files, communicationId: result.communication.id });
        notifications.show({
          color: 'teal',
          message: `${label} logged${files.length ? ` with ${files.length} ${files.length === 1 ? 'file' : 'files'}` : ''}.`,
        });
      }
      setF({});
      setMinutes('');
      setFiles([]);
      onDone?.();
    } catch (err) {
      setError(logged ? `Logged, but the files were not attached: ${errorMessage(err)}` : errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Log a communication">
      <Stack gap="sm">
        <SegmentedControl fullWidth size="xs" value={kind} onChange={(k) => setKind(k as CommKind)} data={KINDS} />
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        {kind === 'call' && (
          <>
            <Group grow>
              <Select
                label="Outcome"
                value={f.outcome ?? 'connected'}
                onChange={(o) => setF((old) => ({ ...old, outcome: o ?? 'connected' }))}
                data={CALL_OUTCOMES.map((o) => ({ value: o, label: humanize(o) }))}
                allowDeselect={false}
              />
              <NumberInput label="Minutes" min={0} max={600} value={minutes} onChange={setMinutes} />
            </Group>
            <Textarea label="Notes" autosize minRows={2} {...field('notes')} />
            <TextInput label="Decisions made" {...field('decisions')} />
          </>
        )}
        {kind === 'whatsapp' && (
          <>
            <Select
              label="Status"
              value={f.status ?? 'sent'}
              onChange={(o) => setF((old) => ({ ...old, status: o ?? 'sent' }))}
              data={WHATSAPP_STATUSES.map((o) => ({ value: o, label: humanize(o) }))}
              allowDeselect={false}
            />
            <Textarea label="Message" autosize minRows={2} required {...field('message')} />
          </>
        )}
        {kind === 'meeting' && (
          <>
            <TextInput label="Google Meet link" placeholder="https://meet.google.com/…" {...field('meetLink')} />
            <TextInput label="Attendees" description="Separate names with commas" {...field('attendees')} />
            <Textarea label="Notes" autosize minRows={2} {...field('notes')} />
            <TextInput label="Client reactions" {...field('clientReactions')} />
            <TextInput label="Decisions made" {...field('decisions')} />
          </>
        )}
        {kind === 'email' && (
          <>
            <TextInput label="Subject" required {...field('subject')} />
            <Textarea label="Body" autosize minRows={2} {...field('body')} />
          </>
        )}
        {kind === 'note' && <Textarea label="Note" autosize minRows={3} required {...field('body')} />}
        {!online && (
          <Alert color="yellow" variant="light" icon={<IconCloudOff size={18} />} title="You're offline">
            This will be queued on this device and sent when you're back online. {OFFLINE_FILES}
          </Alert>
        )}
        <FileInput
          label="Attach files"
          description={`PDF, photos, text or Office files, up to ${ATTACHMENT_MAX_BYTES / 1048576} MB each`}
          placeholder="Choose files"
          multiple
          clearable
          accept={Object.keys(ATTACHMENT_TYPES).join(',')}
          leftSection={<IconPaperclip size={16} />}
          value={files}
          onChange={setFiles}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={saving || upload.isPending}>
            Save to timeline
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
