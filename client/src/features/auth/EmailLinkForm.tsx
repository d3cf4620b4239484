import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { FormError } from '../../ui/FormError.tsx';

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
  const [email, setEmail] = useState(initialEmail);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!email.trim()) {
      setError('Enter your email.');
      return;
    }
    setBusy(true);
    try {
      await send(email.trim());
      setSent(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

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
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          required
          autoFocus
        />
        <Button type="submit" loading={busy} fullWidth>
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
