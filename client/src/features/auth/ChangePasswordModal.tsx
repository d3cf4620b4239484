import { ZChangePasswordForm } from '@mandap/shared/auth';
import { PASSWORD_MIN_LENGTH } from '@mandap/shared/common';
import { Button, Group, Modal, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FormError } from '../../ui/FormError.tsx';
import { fieldError, useSubmit, useZodForm } from '../../ui/form.ts';
import { changePassword } from './api.ts';

const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };

export default function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const form = useZodForm(ZChangePasswordForm, EMPTY);
  const { errors } = form.formState;

  function close() {
    form.reset(EMPTY);
    setError(null);
    onClose();
  }

  const { onSubmit, error, setError, submitting } = useSubmit(form, async ({ currentPassword, newPassword }) => {
    await changePassword(currentPassword, newPassword);
    notifications.show({ color: 'teal', title: 'Password changed', message: 'Use the new password next time.' });
    close();
  });

  return (
    <Modal opened={opened} onClose={close} title="Change password" centered>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <FormError message={error} />
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            {...form.register('currentPassword')}
            error={fieldError(errors.currentPassword?.message)}
            required
            data-autofocus
          />
          <PasswordInput
            label="New password"
            description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
            autoComplete="new-password"
            {...form.register('newPassword')}
            error={fieldError(errors.newPassword?.message)}
            required
          />
          <PasswordInput
            label="Repeat new password"
            autoComplete="new-password"
            {...form.register('repeat')}
            error={fieldError(errors.repeat?.message)}
            required
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={submitting}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
