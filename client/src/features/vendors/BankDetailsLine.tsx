import { hasPermission } from '@mandap/shared/access';
import type { BankDetails, Vendor } from '@mandap/shared/vendors';
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/errors.ts';
import { useMe } from '../auth/useSession.ts';
import { revealBank } from './vendors.api.ts';

/** Bank details masked; finance may reveal them (the server audits each reveal). */
export function BankDetailsLine({ vendor }: { vendor: Vendor }) {
  const me = useMe();
  const [shown, setShown] = useState<BankDetails | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!vendor.bankMasked)
    return (
      <Text size="sm" c="dimmed">
        No bank details on file.
      </Text>
    );
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Text size="sm" data-testid="bank-line">
          {shown
            ? `${shown.accountName} · A/c ${shown.accountNumber}${shown.ifsc ? ` · IFSC ${shown.ifsc}` : ''}${shown.swift ? ` · SWIFT ${shown.swift}` : ''}`
            : `A/c ${vendor.bankMasked}${vendor.ifsc ? ` · IFSC ${vendor.ifsc}` : ''}${vendor.bankName ? ` · ${vendor.bankName}` : ''}`}
        </Text>
        {!shown && hasPermission(me.role, 'vendors:bank') && (
          <Button
            size="compact-xs"
            variant="light"
            onClick={() =>
              revealBank(vendor.id)
                .then(setShown)
                .catch((e) => setError(errorMessage(e)))
            }
          >
            Reveal
          </Button>
        )}
      </Group>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
