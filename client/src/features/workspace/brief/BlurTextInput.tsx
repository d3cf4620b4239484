import { Textarea, TextInput, type TextInputProps } from '@mantine/core';

type Props = Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange' | 'onBlur'> & {
  value: string;
  onCommit: (value: string) => void;
  multiline?: boolean;
};

/**
 * A text field bound to a shared document: typing stays local, leaving the field writes it.
 * A change from someone else replaces the field's text (the key re-mounts it).
 */
export function BlurTextInput({ value, onCommit, multiline, ...rest }: Props) {
  const commit = (next: string) => {
    if (next !== value) onCommit(next);
  };
  if (multiline) {
    return (
      <Textarea
        key={value}
        defaultValue={value}
        autosize
        minRows={2}
        onBlur={(e) => commit(e.currentTarget.value)}
        {...(rest as object)}
      />
    );
  }
  return (
    <TextInput
      key={value}
      defaultValue={value}
      onBlur={(e) => commit(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
      }}
      {...rest}
    />
  );
}
