// @vitest-environment happy-dom
import { briefDoc, openBriefSnapshot } from '@mandap/shared/docs';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderForm } from '../../../ui/testing.tsx';
import { BriefComments } from './BriefComments.tsx';
import { BriefSnapshots } from './BriefSnapshots.tsx';

afterEach(cleanup);

const ME = { id: 'u-mgr', name: 'Meera Shah', color: '#a33' };
const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('saving a named snapshot of the brief', { timeout: 60_000 }, () => {
  function renderSnapshots() {
    const doc = new Y.Doc();
    const brief = briefDoc(doc);
    brief.setField('requirements', 'Jain menu at every function');
    const view = renderForm(<BriefSnapshots doc={doc} brief={brief} me={ME} readOnly={false} />);
    return { ...view, brief, field: input('Snapshot name'), save: screen.getByRole('button', { name: 'Save' }) };
  }

  it('asks for the name under its field, and saves nothing', async () => {
    const { user, brief, field, save } = renderSnapshots();
    await user.type(field, '  ');
    await user.click(save);
    expect(await screen.findByText('Name the snapshot')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(brief.snapshots.list()).toEqual([]);
  });

  it('saves one snapshot of the brief as it is, named as typed, and clears the name', async () => {
    const { user, brief, field, save } = renderSnapshots();
    await user.type(field, ' As sent to the client on 12 Nov ');
    await user.click(save);
    await expect.poll(() => brief.snapshots.list().length).toBe(1);
    const [snapshot] = brief.snapshots.list();
    expect(snapshot).toMatchObject({ name: 'As sent to the client on 12 Nov', createdBy: 'Meera Shah' });
    const frozen = openBriefSnapshot(snapshot?.state ?? '');
    expect(briefDoc(frozen).fields().requirements).toBe('Jain menu at every function');
    await expect.poll(() => field.value).toBe('');
    expect(await screen.findByText('As sent to the client on 12 Nov')).toBeTruthy();
  });
});

describe('commenting on the brief', { timeout: 60_000 }, () => {
  function renderComments(selection = '') {
    const brief = briefDoc(new Y.Doc());
    const view = renderForm(
      <BriefComments brief={brief} me={ME} selection={selection} readOnly={false} editor={null} />,
    );
    return { ...view, brief, field: input('Comment'), post: screen.getByRole('button', { name: 'Post comment' }) };
  }

  it('asks for the comment under its field, and writes nothing', async () => {
    const { user, brief, field, post } = renderComments();
    await user.type(field, '   ');
    await user.click(post);
    expect(await screen.findByText('Write the comment')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(brief.comments.list()).toEqual([]);
  });

  it('writes one open comment on the selected passage with the trimmed body, and clears the box', async () => {
    const { user, brief, field, post } = renderComments('Mogra garlands');
    await user.type(field, ' Check the florist has enough mogra in December. ');
    await user.click(post);
    await expect.poll(() => brief.comments.list().length).toBe(1);
    expect(brief.comments.list()[0]).toEqual({
      id: expect.any(String),
      quote: 'Mogra garlands',
      body: 'Check the florist has enough mogra in December.',
      authorId: 'u-mgr',
      authorName: 'Meera Shah',
      createdAt: expect.any(String),
      resolved: false,
    });
    await expect.poll(() => field.value).toBe('');
  });
});
