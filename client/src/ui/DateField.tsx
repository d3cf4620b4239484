import '@mantine/dates/styles.css';
import { parseIndianDate } from '@mandap/shared/leads';
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
      // Enter in a half-typed date must not submit the surrounding form (it would go without
      // the date, or without the fields still to fill): Enter commits the date instead.
      onKeyDown={(e) => {
        props.onKeyDown?.(e);
        if (e.key === 'Enter' && !e.defaultPrevented) {
          e.preventDefault();
          const typed = parseIndianDate(e.currentTarget.value);
          if (typed) onChange(typed);
        }
      }}
      valueFormat="DD/MM/YYYY"
      dateParser={(raw) => parseIndianDate(raw)}
      value={value || null}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : null)}
    />
  );
}
