import { type CompanyProfile, type CompanyProfileInput, MAX_LOGO_BYTES, ZCompanyProfile } from '@mandap/shared/company';
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
import { useState } from 'react';
import { FormError } from '../../ui/FormError.tsx';
import { errorAt, fieldError, requestForm, useField, useSubmit, useZodForm } from '../../ui/form.ts';
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

/** What the company form holds: the profile, with the address as typed (one line per row). */
type CompanyValues = Omit<CompanyProfile, 'address'> & { address: string };

const toValues = ({ address, ...rest }: CompanyProfile): CompanyValues => ({ ...rest, address: address.join('\n') });

/** The form's rules are the shared company profile's (GSTIN checksum, PAN inside it, the state it names, …). */
const ZCompanyForm = requestForm(ZCompanyProfile, ({ address, ...rest }: CompanyValues) => ({
  ...rest,
  address: address
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean),
}));

/** Settings → Company: what every quotation prints (and whose state decides CGST + SGST vs IGST). */
export function CompanySection() {
  const stored = useCompanyProfile();
  const save = useSaveCompanyProfile();
  if (!stored.data) return <Skeleton h={480} radius="md" />;
  return <CompanyForm company={stored.data.company} save={(p) => save.mutateAsync(p)} />;
}

/** The company form; `save` sends the checked profile and answers with it as stored. */
export function CompanyForm({
  company,
  save,
}: {
  company: CompanyProfile;
  save: (profile: CompanyProfileInput) => Promise<{ company: CompanyProfile }>;
}) {
  const form = useZodForm(ZCompanyForm, toValues(company));
  const { errors } = form.formState;
  const stateCode = useField(form, 'stateCode');
  const logo = useField(form, 'logoDataUrl');
  const [logoError, setLogoError] = useState<string | null>(null);
  const { onSubmit, error, submitting } = useSubmit(form, async (profile) => {
    const r = await save(profile);
    form.reset(toValues(r.company));
    notifications.show({ color: 'green', title: 'Company saved', message: 'New quotes and PDFs use these details.' });
  });
  const text = (
    key: 'legalName' | 'tradeName' | 'gstin' | 'pan' | 'phone' | 'email' | 'website' | 'upiId',
    label: string,
  ) => <TextInput label={label} {...form.register(key)} error={fieldError(errors[key]?.message)} />;
  const bank = (key: keyof CompanyProfile['bank'], label: string) => (
    <TextInput label={label} {...form.register(`bank.${key}`)} error={fieldError(errors.bank?.[key]?.message)} />
  );

  const pickLogo = async (file: File | null) => {
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type)) return setLogoError('Use a PNG or JPEG image.');
    if (file.size > MAX_LOGO_BYTES)
      return setLogoError(
        `That image is ${Math.round(file.size / 1024)} KB; use one under ${MAX_LOGO_BYTES / 1024} KB.`,
      );
    setLogoError(null);
    logo.onChange(await readDataUrl(file));
  };

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <form onSubmit={onSubmit} noValidate aria-label="Company">
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
            {logo.value ? (
              <Image src={logo.value} alt="Company logo" h={56} w="auto" fit="contain" radius="sm" />
            ) : (
              <Text size="sm" c="dimmed">
                No logo: the PDF shows a roundel with the first letter.
              </Text>
            )}
            <FileButton onChange={pickLogo} accept="image/png,image/jpeg">
              {(props) => (
                <Button variant="default" size="xs" {...props}>
                  {logo.value ? 'Change logo' : 'Upload logo'}
                </Button>
              )}
            </FileButton>
            {logo.value && (
              <Button variant="subtle" color="red" size="xs" onClick={() => logo.onChange(null)}>
                Remove
              </Button>
            )}
            <Text size="xs" c="dimmed">
              PNG or JPEG, up to {MAX_LOGO_BYTES / 1024} KB.
            </Text>
          </Group>
          {(logoError || logo.error) && <Alert color="red">{logoError ?? logo.error}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('legalName', 'Legal name')}
            {text('tradeName', 'Trade name')}
            {text('gstin', 'GSTIN')}
            {text('pan', 'PAN')}
            <Select
              label="State (GST)"
              data={STATE_OPTIONS}
              {...stateCode}
              searchable
              allowDeselect={false}
              onChange={(v) => v && stateCode.onChange(v as CompanyProfile['stateCode'])}
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
            {...form.register('address')}
            error={errorAt(form, 'address')}
          />
          <Title order={3} fz="md">
            Bank and UPI (printed for payments)
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {bank('accountName', 'Account name')}
            {bank('bankName', 'Bank')}
            {bank('accountNumber', 'Account number')}
            {bank('ifsc', 'IFSC')}
            {bank('branch', 'Branch')}
            {text('upiId', 'UPI id')}
          </SimpleGrid>
          <Textarea
            label="Default terms"
            description="Printed on a quote that has no terms of its own."
            autosize
            minRows={4}
            {...form.register('defaultTerms')}
            error={fieldError(errors.defaultTerms?.message)}
          />
          <FormError message={error} />
          <Group justify="flex-end">
            <Button type="submit" loading={submitting}>
              Save company
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
