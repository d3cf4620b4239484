// @vitest-environment happy-dom
import { dayofDoc } from '@mandap/shared/docs';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderForm } from '../../../ui/testing.tsx';
import { IssueLog } from './IssueLog.tsx';

afterEach(cleanup);

const ME = { id: 'u-ops', name: 'Kavya Reddy', color: '#a33' };

function renderIssueLog() {
  const day = dayofDoc(new Y.Doc());
  const view = renderForm(<IssueLog day={day} me={ME} readOnly={false} />);
  return { ...view, day, log: screen.getByRole('button', { name: 'Log issue' }) };
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('logging an issue on the day', { timeout: 60_000 }, () => {
  it('asks what went wrong under the issue field, and writes nothing', async () => {
    const { user, day, log } = renderIssueLog();
    await user.type(input('Owner'), 'Ravi');
    await user.type(input('Issue'), '  ');
    await user.click(log);
    expect(await screen.findByText('Say what went wrong')).toBeTruthy();
    expect(input('Issue').getAttribute('aria-invalid')).toBe('true');
    expect(day.issues.list()).toEqual([]);
    expect(input('Owner').value).toBe('Ravi');
  });

  it('writes one issue with the parsed values and the reporter, and clears the inputs', async () => {
    const { user, day, log } = renderIssueLog();
    const before = new Date().toISOString();
    await user.type(input('Issue'), ' Generator 2 not starting ');
    await user.click(screen.getByRole('combobox', { name: 'Severity' }));
    await user.click(await screen.findByRole('option', { name: 'Critical' }, { timeout: 10_000 }));
    await user.type(input('Owner'), ' Ravi Shetty ');
    await user.click(log);
    await expect.poll(() => day.issues.list().length).toBe(1);
    const [issue] = day.issues.list();
    expect(issue).toEqual({
      id: expect.any(String),
      title: 'Generator 2 not starting',
      severity: 'critical',
      ownerName: 'Ravi Shetty',
      reportedByName: 'Kavya Reddy',
      reportedAt: expect.any(String),
      resolvedAt: null,
    });
    expect(issue && issue.reportedAt >= before).toBe(true);
    expect(await screen.findByText('Generator 2 not starting')).toBeTruthy();
    await expect.poll(() => input('Issue').value).toBe('');
    await expect.poll(() => input('Owner').value).toBe('');
    expect(screen.getByRole('combobox', { name: 'Severity' })).toHaveProperty('value', 'Medium');
  });

  it('makes the person logging it the owner when the owner is left blank', async () => {
    const { user, day, log } = renderIssueLog();
    await user.type(input('Issue'), 'Mic 3 crackling');
    await user.type(input('Owner'), '   ');
    await user.click(log);
    await expect.poll(() => day.issues.list().length).toBe(1);
    expect(day.issues.list()[0]).toMatchObject({
      title: 'Mic 3 crackling',
      severity: 'medium',
      ownerName: 'Kavya Reddy',
    });
  });
});
