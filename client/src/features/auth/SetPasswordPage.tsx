import { ZSetPasswordForm } from '@mandap/shared/auth';
import { PASSWORD_MIN_LENGTH } from '@mandap/shared/common';
import { Alert, Anchor, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { FormError } from '../../ui/FormError.tsx';
import { fieldError, useSubmit, useZodForm } from '../../ui/form.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { acceptInvite, confirmPasswordReset } from './api.ts';

interface Props {
  title: string;
  subtitle: string;
  submitLabel: string;
  doneMessage: string;
  submit: (token: string, password: string) => Promise<unknown>;
}

export function SetPasswordForm({ title, subtitle, submitLabel, doneMessage, submit }: Props) {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useZodForm(ZSetPasswordForm, { newPassword: '', repeat: '' });
  const { errors } = form.formState;
  const [done, setDone] = useState(false);

  // A refusal's field message (the link's token, say) goes in the banner beside the server's message.
  const { onSubmit, error, submitting } = useSubmit(
    form,
    async ({ newPassword }) => {
      await submit(token, newPassword);
      setDone(true);
    },
    (err) => {
      const fieldMsg = err instanceof ApiError ? Object.values(err.fields ?? {})[0] : undefined;
      return fieldMsg ? `${errorMessage(err)} (${fieldMsg})` : errorMessage(err);
    },
  );

  if (!token) {
    return (
      <AuthLayout title={title}>
        <Stack>
          <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />}>
            This link is incomplete. Open it again from the email, or ask your admin for a new one.
          </Alert>
          <Anchor component={Link} to="/login" ta="center" size="sm">
            Go to sign in
          </Anchor>
        </Stack>
      </AuthLayout>
    );
  }

  if (done) {
    return (
      <AuthLayout title={title}>
        <Stack>
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} role="status">
            {doneMessage}
          </Alert>
          <Button component={Link} to="/login">
            Sign in
          </Button>
        </Stack>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={title} subtitle={subtitle}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <FormError message={error} />
          <PasswordInput
            label="New password"
            description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
            autoComplete="new-password"
            {...form.register('newPassword')}
            error={fieldError(errors.newPassword?.message)}
            required
            autoFocus
          />
          <PasswordInput
            label="Repeat new password"
            autoComplete="new-password"
            {...form.register('repeat')}
            error={fieldError(errors.repeat?.message)}
            required
          />
          <Button type="submit" loading={submitting} fullWidth>
            {submitLabel}
          </Button>
          <Text ta="center" size="sm">
            <Anchor component={Link} to="/login">
              Back to sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}

export function ResetPasswordPage() {
  return (
    <SetPasswordForm
      title="Choose a new password"
      subtitle="Pick a password you do not use anywhere else."
      submitLabel="Save new password"
      doneMessage="Your password is changed. Sign in with the new one."
      submit={confirmPasswordReset}
    />
  );
}

export function AcceptInvitePage() {
  return (
    <SetPasswordForm
      title="Welcome to Mandap"
      subtitle="You have been invited to the Gulmohar Events workspace. Set a password to finish."
      submitLabel="Set password and continue"
      doneMessage="Your account is ready. Sign in with your email and the password you just set."
      submit={acceptInvite}
    />
  );
}
