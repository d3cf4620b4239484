import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { FormError } from '../../ui/FormError.tsx';
import { requestPasswordReset } from './api.ts';

export function ForgotPasswordForm({ initialEmail, onBack }: { initialEmail: string; onBack: () => void }) {
  const [email, setEmail] = useState(initialEmail);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (!email.trim()) {
      setError('Enter the email you sign in with.');
      return;
    }
    setBusy(true);
    try {
      await requestPasswordReset(email.trim());
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
          If that email has an account, a reset link is on its way. The link works once and expires soon.
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
          Send reset link
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
