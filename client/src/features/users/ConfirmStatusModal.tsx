import type { User } from '@mandap/shared/auth';
import { Button, Group, Modal, Text } from '@mantine/core';

export function ConfirmStatusModal({
  user,
  busy,
  onConfirm,
  onClose,
}: {
  user: User | null;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const deactivating = user?.status !== 'deactivated';
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={deactivating ? 'Deactivate this account?' : 'Reactivate this account?'}
      centered
    >
      {user && (
        <Text size="sm">
          {deactivating
            ? `${user.name} (${user.email}) will be signed out everywhere and will not be able to sign in. Their history stays. You can reactivate them later.`
            : `${user.name} (${user.email}) will be able to sign in again with their current password.`}
        </Text>
      )}
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button color={deactivating ? 'red' : 'teal'} loading={busy} onClick={onConfirm}>
          {deactivating ? 'Deactivate' : 'Reactivate'}
        </Button>
      </Group>
    </Modal>
  );
}
