import {
  type AcceptQuote,
  type DeclineQuote,
  type RequestChanges,
  ZAcceptQuote,
  ZDeclineQuote,
  ZRequestChanges,
} from '@mandap/shared/quotes';
import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { FormError } from '../../ui/FormError.tsx';
import { asCheckbox, fieldError, optionalText, requestForm, useField, useSubmit, useZodForm } from '../../ui/form.ts';

/** What the client can answer on a shared quote; each sends the checked request. */
export interface QuoteAnswers {
  accept: (answer: AcceptQuote) => Promise<unknown>;
  decline: (answer: DeclineQuote) => Promise<unknown>;
  requestChanges: (answer: RequestChanges) => Promise<unknown>;
}

type Mode = 'accept' | 'changes' | 'decline';

/** Acceptance is the shared rule: a full name typed and the terms ticked (a box not ticked is refused, not sent). */
const ZAcceptForm = requestForm(ZAcceptQuote, (v: { name: string; acceptTerms: boolean }) => ({
  name: v.name,
  acceptTerms: v.acceptTerms as true,
}));
function AcceptForm({ label, name, send, onSwitch }: FormProps<AcceptQuote>) {
  const form = useZodForm(ZAcceptForm, { name, acceptTerms: false });
  const terms = useField(form, 'acceptTerms');
  const switchTo = (mode: Mode) => onSwitch(mode, form.getValues('name'));
  const { onSubmit, error, submitting } = useSubmit(form, send);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Accept this quotation">
      <Stack gap="sm">
        <Text fw={700}>Accept this quotation</Text>
        <TextInput
          label="Your full name"
          autoComplete="name"
          {...form.register('name')}
          error={fieldError(form.formState.errors.name?.message)}
        />
        <Checkbox label="I have read and accept the terms of this quotation" {...asCheckbox(terms)} />
        <FormError message={error} />
        <Button type="submit" size="md" loading={submitting}>
          Accept {label}
        </Button>
        <Group grow gap="xs">
          <Button variant="subtle" onClick={() => switchTo('changes')}>
            Request changes
          </Button>
          <Button variant="subtle" color="red" onClick={() => switchTo('decline')}>
            Decline
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What the decline and change-request forms hold: the name, and the one note each sends. */
interface NoteValues {
  name: string;
  reason: string;
  message: string;
}

/** An answer that is a name and a note in the client's words: declining, or asking for changes. */
interface NoteAnswer<R extends FieldValues> {
  title: string;
  /** The note's field, as the request names it. */
  field: 'reason' | 'message';
  note: { label: string; description?: string; minRows: number };
  button: (label: string) => { text: string; color?: string };
  schema: z.ZodType<R, NoteValues>;
}

const DECLINE: NoteAnswer<DeclineQuote> = {
  title: 'Decline this quotation',
  field: 'reason',
  note: { label: 'Reason (optional)', description: 'It helps us send a better quote next time.', minRows: 2 },
  button: (label) => ({ text: `Decline ${label}`, color: 'red' }),
  schema: requestForm(ZDeclineQuote, (v: NoteValues) => ({ name: v.name, reason: optionalText(v.reason) ?? null })),
};

const CHANGES: NoteAnswer<RequestChanges> = {
  title: 'Request changes',
  field: 'message',
  note: { label: 'What would you like changed?', minRows: 3 },
  button: () => ({ text: 'Send to the team' }),
  schema: requestForm(ZRequestChanges, (v: NoteValues) => ({ name: v.name, message: v.message })),
};

function NoteForm<R extends FieldValues>({
  answer,
  label,
  name,
  send,
  onSwitch,
}: FormProps<R> & { answer: NoteAnswer<R> }) {
  const form = useZodForm(answer.schema, { name, reason: '', message: '' });
  const { errors } = form.formState;
  const switchTo = (mode: Mode) => onSwitch(mode, form.getValues('name'));
  const { onSubmit, error, submitting } = useSubmit(form, send);
  const button = answer.button(label);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={answer.title}>
      <Stack gap="sm">
        <Text fw={700}>{answer.title}</Text>
        <TextInput
          label="Your name"
          autoComplete="name"
          {...form.register('name')}
          error={fieldError(errors.name?.message)}
        />
        <Textarea
          label={answer.note.label}
          description={answer.note.description}
          autosize
          minRows={answer.note.minRows}
          {...form.register(answer.field)}
          error={fieldError(errors[answer.field]?.message)}
        />
        <FormError message={error} />
        <Button type="submit" color={button.color} loading={submitting}>
          {button.text}
        </Button>
        <Button variant="subtle" onClick={() => switchTo('accept')}>
          Back to accepting
        </Button>
      </Stack>
    </form>
  );
}

interface FormProps<T extends FieldValues> {
  /** The quote as the buttons name it: `QT-2026-0007 v2`. */
  label: string;
  /** The name typed in the form the client came from (switching forms keeps it). */
  name: string;
  send: (answer: T) => Promise<unknown>;
  onSwitch: (mode: Mode, name: string) => void;
}

/**
 * The client's answer on the public quote page: accept (full name and the terms ticked), decline
 * (a name, a reason if they like) or ask for changes; each form checks the shared request schema.
 * An accepted or declined quote reloads the page, which then shows its outcome.
 */
export function RespondToQuote({ label, answers }: { label: string; answers: QuoteAnswers }) {
  const [mode, setMode] = useState<Mode>('accept');
  const [name, setName] = useState('');
  const [changesSent, setChangesSent] = useState(false);
  const onSwitch = (next: Mode, typed: string) => {
    setName(typed);
    setMode(next);
  };
  if (changesSent) return <Alert color="blue">Thank you: we have your note and will send a revised quote.</Alert>;
  return (
    <Paper withBorder p="md" radius="md">
      {mode === 'accept' ? (
        <AcceptForm label={label} name={name} send={answers.accept} onSwitch={onSwitch} />
      ) : mode === 'decline' ? (
        <NoteForm key="decline" answer={DECLINE} label={label} name={name} send={answers.decline} onSwitch={onSwitch} />
      ) : (
        <NoteForm
          key="changes"
          answer={CHANGES}
          label={label}
          name={name}
          send={async (answer) => {
            await answers.requestChanges(answer);
            setChangesSent(true);
          }}
          onSwitch={onSwitch}
        />
      )}
    </Paper>
  );
}
