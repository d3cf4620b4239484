// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { type AssignmentRule, AssignmentRuleForm, EMPTY_RULE } from './AssignmentRuleForm.tsx';

afterEach(cleanup);

const KAVYA = '0192f0a0-0000-7000-8000-0000000000a1';
const OWNERS = {
  owners: [
    { id: KAVYA, name: 'Kavya Reddy', role: 'sales' },
    { id: '0192f0a0-0000-7000-8000-0000000000a2', name: 'Meera Iyer', role: 'manager' },
  ],
};

function renderRule(answer: (r: AssignmentRule) => Promise<unknown> = async () => ({})) {
  const { calls, submit } = recorder(answer);
  const done: true[] = [];
  const view = renderForm(
    <AssignmentRuleForm initial={EMPTY_RULE} isNew save={submit} onDone={() => done.push(true)} />,
    [[['leads', 'owners'], OWNERS]],
  );
  return { ...view, sent: calls, done, add: screen.getByRole('button', { name: 'Add rule' }) };
}

async function pickOwner(user: ReturnType<typeof renderRule>['user'], name: string) {
  await user.click(screen.getByRole('combobox', { name: 'Goes to' }));
  await user.click(await screen.findByRole('option', { name }, { timeout: 10_000 }));
}

describe('the assignment-rule form', { timeout: 60_000 }, () => {
  it('asks for the sales person under "Goes to", and sends nothing', async () => {
    const { user, sent, add } = renderRule();
    await user.type(screen.getByRole('textbox', { name: 'City' }), 'Nashik');
    await user.click(add);
    expect(await screen.findByText('Choose the sales person who gets these leads')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it("asks for at least one condition under Source (the request's own rule), and sends nothing", async () => {
    const { user, sent, add } = renderRule();
    await pickOwner(user, 'Kavya Reddy');
    await user.click(add);
    expect(
      await screen.findByText('Give at least one condition (source, city or event type); round-robin covers the rest'),
    ).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('offers only sales people, and sends the rule once: the city trimmed, unset conditions null', async () => {
    let answer: (v: unknown) => void = () => {};
    const { user, sent, done, add } = renderRule(() => new Promise((resolve) => (answer = resolve)));
    await user.type(screen.getByRole('textbox', { name: 'City' }), '  Nashik ');
    await user.click(screen.getByRole('combobox', { name: 'Goes to' }));
    expect(screen.queryByRole('option', { name: 'Meera Iyer' })).toBeNull();
    await user.click(await screen.findByRole('option', { name: 'Kavya Reddy' }, { timeout: 10_000 }));
    await user.click(add);
    await user.click(add);
    expect(add.hasAttribute('disabled')).toBe(true);
    answer({});
    await expect.poll(() => done).toEqual([true]);
    expect(sent).toEqual([{ ownerId: KAVYA, source: null, city: 'Nashik', eventType: null }]);
  });

  it("shows the server's refusal and keeps the rule as typed", async () => {
    const { user, sent, done, add } = renderRule(async () => {
      throw new ApiError(400, 'validation_failed', 'Kavya Reddy is not an active sales person.');
    });
    await user.type(screen.getByRole('textbox', { name: 'City' }), 'Nashik');
    await pickOwner(user, 'Kavya Reddy');
    await user.click(add);
    expect((await screen.findByRole('alert')).textContent).toBe('Kavya Reddy is not an active sales person.');
    expect((screen.getByRole('textbox', { name: 'City' }) as HTMLInputElement).value).toBe('Nashik');
    expect((screen.getByRole('combobox', { name: 'Goes to' }) as HTMLInputElement).value).toBe('Kavya Reddy');
    expect(sent).toHaveLength(1);
    expect(done).toEqual([]);
  });
});
