import { type CompanyProfile, MAX_LOGO_BYTES } from '@mandap/shared/company';
import { GST_STATES } from '@mandap/shared/quotes';
import {
  Alert,
  Button,
  FileButton,
  Group,
  Image,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/errors.ts';
import { useCompanyProfile, useSaveCompanyProfile } from '../quotes/quotes.api.ts';

const STATE_OPTIONS = Object.entries(GST_STATES)
  .filter(([code]) => code !== '96')
  .map(([value, label]) => ({ value, label: `${value} · ${label}` }));

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Settings → Company: what every quotation prints (and whose state decides CGST + SGST vs IGST). */
export function CompanySection() {
  const stored = useCompanyProfile();
  const save = useSaveCompanyProfile();
  const [p, setP] = useState<CompanyProfile | null>(null);
  const [logoError, setLogoError] = useState<string | null>(null);
  useEffect(() => {
    if (stored.data && !p) setP(stored.data.company);
  }, [stored.data, p]);
  if (!p) return <Skeleton h={480} radius="md" />;

  const fields = save.error instanceof ApiError ? (save.error.fields ?? {}) : {};
  const err = (key: string) => fields[key];
  const set = <K extends keyof CompanyProfile>(key: K, value: CompanyProfile[K]) => setP({ ...p, [key]: value });
  const setBank = (key: keyof CompanyProfile['bank'], value: string) =>
    setP({ ...p, bank: { ...p.bank, [key]: value } });
  const text = (
    key: 'legalName' | 'tradeName' | 'gstin' | 'pan' | 'phone' | 'email' | 'website' | 'upiId',
    label: string,
  ) => <TextInput label={label} value={p[key]} error={err(key)} onChange={(e) => set(key, e.currentTarget.value)} />;

  const pickLogo = async (file: File | null) => {
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type)) return setLogoError('Use a PNG or JPEG image.');
    if (file.size > MAX_LOGO_BYTES)
      return setLogoError(
        `That image is ${Math.round(file.size / 1024)} KB; use one under ${MAX_LOGO_BYTES / 1024} KB.`,
      );
    setLogoError(null);
    set('logoDataUrl', await readDataUrl(file));
  };

  const submit = () =>
    save.mutate(p, {
      onSuccess: (r) => {
        setP(r.company);
        notifications.show({
          color: 'green',
          title: 'Company saved',
          message: 'New quotes and PDFs use these details.',
        });
      },
    });

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Stack gap="md">
        <div>
          <Title order={2} fz="lg">
            Company
          </Title>
          <Text size="sm" c="dimmed">
            Printed on every quotation and PDF. The GSTIN's state decides CGST + SGST or IGST. Versions already sent
            keep their figures.
          </Text>
        </div>
        <Group align="center" gap="md">
          {p.logoDataUrl ? (
            <Image src={p.logoDataUrl} alt="Company logo" h={56} w="auto" fit="contain" radius="sm" />
          ) : (
            <Text size="sm" c="dimmed">
              No logo: the PDF shows a roundel with the first letter.
            </Text>
          )}
          <FileButton onChange={pickLogo} accept="image/png,image/jpeg">
            {(props) => (
              <Button variant="default" size="xs" {...props}>
                {p.logoDataUrl ? 'Change logo' : 'Upload logo'}
              </Button>
            )}
          </FileButton>
          {p.logoDataUrl && (
            <Button variant="subtle" color="red" size="xs" onClick={() => set('logoDataUrl', null)}>
              Remove
            </Button>
          )}
          <Text size="xs" c="dimmed">
            PNG or JPEG, up to {MAX_LOGO_BYTES / 1024} KB.
          </Text>
        </Group>
        {(logoError || err('logoDataUrl')) && <Alert color="red">{logoError ?? err('logoDataUrl')}</Alert>}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text('legalName', 'Legal name')}
          {text('tradeName', 'Trade name')}
          {text('gstin', 'GSTIN')}
          {text('pan', 'PAN')}
          <Select
            label="State (GST)"
            data={STATE_OPTIONS}
            value={p.stateCode}
            error={err('stateCode')}
            searchable
            allowDeselect={false}
            onChange={(v) => v && set('stateCode', v as CompanyProfile['stateCode'])}
          />
          {text('phone', 'Phone')}
          {text('email', 'Email')}
          {text('website', 'Website')}
        </SimpleGrid>
        <Textarea
          label="Address"
          description="One line per row, up to four."
          autosize
          minRows={3}
          value={p.address.join('\n')}
          error={err('address')}
          onChange={(e) => set('address', e.currentTarget.value.split('\n'))}
        />
        <Title order={3} fz="md">
          Bank and UPI (printed for payments)
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Account name"
            value={p.bank.accountName}
            onChange={(e) => setBank('accountName', e.currentTarget.value)}
          />
          <TextInput
            label="Bank"
            value={p.bank.bankName}
            onChange={(e) => setBank('bankName', e.currentTarget.value)}
          />
          <TextInput
            label="Account number"
            value={p.bank.accountNumber}
            error={err('bank.accountNumber')}
            onChange={(e) => setBank('accountNumber', e.currentTarget.value)}
          />
          <TextInput
            label="IFSC"
            value={p.bank.ifsc}
            error={err('bank.ifsc')}
            onChange={(e) => setBank('ifsc', e.currentTarget.value)}
          />
          <TextInput label="Branch" value={p.bank.branch} onChange={(e) => setBank('branch', e.currentTarget.value)} />
          {text('upiId', 'UPI id')}
        </SimpleGrid>
        <Textarea
          label="Default terms"
          description="Printed on a quote that has no terms of its own."
          autosize
          minRows={4}
          value={p.defaultTerms}
          onChange={(e) => set('defaultTerms', e.currentTarget.value)}
        />
        {save.isError && <Alert color="red">{save.error.message}</Alert>}
        <Group justify="flex-end">
          <Button onClick={submit} loading={save.isPending}>
            Save company
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
