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
const ZDeclineForm = requestForm(ZDeclineQuote, (v: { name: string; reason: string }) => ({
  name: v.name,
  reason: optionalText(v.reason) ?? null,
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

function DeclineForm({ label, name, send, onSwitch }: FormProps<DeclineQuote>) {
  const form = useZodForm(ZDeclineForm, { name, reason: '' });
  const { errors } = form.formState;
  const switchTo = (mode: Mode) => onSwitch(mode, form.getValues('name'));
  const { onSubmit, error, submitting } = useSubmit(form, send);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Decline this quotation">
      <Stack gap="sm">
        <Text fw={700}>Decline this quotation</Text>
        <TextInput
          label="Your name"
          autoComplete="name"
          {...form.register('name')}
          error={fieldError(errors.name?.message)}
        />
        <Textarea
          label="Reason (optional)"
          description="It helps us send a better quote next time."
          autosize
          minRows={2}
          {...form.register('reason')}
          error={fieldError(errors.reason?.message)}
        />
        <FormError message={error} />
        <Button type="submit" color="red" loading={submitting}>
          Decline {label}
        </Button>
        <Button variant="subtle" onClick={() => switchTo('accept')}>
          Back to accepting
        </Button>
      </Stack>
    </form>
  );
}

function ChangesForm({ name, send, onSwitch }: FormProps<RequestChanges>) {
  const form = useZodForm(ZRequestChanges, { name, message: '' });
  const { errors } = form.formState;
  const switchTo = (mode: Mode) => onSwitch(mode, form.getValues('name'));
  const { onSubmit, error, submitting } = useSubmit(form, send);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Request changes">
      <Stack gap="sm">
        <Text fw={700}>Request changes</Text>
        <TextInput
          label="Your name"
          autoComplete="name"
          {...form.register('name')}
          error={fieldError(errors.name?.message)}
        />
        <Textarea
          label="What would you like changed?"
          autosize
          minRows={3}
          {...form.register('message')}
          error={fieldError(errors.message?.message)}
        />
        <FormError message={error} />
        <Button type="submit" loading={submitting}>
          Send to the team
        </Button>
        <Button variant="subtle" onClick={() => switchTo('accept')}>
          Back to accepting
        </Button>
      </Stack>
    </form>
  );
}

interface FormProps<T> {
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
        <DeclineForm label={label} name={name} send={answers.decline} onSwitch={onSwitch} />
      ) : (
        <ChangesForm
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
