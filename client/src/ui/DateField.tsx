import '@mantine/dates/styles.css';
import { parseIndianDate } from '@mandap/shared';
import { DateInput, type DateInputProps } from '@mantine/dates';

/**
 * A date picker showing and accepting dd/mm/yyyy (typed or picked); the value is the ISO day
 * (YYYY-MM-DD) or null. Native date inputs show mm/dd/yyyy in Chromium, hence this.
 */
export function DateField({
  value,
  onChange,
  ...props
}: Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser'> & {
  value: string | null;
  onChange: (iso: string | null) => void;
}) {
  return (
    <DateInput
      placeholder="dd/mm/yyyy"
      clearable
      {...props}
      valueFormat="DD/MM/YYYY"
      dateParser={(raw) => parseIndianDate(raw)}
      value={value || null}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
    />
  );
}
