import { newId } from '@mandap/shared/common';
import { type BriefDoc, ZBriefComment } from '@mandap/shared/docs';
import { Blockquote, Button, Card, Checkbox, Group, Stack, Text, Textarea } from '@mantine/core';
import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { formatDateTime } from '../../../lib/format.ts';
import { fieldError, useSubmit, useZodForm } from '../../../ui/form.ts';
import type { PresenceUser } from '../collab/presence.ts';
import { useCollection } from '../collab/useCollection.ts';
import { anchorComment, openCommentsCss, revealComment } from './commentMark.ts';

/** Highlights the passages of open comments in the editor; render it wherever the brief is open. */
export function OpenCommentHighlights({ brief }: { brief: BriefDoc }) {
  const open = useCollection(brief.comments)
    .filter((c) => !c.resolved)
    .map((c) => c.id);
  const css = openCommentsCss(open);
  return css ? <style>{css}</style> : null;
}

/** A comment's body, by the shared comment rule. */
const ZCommentForm = ZBriefComment.pick({ body: true });

/**
 * Comments on passages: select text in the brief, write, post. The passage is anchored with a
 * comment mark in the text itself, highlighted while the comment is open; a tap on a comment
 * selects its passage.
 */
export function BriefComments({
  brief,
  me,
  selection,
  readOnly,
  editor,
}: {
  brief: BriefDoc;
  me: PresenceUser;
  selection: string;
  readOnly: boolean;
  editor: Editor | null;
}) {
  const comments = useCollection(brief.comments).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const [showResolved, setShowResolved] = useState(false);
  const shown = comments.filter((c) => showResolved || !c.resolved);

  const form = useZodForm(ZCommentForm, { body: '' });
  const { onSubmit } = useSubmit(form, ({ body }) => {
    const id = newId();
    if (selection && editor) anchorComment(editor, id);
    brief.comments.put({
      id,
      quote: selection.slice(0, 280),
      body,
      authorId: me.id,
      authorName: me.name,
      createdAt: new Date().toISOString(),
      resolved: false,
    });
    form.reset({ body: '' });
  });

  return (
    <Stack gap="sm">
      {!readOnly && (
        <Stack gap={6}>
          {selection ? (
            <Blockquote p="xs" fz="sm" color="maroon">
              {selection.slice(0, 280)}
            </Blockquote>
          ) : (
            <Text size="xs" c="dimmed">
              Select a passage in the brief to comment on it, or comment on the whole brief.
            </Text>
          )}
          <form onSubmit={onSubmit} noValidate aria-label="Comment on the brief">
            <Stack gap={6}>
              <Textarea
                aria-label="Comment"
                placeholder="Your comment"
                autosize
                minRows={2}
                {...form.register('body')}
                error={fieldError(form.formState.errors.body?.message)}
              />
              <Group justify="flex-end">
                <Button size="xs" type="submit">
                  Post comment
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      )}
      <Checkbox
        size="xs"
        label="Show resolved"
        checked={showResolved}
        onChange={(e) => setShowResolved(e.currentTarget.checked)}
      />
      {shown.length === 0 && (
        <Text size="sm" c="dimmed">
          No open comments.
        </Text>
      )}
      {shown.map((c) => (
        <Card key={c.id} withBorder padding="xs" opacity={c.resolved ? 0.6 : 1} data-testid="brief-comment">
          {c.quote && (
            <Text
              size="xs"
              c="dimmed"
              fs="italic"
              lineClamp={2}
              style={{ cursor: editor ? 'pointer' : undefined }}
              title="Show the passage in the brief"
              onClick={() => editor && revealComment(editor, c.id)}
            >
              “{c.quote}”
            </Text>
          )}
          <Text size="sm">{c.body}</Text>
          <Group justify="space-between" mt={4}>
            <Text size="xs" c="dimmed">
              {c.authorName} · {formatDateTime(c.createdAt)}
            </Text>
            {!readOnly && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => brief.comments.patch(c.id, { resolved: !c.resolved })}
              >
                {c.resolved ? 'Reopen' : 'Resolve'}
              </Button>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
