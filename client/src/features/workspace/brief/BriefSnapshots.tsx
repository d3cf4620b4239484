import { newId } from '@mandap/shared/common';
import {
  type BriefDoc,
  type BriefSnapshot,
  encodeBriefContent,
  openBriefSnapshot,
  restoreBriefSnapshot,
  ZBriefSnapshot,
} from '@mandap/shared/docs';
import { Button, Card, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { formatDateTime } from '../../../lib/format.ts';
import { fieldError, useSubmit, useZodForm } from '../../../ui/form.ts';
import type { PresenceUser } from '../collab/presence.ts';
import { useCollection } from '../collab/useCollection.ts';

/** The snapshot's text as plain paragraphs, for a quick read-only view. */
function SnapshotView({ snapshot }: { snapshot: BriefSnapshot }) {
  const text = useMemo(() => {
    const doc = openBriefSnapshot(snapshot.state);
    const paragraphs = doc
      .getXmlFragment('content')
      .toArray()
      .map((node) => ('toDOM' in node ? (node.toDOM().textContent ?? '') : ''));
    doc.destroy();
    return paragraphs;
  }, [snapshot.state]);
  return (
    <ScrollArea.Autosize mah="60vh">
      <Stack gap="xs">
        {text.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a frozen snapshot never reorder
          <Text key={i} size="sm">
            {p || '\u00a0'}
          </Text>
        ))}
      </Stack>
    </ScrollArea.Autosize>
  );
}

/** A snapshot's name, by the shared snapshot rule. */
const ZSnapshotForm = ZBriefSnapshot.pick({ name: true });

/** Named snapshots ("as sent to the client on 12 Nov"): take, view, restore. */
export function BriefSnapshots({
  doc,
  brief,
  me,
  readOnly,
}: {
  doc: Y.Doc;
  brief: BriefDoc;
  me: PresenceUser;
  readOnly: boolean;
}) {
  const snapshots = useCollection(brief.snapshots).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const [viewing, setViewing] = useState<BriefSnapshot | null>(null);
  const [confirming, setConfirming] = useState<BriefSnapshot | null>(null);

  const form = useZodForm(ZSnapshotForm, { name: '' });
  const { onSubmit } = useSubmit(form, ({ name }) => {
    brief.snapshots.put({
      id: newId(),
      name,
      createdAt: new Date().toISOString(),
      createdBy: me.name,
      state: encodeBriefContent(doc),
    });
    form.reset({ name: '' });
  });

  return (
    <Stack gap="sm">
      {!readOnly && (
        <form onSubmit={onSubmit} noValidate aria-label="Save a snapshot">
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              aria-label="Snapshot name"
              placeholder="As sent to the client on 12 Nov"
              {...form.register('name')}
              error={fieldError(form.formState.errors.name?.message)}
              style={{ flex: 1 }}
            />
            <Button size="sm" type="submit">
              Save
            </Button>
          </Group>
        </form>
      )}
      {snapshots.length === 0 && (
        <Text size="sm" c="dimmed">
          No snapshots yet. Save one before sending the brief to the client.
        </Text>
      )}
      {snapshots.map((s) => (
        <Card key={s.id} withBorder padding="xs" data-testid="brief-snapshot">
          <Text size="sm" fw={600}>
            {s.name}
          </Text>
          <Text size="xs" c="dimmed">
            {s.createdBy} · {formatDateTime(s.createdAt)}
          </Text>
          <Group gap="xs" mt={6}>
            <Button size="compact-xs" variant="light" onClick={() => setViewing(s)}>
              View
            </Button>
            {!readOnly && (
              <Button size="compact-xs" variant="subtle" color="orange" onClick={() => setConfirming(s)}>
                Restore
              </Button>
            )}
          </Group>
        </Card>
      ))}
      <Modal opened={viewing !== null} onClose={() => setViewing(null)} title={viewing?.name} size="lg">
        {viewing && <SnapshotView snapshot={viewing} />}
      </Modal>
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title="Restore this snapshot?">
        <Text size="sm">
          The brief's text and details go back to “{confirming?.name}” for everyone. Comments and other snapshots stay.
          Save a snapshot of the current version first if you may want it back.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirming(null)}>
            Cancel
          </Button>
          <Button
            color="orange"
            onClick={() => {
              if (confirming) restoreBriefSnapshot(doc, confirming.state);
              setConfirming(null);
            }}
          >
            Restore
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
