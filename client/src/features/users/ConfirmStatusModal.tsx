import type { User } from '@mandap/shared/auth';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { z } from 'zod';
import { FormError } from '../../ui/FormError.tsx';
import { useSubmit, useZodForm } from '../../ui/form.ts';
import { useSetUserActive } from './useUsers.ts';

/** Deactivating or reactivating sends no body: the account's id is the whole request. */
const ZConfirm = z.strictObject({});

export interface SetActive {
  id: string;
  active: boolean;
}

/** Asks before deactivating or reactivating `user`; a refusal stays in the dialog. */
export function ConfirmStatusModal({
  user,
  onClose,
  setActive,
}: {
  user: User | null;
  onClose: () => void;
  /** Sends the change; the edge unless a caller gives its own. */
  setActive?: (request: SetActive) => Promise<unknown>;
}) {
  const deactivating = user?.status !== 'deactivated';
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={deactivating ? 'Deactivate this account?' : 'Reactivate this account?'}
      centered
    >
      {user && <ConfirmStatusForm key={user.id} user={user} onClose={onClose} setActive={setActive} />}
    </Modal>
  );
}

export function ConfirmStatusForm({
  user,
  onClose,
  setActive: send,
}: {
  user: User;
  onClose: () => void;
  setActive?: (request: SetActive) => Promise<unknown>;
}) {
  const setActive = useSetUserActive();
  const deactivating = user.status !== 'deactivated';
  const form = useZodForm(ZConfirm, {});
  const { onSubmit, error, submitting } = useSubmit(form, async () => {
    await (send ?? setActive.mutateAsync)({ id: user.id, active: !deactivating });
    notifications.show({
      color: 'teal',
      title: deactivating ? 'Account deactivated' : 'Account reactivated',
      message: deactivating ? `${user.name} can no longer sign in.` : `${user.name} can sign in again.`,
    });
    onClose();
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text size="sm">
          {deactivating
            ? `${user.name} (${user.email}) will be signed out everywhere and will not be able to sign in. Their history stays. You can reactivate them later.`
            : `${user.name} (${user.email}) will be able to sign in again with their current password.`}
        </Text>
        <FormError message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color={deactivating ? 'red' : 'teal'} loading={submitting}>
            {deactivating ? 'Deactivate' : 'Reactivate'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
