// @vitest-environment happy-dom
import { type CreateBroadcast, TEMPLATES } from '@mandap/shared/notifications';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { NewBroadcast } from './Broadcasts.tsx';
import type { BroadcastPreview } from './inbox.api.ts';

afterEach(cleanup);

const TEMPLATE_LIST: [readonly unknown[], unknown] = [
  ['notifications', 'templates'],
  { templates: TEMPLATES.map((t) => ({ ...t, variables: [...t.variables] })) },
];
const PREVIEW: BroadcastPreview = {
  matched: 12,
  recipients: 9,
  heldBack: 3,
  category: 'marketing',
  pricePerMessageMinor: 88,
  expectedCostMinor: 792,
  sample: 'Namaste Ananya, a few December dates are still open.',
};
const OFFER = 'a few December dates are still open.';

function renderBroadcast({
  preview = async () => PREVIEW,
  create = async () => ({ id: 'b1' }),
}: {
  preview?: (b: CreateBroadcast) => Promise<BroadcastPreview>;
  create?: (b: CreateBroadcast) => Promise<unknown>;
} = {}) {
  const previews = recorder(preview);
  const creates = recorder(create);
  const view = renderForm(<NewBroadcast preview={previews.submit} create={creates.submit} />, [TEMPLATE_LIST]);
  return {
    ...view,
    previewed: previews.calls,
    queued: creates.calls,
    previewButton: screen.getByRole('button', { name: 'Preview reach and cost' }),
    queueButton: screen.getByRole('button', { name: 'Queue broadcast' }),
  };
}

describe('the new-broadcast form', { timeout: 60_000 }, () => {
  it('names a too-short name and the blank template variable, and previews nothing', async () => {
    const { user, previewed, queued, previewButton, queueButton } = renderBroadcast();
    await user.type(screen.getByLabelText('Name'), 'W');
    await user.click(previewButton);
    expect(await screen.findByText('Use at least 2 characters')).toBeTruthy();
    expect(screen.getByText('Fill in offer')).toBeTruthy();
    expect(screen.getByLabelText('offer').getAttribute('aria-invalid')).toBe('true');
    expect(previewed).toEqual([]);
    expect(queueButton.hasAttribute('disabled')).toBe(true);
    expect(queued).toEqual([]);
  });

  it('previews once on Enter pressed twice, then queues the exact request once though clicked twice', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, previewed, queued, queueButton } = renderBroadcast({
      create: () => new Promise((resolve) => (answer = resolve)),
    });
    await user.type(screen.getByLabelText('Name'), ' Winter dates ');
    // The picker's wall clock is India time: 18:30 in Mumbai is 13:00 UTC.
    fireEvent.input(screen.getByLabelText('Send at (Asia/Kolkata)'), { target: { value: '2026-12-14T18:30' } });
    await user.type(screen.getByLabelText('offer'), `${OFFER}{Enter}{Enter}`);
    expect(await screen.findByText('9 will receive it')).toBeTruthy();
    expect(screen.getByText(/12 leads match; 3 held back by consent \(marketing messages\)/)).toBeTruthy();
    expect(screen.getByText(/Expected cost ₹7\.92 at ₹0\.88 each/)).toBeTruthy();
    const request = {
      name: 'Winter dates',
      template: 'broadcast_offer',
      variables: { offer: OFFER },
      segment: { excludeStages: ['lost'] },
      scheduledAt: '2026-12-14T13:00:00.000Z',
    };
    expect(previewed).toEqual([request]);

    await user.click(queueButton);
    await user.click(queueButton);
    expect(queued).toEqual([request]);
    answer({ id: 'b1' });
    // Queued: the form starts again, with no preview (so nothing can be queued twice by accident).
    await expect.poll(() => (screen.getByLabelText('Name') as HTMLInputElement).value).toBe('');
    expect(screen.queryByText('9 will receive it')).toBeNull();
    expect(queueButton.hasAttribute('disabled')).toBe(true);
    expect(queued).toHaveLength(1);
  });

  it('hides the preview when the broadcast is changed after it, so only what was previewed can be queued', async () => {
    const { user, queued, previewButton, queueButton } = renderBroadcast();
    await user.type(screen.getByLabelText('offer'), OFFER);
    await user.click(previewButton);
    expect(await screen.findByText('9 will receive it')).toBeTruthy();
    expect(queueButton.hasAttribute('disabled')).toBe(false);
    await user.type(screen.getByLabelText('offer'), ' Call us.');
    expect(screen.queryByText('9 will receive it')).toBeNull();
    expect(queueButton.hasAttribute('disabled')).toBe(true);
    expect(queued).toEqual([]);
  });

  it("shows the edge's refusal of the queueing, and keeps what was typed", async () => {
    const { user, queued, previewButton, queueButton } = renderBroadcast({
      create: async () => {
        throw new ApiError(422, 'unprocessable', 'Template broadcast_offer is missing {{offer}}.', {
          template: 'fill in its variables',
        });
      },
    });
    await user.type(screen.getByLabelText('Name'), 'Winter dates');
    await user.type(screen.getByLabelText('offer'), OFFER);
    await user.click(previewButton);
    await screen.findByText('9 will receive it');
    await user.click(queueButton);
    expect((await screen.findByRole('alert')).textContent).toBe('Template broadcast_offer is missing {{offer}}.');
    expect(screen.getByText('Fill in its variables')).toBeTruthy();
    expect((screen.getByLabelText('Name') as HTMLInputElement).value).toBe('Winter dates');
    expect((screen.getByLabelText('offer') as HTMLInputElement).value).toBe(OFFER);
    expect(queued).toHaveLength(1);
  });
});
