import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_TYPES,
  CALL_OUTCOMES,
  type LogCommunication,
  WHATSAPP_STATUSES,
  ZLogCommunication,
} from '@mandap/shared/leads';
import {
  Alert,
  Button,
  Fieldset,
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
import { useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { humanize } from '../../lib/format.ts';
import { useOnline } from '../../lib/offlineQueue.ts';
import { fieldError, optionalText, requestForm, useField, useSubmit, useZodForm } from '../../ui/form.ts';
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

/** Every kind's fields, as typed; each kind sends its own (the request is one of ZLogCommunication's kinds). */
interface CommValues {
  kind: CommKind;
  outcome: (typeof CALL_OUTCOMES)[number];
  minutes: number | string;
  notes: string;
  decisions: string;
  status: (typeof WHATSAPP_STATUSES)[number];
  message: string;
  meetLink: string;
  attendees: string;
  clientReactions: string;
  subject: string;
  body: string;
}

const blankValues = (kind: CommKind, message = ''): CommValues => ({
  kind,
  outcome: 'connected',
  minutes: '',
  notes: '',
  decisions: '',
  status: 'sent',
  message,
  meetLink: '',
  attendees: '',
  clientReactions: '',
  subject: '',
  body: '',
});

/** The request for the chosen kind; blanks left out. */
function toRequest(v: CommValues): LogCommunication {
  const text = (value: string) => optionalText(value)?.trim();
  switch (v.kind) {
    case 'call':
      return {
        kind: v.kind,
        outcome: v.outcome,
        durationSeconds: typeof v.minutes === 'number' ? Math.round(v.minutes * 60) : undefined,
        notes: text(v.notes),
        decisions: text(v.decisions),
      };
    case 'whatsapp':
      return { kind: v.kind, status: v.status, message: v.message };
    case 'meeting':
      return {
        kind: v.kind,
        meetLink: text(v.meetLink),
        attendees: v.attendees
          .split(',')
          .map((a) => a.trim())
          .filter(Boolean),
        notes: text(v.notes),
        clientReactions: text(v.clientReactions),
        decisions: text(v.decisions),
      };
    case 'email':
      return { kind: v.kind, subject: v.subject, body: optionalText(v.body) };
    case 'note':
      return { kind: v.kind, body: v.body };
  }
}

const ZCommForm = requestForm(ZLogCommunication, toRequest);

const OFFLINE_FILES = 'Attachments need the network: attach files once you are back online.';

/** One form for every kind of contact; the timestamp is taken automatically. */
export function LogCommunicationForm({
  leadId,
  initialKind = 'call',
  initialMessage,
  onDone,
  submit: send,
  upload: sendFiles,
}: {
  leadId: string;
  initialKind?: CommKind;
  initialMessage?: string;
  onDone?: () => void;
  /** Sends (or queues) the checked contact; the offline queue unless a caller gives its own. */
  submit?: ReturnType<typeof useSubmitCommunication>;
  /** Uploads the files onto the logged communication; the attachments API unless a caller gives its own. */
  upload?: (v: { files: File[]; communicationId: string }) => Promise<unknown>;
}) {
  const queued = useSubmitCommunication(leadId);
  const submit = send ?? queued;
  const online = useOnline();
  const uploads = useUploadAttachments(leadId);
  const upload = sendFiles ?? uploads.mutateAsync;
  const [files, setFiles] = useState<File[]>([]);
  /** The communication already logged whose files did not upload: sending again only retries the files. */
  const [logged, setLogged] = useState<{ id: string; label: string } | null>(null);
  const form = useZodForm(ZCommForm, blankValues(initialKind, initialMessage));
  const { errors } = form.formState;
  const kindField = useField(form, 'kind');
  const kind = kindField.value;
  const outcome = useField(form, 'outcome');
  const minutes = useField(form, 'minutes');
  const status = useField(form, 'status');
  const text = (
    name: 'notes' | 'decisions' | 'message' | 'meetLink' | 'attendees' | 'clientReactions' | 'subject' | 'body',
  ) => ({
    ...form.register(name),
    error: fieldError(errors[name]?.message),
  });

  const finish = (next: CommKind) => {
    form.reset(blankValues(next));
    setFiles([]);
    setLogged(null);
    onDone?.();
  };

  const { onSubmit, error, setError, submitting } = useSubmit(form, async (body) => {
    const tooBig = files.find((file) => file.size > ATTACHMENT_MAX_BYTES);
    if (tooBig)
      throw new Error(`${tooBig.name} is larger than ${ATTACHMENT_MAX_BYTES / 1048576} MB; attach a smaller file.`);
    if (files.length && !online)
      throw new Error(
        "You're offline and attachments need the network: remove the files to queue this now, or save once you're back online.",
      );
    const label = logged?.label ?? KINDS.find((k) => k.value === body.kind)?.label ?? 'Contact';
    let communicationId = logged?.id;
    if (!communicationId) {
      const result = await submit({ ...body, occurredAt: new Date().toISOString() });
      if (result === 'queued') {
        notifications.show({
          color: 'yellow',
          title: 'Queued on this device, will send when online',
          message: files.length ? `${label} saved without the files: ${OFFLINE_FILES}` : `${label} is on the timeline.`,
        });
        return finish(body.kind);
      }
      communicationId = result.communication.id;
    }
    if (files.length) {
      try {
        await upload({ files, communicationId });
      } catch (err) {
        // The contact is on the timeline: it is never sent again, only its files.
        setLogged({ id: communicationId, label });
        throw new Error(
          `${label} logged, but the files were not attached: ${errorMessage(err).replace(/\.?$/, '.')} Attach them again, or skip the files.`,
        );
      }
    }
    notifications.show({
      color: 'teal',
      message: `${label} logged${files.length ? ` with ${files.length} ${files.length === 1 ? 'file' : 'files'}` : ''}.`,
    });
    finish(body.kind);
  });

  const skipFiles = () => {
    notifications.show({ color: 'teal', message: `${logged?.label ?? 'Contact'} logged without the files.` });
    setError(null);
    finish(kind);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Log a communication">
      <Stack gap="sm">
        {/* What is already logged stays as it was sent: only the files are left. */}
        <Fieldset variant="unstyled" disabled={!!logged} p={0} m={0}>
          <Stack gap="sm">
            <SegmentedControl
              fullWidth
              size="xs"
              value={kind}
              onChange={(k) => kindField.onChange(k as CommKind)}
              data={KINDS}
            />
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
                    {...outcome}
                    onChange={(o) => o && outcome.onChange(o as CommValues['outcome'])}
                    data={CALL_OUTCOMES.map((o) => ({ value: o, label: humanize(o) }))}
                    allowDeselect={false}
                  />
                  <NumberInput label="Minutes" min={0} max={600} {...minutes} />
                </Group>
                <Textarea label="Notes" autosize minRows={2} {...text('notes')} />
                <TextInput label="Decisions made" {...text('decisions')} />
              </>
            )}
            {kind === 'whatsapp' && (
              <>
                <Select
                  label="Status"
                  {...status}
                  onChange={(o) => o && status.onChange(o as CommValues['status'])}
                  data={WHATSAPP_STATUSES.map((o) => ({ value: o, label: humanize(o) }))}
                  allowDeselect={false}
                />
                <Textarea label="Message" autosize minRows={2} required {...text('message')} />
              </>
            )}
            {kind === 'meeting' && (
              <>
                <TextInput label="Google Meet link" placeholder="https://meet.google.com/…" {...text('meetLink')} />
                <TextInput label="Attendees" description="Separate names with commas" {...text('attendees')} />
                <Textarea label="Notes" autosize minRows={2} {...text('notes')} />
                <TextInput label="Client reactions" {...text('clientReactions')} />
                <TextInput label="Decisions made" {...text('decisions')} />
              </>
            )}
            {kind === 'email' && (
              <>
                <TextInput label="Subject" required {...text('subject')} />
                <Textarea label="Body" autosize minRows={2} {...text('body')} />
              </>
            )}
            {kind === 'note' && <Textarea label="Note" autosize minRows={3} required {...text('body')} />}
          </Stack>
        </Fieldset>
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
          {logged && (
            <Button variant="default" onClick={skipFiles} disabled={submitting}>
              Skip the files
            </Button>
          )}
          <Button type="submit" loading={submitting}>
            {logged ? 'Attach the files' : 'Save to timeline'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
