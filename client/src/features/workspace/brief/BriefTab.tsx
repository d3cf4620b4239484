import { briefDoc } from '@mandap/shared/docs';
import { Grid, Paper, Stack, Tabs } from '@mantine/core';
import type { Editor } from '@tiptap/react';
import { useMemo, useState } from 'react';
import { FullPageLoader } from '../../../app/FullPageLoader.tsx';
import { StructuredBrief } from '../../events/StructuredBrief.tsx';
import { DocHeader } from '../collab/DocHeader.tsx';
import { ShareBriefButton } from '../share/ShareBriefButton.tsx';
import { useWorkspaceDoc } from '../useWorkspaceDoc.ts';
import { BriefComments, OpenCommentHighlights } from './BriefComments.tsx';
import { BriefEditor } from './BriefEditor.tsx';
import { BriefFields } from './BriefFields.tsx';
import { BriefSnapshots } from './BriefSnapshots.tsx';

/**
 * A brief (`event:<id>:brief`, or `lead:<id>:brief` before the lead becomes an event): rich text
 * co-edited live, structured fields, comments and named snapshots.
 */
export function BriefTab({ docName }: { docName: string }) {
  const { shared, readOnly, me } = useWorkspaceDoc(docName);
  const doc = shared?.doc ?? null;
  const brief = useMemo(() => (doc ? briefDoc(doc) : null), [doc]);
  const [selection, setSelection] = useState('');
  const [editor, setEditor] = useState<Editor | null>(null);
  if (!shared || !brief) return <FullPageLoader label="Opening the brief…" />;
  return (
    <Stack gap="md">
      <DocHeader shared={shared} readOnly={readOnly} actions={<ShareBriefButton docName={docName} />} />
      <OpenCommentHighlights brief={brief} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Paper withBorder radius="md">
            <BriefEditor shared={shared} me={me} readOnly={readOnly} onSelection={setSelection} onEditor={setEditor} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Paper withBorder radius="md" p="sm">
            <Tabs defaultValue="fields">
              <Tabs.List grow mb="sm">
                <Tabs.Tab value="fields">Details</Tabs.Tab>
                <Tabs.Tab value="comments">Comments</Tabs.Tab>
                <Tabs.Tab value="snapshots">Snapshots</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="fields">
                <Stack gap="md">
                  <StructuredBrief docName={docName} doc={brief} readOnly={readOnly} />
                  <BriefFields brief={brief} readOnly={readOnly} />
                </Stack>
              </Tabs.Panel>
              <Tabs.Panel value="comments">
                <BriefComments brief={brief} me={me} selection={selection} readOnly={readOnly} editor={editor} />
              </Tabs.Panel>
              <Tabs.Panel value="snapshots">
                <BriefSnapshots doc={shared.doc} brief={brief} me={me} readOnly={readOnly} />
              </Tabs.Panel>
            </Tabs>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
