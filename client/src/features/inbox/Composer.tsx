import { Alert, Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '../../ui/FormError.tsx';
import { type TemplateInfo, useReply, useTemplates } from './inbox.api.ts';

/**
 * Free text inside WhatsApp's 24-hour window; outside it only an approved template, and the
 * composer says why. Template variables are asked for by name; `name` is filled from the contact.
 */
export function Composer({
  phone,
  windowOpen,
  windowReason,
}: {
  phone: string;
  windowOpen: boolean;
  windowReason: string | null;
}) {
  const [text, setText] = useState('');
  const [useTemplate, setUseTemplate] = useState(false);
  const [key, setKey] = useState<string | null>(null);
  const [vars, setVars] = useState<Record<string, string>>({});
  const templates = useTemplates();
  const reply = useReply();
  const templateMode = useTemplate || !windowOpen;
  const tpl: TemplateInfo | undefined = templates.data?.templates.find((t) => t.key === key);

  const send = () => {
    const body = templateMode ? { template: key ?? '', variables: vars } : { text };
    reply.mutate(
      { phone, reply: body },
      {
        onSuccess: () => {
          setText('');
          setVars({});
        },
      },
    );
  };

  return (
    <Stack gap="xs">
      {!windowOpen && (
        <Alert color="yellow" variant="light" title="Template only">
          {windowReason}
        </Alert>
      )}
      {templateMode ? (
        <>
          <Select
            label="Template"
            placeholder="Pick an approved template"
            searchable
            data={(templates.data?.templates ?? []).map((t) => ({ value: t.key, label: `${t.label} (${t.category})` }))}
            value={key}
            onChange={(v) => {
              setKey(v);
              setVars({});
            }}
          />
          {tpl?.variables
            .filter((v) => v !== 'name')
            .map((v) => (
              <TextInput
                key={v}
                label={v}
                placeholder={tpl.sample[v]}
                value={vars[v] ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setVars((old) => ({ ...old, [v]: value }));
                }}
              />
            ))}
        </>
      ) : (
        <Textarea
          label="Reply"
          placeholder="Type a WhatsApp message"
          autosize
          minRows={2}
          maxRows={6}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
      )}
      <FormError message={reply.error?.message} />
      <Group justify="space-between">
        {windowOpen ? (
          <Button variant="subtle" size="xs" onClick={() => setUseTemplate((u) => !u)}>
            {useTemplate ? 'Write free text' : 'Use a template'}
          </Button>
        ) : (
          <span />
        )}
        <Button onClick={send} loading={reply.isPending} disabled={templateMode ? !key : text.trim() === ''}>
          {templateMode ? 'Send template' : 'Send'}
        </Button>
      </Group>
    </Stack>
  );
}
