import { ZPasswordResetRequest } from '@mandap/shared/auth';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { FormError } from '../../ui/FormError.tsx';
import { fieldError, requestForm, useSubmit, useZodForm } from '../../ui/form.ts';

/** Both link requests (a password reset, a client's sign-in link) take one email, checked as the server does. */
const ZEmailLinkForm = requestForm(ZPasswordResetRequest, (v: { email: string }) => v, { email: 'enter your email' });

/**
 * Asks for a link by email: a password reset, or a client's one-time sign-in link. The answer
 * is the same whether or not the address has an account, so nobody can probe for one.
 */
export function EmailLinkForm({
  initialEmail,
  send,
  submitLabel,
  sentText,
  onBack,
}: {
  initialEmail: string;
  send: (email: string) => Promise<unknown>;
  submitLabel: string;
  sentText: string;
  onBack: () => void;
}) {
  const form = useZodForm(ZEmailLinkForm, { email: initialEmail });
  const [sent, setSent] = useState(false);
  const { onSubmit, error, submitting } = useSubmit(form, async ({ email }) => {
    await send(email);
    setSent(true);
  });

  if (sent) {
    return (
      <Stack>
        <Alert color="teal" variant="light" icon={<IconMailCheck size={18} />} role="status" title="Check your inbox">
          {sentText}
        </Alert>
        <Button variant="light" onClick={onBack}>
          Back to sign in
        </Button>
      </Stack>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <FormError message={error} />
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          {...form.register('email')}
          error={fieldError(form.formState.errors.email?.message)}
          required
          autoFocus
        />
        <Button type="submit" loading={submitting} fullWidth>
          {submitLabel}
        </Button>
        <Text ta="center" size="sm">
          <Anchor component="button" type="button" onClick={onBack}>
            Back to sign in
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
