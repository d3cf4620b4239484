import { ZLoginRequest } from '@mandap/shared/auth';
import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { fieldError, useSubmit, useZodForm } from '../../ui/form.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { login, requestClientSignInLink, requestPasswordReset } from './api.ts';
import { EmailLinkForm } from './EmailLinkForm.tsx';
import { useSession } from './useSession.ts';

/** Only same-site paths are allowed as a post-login destination. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const [params] = useSearchParams();
  const { status } = useSession();
  const [mode, setMode] = useState<'login' | 'forgot' | 'client-link'>('login');
  // The request's own schema: the email is checked and normalised as the server does it.
  const form = useZodForm(ZLoginRequest, { email: '', password: '' });
  const { errors } = form.formState;
  const { onSubmit, error, submitting } = useSubmit(form, async ({ email, password }) => {
    await login(email, password);
  });

  if (status === 'authenticated') return <Navigate to={safeNext(params.get('next'))} replace />;

  if (mode === 'forgot') {
    return (
      <AuthLayout title="Reset your password" subtitle="We will email you a link to choose a new password.">
        <EmailLinkForm
          initialEmail={form.getValues('email')}
          send={requestPasswordReset}
          submitLabel="Send reset link"
          sentText="If that email has an account, a reset link is on its way. The link works once and expires soon."
          onBack={() => setMode('login')}
        />
      </AuthLayout>
    );
  }

  if (mode === 'client-link') {
    return (
      <AuthLayout
        title="Sign in with a link"
        subtitle="For our clients: we will email you a link that opens your event page. No password needed."
      >
        <EmailLinkForm
          initialEmail={form.getValues('email')}
          send={requestClientSignInLink}
          submitLabel="Email me a sign-in link"
          sentText="If that email belongs to one of our clients, a sign-in link is on its way. It works once, for one hour."
          onBack={() => setMode('login')}
        />
      </AuthLayout>
    );
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
            {...form.register('email')}
            error={fieldError(errors.email?.message)}
            required
            autoFocus
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            {...form.register('password')}
            error={fieldError(errors.password?.message)}
            required
          />
          <Group justify="flex-end" mt={-6}>
            <Anchor component="button" type="button" size="sm" onClick={() => setMode('forgot')}>
              Forgot password?
            </Anchor>
          </Group>
          <Button type="submit" loading={submitting} fullWidth size="md">
            Sign in
          </Button>
          <Text ta="center" size="sm">
            Planning your event with us?{' '}
            <Anchor component="button" type="button" onClick={() => setMode('client-link')}>
              Email me a sign-in link
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
