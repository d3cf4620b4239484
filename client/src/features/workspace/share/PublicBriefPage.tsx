import { briefDoc, parseAnyDocName } from '@mandap/shared/docs';
import { Alert, Container, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { useParams } from 'react-router';
import { FullPageLoader } from '../../../app/FullPageLoader.tsx';
import { BriefEditor } from '../brief/BriefEditor.tsx';
import { BriefFields } from '../brief/BriefFields.tsx';
import { SyncBadge } from '../collab/SyncBadge.tsx';
import { type OpenAs, useSharedDoc } from '../collab/useSharedDoc.ts';
import '../workspace.css';

/** How a share-link viewer appears to the team in the brief's presence bar. */
const GUEST = { id: 'share-link', name: 'Client (shared link)', color: '#868e96' };

/**
 * The brief behind a share link (/b/:token): read-only, live, no sign-in. The token names the
 * document and the collab-server checks its signature and expiry; nothing is stored on the device.
 */
export function PublicBriefPage() {
  const { token = '' } = useParams();
  const docName = token.split('.')[0] ?? '';
  const valid = parseAnyDocName(docName)?.kind === 'brief';
  const openAs = useMemo<OpenAs>(() => ({ kind: 'share-link', token }), [token]);
  const shared = useSharedDoc(valid ? docName : 'invalid', openAs);
  const doc = shared?.doc ?? null;
  const brief = useMemo(() => (doc ? briefDoc(doc) : null), [doc]);

  let body: ReactNode;
  if (!valid) {
    body = <Alert color="red">This link is incomplete. Ask us to send it again.</Alert>;
  } else if (!shared || !brief) {
    body = <FullPageLoader label="Opening the brief…" />;
  } else if (shared.sync.kind === 'refused') {
    body = <Alert color="red">{shared.sync.reason}</Alert>;
  } else {
    body = (
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder radius="md">
            <BriefEditor shared={shared} me={GUEST} readOnly />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder radius="md" p="sm">
            <BriefFields brief={brief} readOnly />
          </Paper>
        </Grid.Col>
      </Grid>
    );
  }
  return (
    <Container size="lg" py="lg" px="sm">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} fz={22}>
              Event brief
            </Title>
            <Text size="sm" c="dimmed">
              Shared with you read-only: changes the team makes appear here as they happen.
            </Text>
          </div>
          {shared && valid && shared.sync.kind !== 'refused' && <SyncBadge sync={shared.sync} readOnly />}
        </Group>
        {body}
      </Stack>
    </Container>
  );
}
