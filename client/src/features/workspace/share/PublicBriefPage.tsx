import { briefDoc, parseBriefShareToken } from '@mandap/shared/docs';
import { Alert, Container, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { useParams } from 'react-router';
import { FullPageLoader } from '../../../app/FullPageLoader.tsx';
import { LinkRefused } from '../../../ui/LinkRefused.tsx';
import { BriefEditor } from '../brief/BriefEditor.tsx';
import { BriefFields } from '../brief/BriefFields.tsx';
import { SyncBadge } from '../collab/SyncBadge.tsx';
import { type OpenAs, useSharedDoc } from '../collab/useSharedDoc.ts';
import '../workspace.css';

/** How a share-link viewer appears to the team in the brief's presence bar. */
const GUEST = { id: 'share-link', name: 'Client (shared link)', color: '#868e96' };

/**
 * The brief behind a share link (/b/:token): read-only, live, no sign-in. The token names the
 * document and the collab-server checks its signature, expiry and whether it was revoked (also
 * while open: the page then says the link was withdrawn); nothing is stored on the device.
 */
export function PublicBriefPage() {
  const { token = '' } = useParams();
  const docName = parseBriefShareToken(token)?.docName ?? '';
  const valid = docName !== '';
  const openAs = useMemo<OpenAs>(() => ({ kind: 'share-link', token }), [token]);
  const shared = useSharedDoc(valid ? docName : 'invalid', openAs);
  const doc = shared?.doc ?? null;
  const brief = useMemo(() => (doc ? briefDoc(doc) : null), [doc]);

  if (shared?.sync.kind === 'refused' && shared.sync.code === 4410) {
    return (
      <LinkRefused title="This link was withdrawn" testId="brief-link-withdrawn">
        {shared.sync.reason}
      </LinkRefused>
    );
  }
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
