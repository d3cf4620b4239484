import type { Role } from '@mandap/shared/access';
import { type InviteUser, ZInviteUser } from '@mandap/shared/auth';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { FormError } from '../../ui/FormError.tsx';
import { fieldError, optionalText, requestForm, required, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { useMe } from '../auth/useSession.ts';
import { assignableRoleOptions } from './assignableRoles.ts';
import { useInviteUser } from './useUsers.ts';

interface InviteValues {
  name: string;
  email: string;
  role: Role | null;
  phone: string;
}

/** The form's rules are the invite request's; a role not chosen yet is asked for in words. */
const ZInviteForm = requestForm(
  ZInviteUser,
  (v: InviteValues) => ({ name: v.name, email: v.email, role: required(v.role), phone: optionalText(v.phone) }),
  { role: 'choose a role' },
);

/** The invite form; `actorRole` limits the roles offered to those the inviter may grant. */
export function InviteUserForm({
  actorRole,
  onClose,
  invite: send,
}: {
  actorRole: Role;
  onClose: () => void;
  /** Sends the checked invitation; the edge unless a caller gives its own. */
  invite?: (request: InviteUser) => Promise<{ user: { name: string } }>;
}) {
  const invite = useInviteUser();
  const form = useZodForm(ZInviteForm, { name: '', email: '', role: null, phone: '' });
  const { errors } = form.formState;
  const role = useField(form, 'role');

  const { onSubmit, error, submitting } = useSubmit(form, async (request) => {
    const { user } = await (send ?? invite.mutateAsync)(request);
    notifications.show({
      color: 'teal',
      title: 'Invitation sent',
      message: `${user.name} will get an email to set a password.`,
    });
    onClose();
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <FormError message={error} />
        <TextInput
          label="Full name"
          {...form.register('name')}
          error={fieldError(errors.name?.message)}
          required
          data-autofocus
        />
        <TextInput
          label="Email"
          type="email"
          {...form.register('email')}
          error={fieldError(errors.email?.message)}
          required
        />
        <Select
          label="Role"
          placeholder="Choose a role"
          data={assignableRoleOptions(actorRole)}
          {...role}
          onChange={(v) => role.onChange(v as Role | null)}
          required
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label="Phone"
          description="Optional. Mobile number with country code, like +91 98200 12345."
          type="tel"
          {...form.register('phone')}
          error={fieldError(errors.phone?.message)}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const me = useMe();
  return (
    <Modal opened={opened} onClose={onClose} title="Invite a user" centered>
      <InviteUserForm actorRole={me.role} onClose={onClose} />
    </Modal>
  );
}
