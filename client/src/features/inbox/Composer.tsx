import { type InboxReply, ZInboxReply } from '@mandap/shared/notifications';
import { Alert, Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { FormError } from '../../ui/FormError.tsx';
import { fieldError, requestForm, required, useSubmit, useZodForm } from '../../ui/form.ts';
import { useReply } from './inbox.api.ts';
import { blankVariables, TemplateVariables, templateVariablesFilled, useTemplateField } from './templateFields.tsx';

/** The reply as typed: free text, or a template and its variables. */
interface ReplyValues {
  text: string;
  template: string | null;
  variables: Record<string, string>;
}

/** The reply request checked by the edge's `ZInboxReply`; a template's variables are checked as the edge renders it. */
const replyForm = (templateMode: boolean) =>
  requestForm(
    ZInboxReply.superRefine(templateVariablesFilled),
    (v: ReplyValues): InboxReply =>
      templateMode ? { template: required(v.template), variables: v.variables } : { text: v.text },
    { template: 'pick a template' },
  );

/**
 * Free text inside WhatsApp's 24-hour window; outside it only an approved template, and the
 * composer says why. Template variables are asked for by name; `name` is filled from the contact.
 * Enter in the reply box starts a new line; the button sends.
 */
export function Composer({
  phone,
  windowOpen,
  windowReason,
  send,
}: {
  phone: string;
  windowOpen: boolean;
  windowReason: string | null;
  /** Sends the checked reply; the edge unless a caller gives its own. */
  send?: (reply: InboxReply) => Promise<unknown>;
}) {
  const [useTemplate, setUseTemplate] = useState(false);
  const templateMode = useTemplate || !windowOpen;
  const reply = useReply();
  // The form checks what is on screen: the text, or (outside the window, or by choice) a template.
  const schema = useMemo(() => replyForm(templateMode), [templateMode]);
  const form = useZodForm(schema, { text: '', template: null, variables: {} });
  const { select: template, tpl } = useTemplateField(form);
  const { onSubmit, error, submitting } = useSubmit(form, async (body) => {
    await (send ?? ((r: InboxReply) => reply.mutateAsync({ phone, reply: r })))(body);
    form.reset({ text: '', template: form.getValues('template'), variables: blankVariables(tpl) });
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="WhatsApp composer">
      <Stack gap="xs">
        {!windowOpen && (
          <Alert color="yellow" variant="light" title="Template only">
            {windowReason}
          </Alert>
        )}
        {templateMode ? (
          <>
            <Select label="Template" placeholder="Pick an approved template" searchable {...template} />
            <TemplateVariables form={form} tpl={tpl} />
          </>
        ) : (
          <Textarea
            label="Reply"
            placeholder="Type a WhatsApp message"
            autosize
            minRows={2}
            maxRows={6}
            {...form.register('text')}
            error={fieldError(form.formState.errors.text?.message)}
          />
        )}
        <FormError message={error} />
        <Group justify="space-between">
          {windowOpen ? (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => {
                form.clearErrors();
                setUseTemplate((u) => !u);
              }}
            >
              {useTemplate ? 'Write free text' : 'Use a template'}
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" loading={submitting}>
            {templateMode ? 'Send template' : 'Send'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
