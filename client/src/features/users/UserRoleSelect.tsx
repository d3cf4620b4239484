import { ROLE_LABELS, type Role } from '@mandap/shared/access';
import { type UpdateUser, type User, ZUpdateUser } from '@mandap/shared/auth';
import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { requestForm, required, useField, useSubmit, useZodForm } from '../../ui/form.ts';
import { useUpdateUser } from './useUsers.ts';

/** The role cell's rules are the update-user request's (a role, nothing else). */
const ZRoleForm = requestForm(ZUpdateUser, (v: { role: Role | null }) => ({ role: required(v.role) }), {
  role: 'choose a role',
});

/**
 * A user's role, changed in place: picking another role sends it at once, one change at a time.
 * A refusal shows under the select, which keeps the role picked until another is chosen.
 */
export function UserRoleSelect({
  user,
  options,
  change: send,
}: {
  user: User;
  /** The roles the signed-in admin may grant, as select options. */
  options: { value: Role; label: string }[];
  /** Sends the checked change; the edge unless a caller gives its own. */
  change?: (patch: UpdateUser) => Promise<unknown>;
}) {
  const update = useUpdateUser();
  const form = useZodForm(ZRoleForm, { role: user.role });
  const role = useField(form, 'role');
  const { onSubmit, error, setError, submitting } = useSubmit(form, async (patch) => {
    await (send ?? ((p: UpdateUser) => update.mutateAsync({ id: user.id, patch: p })))(patch);
    notifications.show({
      color: 'teal',
      title: 'Role changed',
      message: `${user.name} is now ${ROLE_LABELS[patch.role as Role]}.`,
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Select
        aria-label={`Role of ${user.name}`}
        size="xs"
        data={options}
        allowDeselect={false}
        disabled={submitting}
        {...role}
        error={role.error ?? error}
        onChange={(v) => {
          if (!v || v === role.value) return;
          role.onChange(v as Role);
          // Back to the role they hold (after a refusal): nothing to send.
          if (v === user.role) {
            form.clearErrors();
            setError(null);
            return;
          }
          void onSubmit();
        }}
      />
    </form>
  );
}
