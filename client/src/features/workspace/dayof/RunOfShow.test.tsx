// @vitest-environment happy-dom
import { dayofDoc } from '@mandap/shared/docs';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderForm } from '../../../ui/testing.tsx';
import { RunOfShow } from './RunOfShow.tsx';

afterEach(cleanup);

function renderRunOfShow() {
  const day = dayofDoc(new Y.Doc());
  const view = renderForm(<RunOfShow day={day} readOnly={false} />);
  return { ...view, day, add: screen.getByRole('button', { name: 'Add cue' }) };
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('adding a cue to the run of show', { timeout: 60_000 }, () => {
  it('names the cue and its time under their fields, and writes nothing', async () => {
    const { user, day, add } = renderRunOfShow();
    await user.type(input('Cue'), '   ');
    await user.click(add);
    expect(await screen.findByText('Name the cue')).toBeTruthy();
    expect(screen.getByText('Enter the cue time')).toBeTruthy();
    expect(input('Cue').getAttribute('aria-invalid')).toBe('true');
    expect(input('Cue time').getAttribute('aria-invalid')).toBe('true');
    expect(day.cues.list()).toEqual([]);
  });

  it('asks for the minutes when the box is emptied, and writes nothing', async () => {
    const { user, day, add } = renderRunOfShow();
    await user.type(input('Cue'), 'Baraat arrives');
    await user.type(input('Cue time'), '19:30');
    await user.clear(input('Minutes'));
    await user.click(add);
    expect(await screen.findByText('Enter the minutes')).toBeTruthy();
    expect(day.cues.list()).toEqual([]);
  });

  it('writes one cue with the parsed values, shows it, and clears the inputs', async () => {
    const { user, day, add } = renderRunOfShow();
    await user.type(input('Cue'), '  Baraat arrives ');
    await user.type(input('Cue time'), '19:30');
    await user.clear(input('Minutes'));
    await user.type(input('Minutes'), '45');
    await user.type(input('Cue owner'), ' Ravi ');
    await user.click(add);
    await expect.poll(() => day.cues.list().length).toBe(1);
    expect(day.cues.list()[0]).toEqual({
      id: expect.any(String),
      title: 'Baraat arrives',
      startMin: 19 * 60 + 30,
      durationMin: 45,
      ownerName: 'Ravi',
      done: false,
    });
    expect(await screen.findByText('Baraat arrives')).toBeTruthy();
    expect(screen.getByText('19:30')).toBeTruthy();
    await expect.poll(() => input('Cue').value).toBe('');
    await expect.poll(() => input('Cue time').value).toBe('');
    await expect.poll(() => input('Cue owner').value).toBe('');
    expect(input('Minutes').value).toBe('30 min');
    expect(screen.queryByText('Name the cue')).toBeNull();
  });
});
