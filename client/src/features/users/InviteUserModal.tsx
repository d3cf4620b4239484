import { type Role, ZInviteUser } from '@mandap/shared';
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../api/errors.ts';
import { FormError } from '../../ui/FormError.tsx';
import { useMe } from '../auth/useSession.ts';
import { assignableRoleOptions } from './assignableRoles.ts';
import { useInviteUser } from './useUsers.ts';

type Fields = Partial<Record<'email' | 'name' | 'role' | 'phone', string>>;

export function InviteUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const me = useMe();
  const invite = useInviteUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [role, setRole] = useState<Role | null>(null);
  const [fields, setFields] = useState<Fields>({});
  const [error, setError] = useState<string | null>(null);

  function close() {
    setEmail('');
    setName('');
    setPhone('');
    setRole(null);
    setFields({});
    setError(null);
    invite.reset();
    onClose();
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const parsed = ZInviteUser.safeParse({ email, name, role: role ?? undefined, phone: phone.trim() || undefined });
    if (!parsed.success) {
      const f: Fields = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]) as keyof Fields;
        f[key] ??= key === 'role' ? 'choose a role' : issue.message;
      }
      setFields(f);
      return;
    }
    setFields({});
    try {
      const { user } = await invite.mutateAsync(parsed.data);
      notifications.show({
        color: 'teal',
        title: 'Invitation sent',
        message: `${user.name} will get an email to set a password.`,
      });
      close();
    } catch (err) {
      if (err instanceof ApiError && err.fields) setFields(err.fields as Fields);
      setError(errorMessage(err));
    }
  }

  return (
    <Modal opened={opened} onClose={close} title="Invite a user" centered>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <FormError message={error} />
          <TextInput
            label="Full name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fields.name}
            required
            data-autofocus
          />
          <TextInput
            label="Email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fields.email}
            required
          />
          <Select
            label="Role"
            placeholder="Choose a role"
            data={assignableRoleOptions(me.role)}
            value={role}
            onChange={(v) => setRole(v as Role | null)}
            error={fields.role}
            required
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label="Phone"
            description="Optional. Mobile number with country code, like +91 98200 12345."
            type="tel"
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={fields.phone}
          />
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending}>
              Send invitation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
