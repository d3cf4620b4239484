import { Alert, Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { login } from './api.ts';
import { ForgotPasswordForm } from './ForgotPasswordForm.tsx';
import { useSession } from './useSession.ts';

/** Only same-site paths are allowed as a post-login destination. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const [params] = useSearchParams();
  const { status } = useSession();
  const [mode, setMode] = useState<'login' | 'forgot'>('login');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  if (status === 'authenticated') return <Navigate to={safeNext(params.get('next'))} replace />;

  if (mode === 'forgot') {
    return (
      <AuthLayout title="Reset your password" subtitle="We will email you a link to choose a new password.">
        <ForgotPasswordForm initialEmail={email} onBack={() => setMode('login')} />
      </AuthLayout>
    );
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setFieldErrors({});
    if (!email.trim() || !password) {
      setError('Enter your email and password.');
      return;
    }
    setBusy(true);
    try {
      await login(email.trim(), password);
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError && err.fields) setFieldErrors(err.fields);
      setBusy(false);
    }
  }

  return (
    <AuthLayout title="Sign in" subtitle="Use the email your workspace admin invited.">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {error && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertCircle size={18} />}
              role="alert"
              title="Could not sign in"
            >
              {error}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            placeholder="you@gulmohar.events"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldErrors.email}
            required
            autoFocus
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldErrors.password}
            required
          />
          <Group justify="flex-end" mt={-6}>
            <Anchor component="button" type="button" size="sm" onClick={() => setMode('forgot')}>
              Forgot password?
            </Anchor>
          </Group>
          <Button type="submit" loading={busy} fullWidth size="md">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
