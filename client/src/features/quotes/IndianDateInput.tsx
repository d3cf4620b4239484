import { TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';

const toText = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

/** "dd/mm/yyyy" → "yyyy-mm-dd", or null when it is not a real date. */
export function parseIndianDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

/** A date typed the Indian way (dd/mm/yyyy), whatever the browser's locale; hands back ISO. */
export function IndianDateInput({
  label,
  value,
  onChange,
  readOnly,
  error,
}: {
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  readOnly?: boolean;
  error?: string | undefined;
}) {
  const [text, setText] = useState(toText(value));
  const [bad, setBad] = useState(false);
  useEffect(() => setText(toText(value)), [value]);
  return (
    <TextInput
      label={label}
      placeholder="dd/mm/yyyy"
      value={text}
      readOnly={readOnly}
      error={error ?? (bad ? 'use dd/mm/yyyy' : undefined)}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={() => {
        const iso = parseIndianDate(text);
        setBad(text.trim() !== '' && iso === null);
        if (iso !== value && (iso !== null || text.trim() === '')) onChange(iso);
      }}
    />
  );
}
