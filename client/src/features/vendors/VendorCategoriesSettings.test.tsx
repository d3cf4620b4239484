// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { VendorCategoriesSettings } from './VendorCategoriesSettings.tsx';

afterEach(cleanup);

const BUILT_IN = [{ key: 'decor', label: 'Décor', builtIn: true }];
const field = () => screen.getByRole('textbox', { name: 'New category' }) as HTMLInputElement;

function renderCategories(answer: (label: string) => Promise<unknown> = async () => ({})) {
  const { calls, submit } = recorder(answer);
  const view = renderForm(<VendorCategoriesSettings add={submit} />, [
    [['vendors', 'categories'], { categories: BUILT_IN }],
  ]);
  return { ...view, sent: calls };
}

describe('settings: adding a vendor category', { timeout: 60_000 }, () => {
  it('names a one-letter category under the field, and adds nothing', async () => {
    const { user, sent } = renderCategories();
    expect(screen.getByText('Décor')).toBeTruthy();
    await user.type(field(), 'T');
    await user.click(screen.getByRole('button', { name: 'Add category' }));
    expect(await screen.findByText('The category needs a name')).toBeTruthy();
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });

  it('adds the trimmed name once even clicked twice, shows its key, and clears the field', async () => {
    let release: () => void = () => {};
    const { user, sent } = renderCategories(() => new Promise<void>((resolve) => (release = resolve)));
    await user.type(field(), '  Tent & fabric ');
    expect(screen.getByText('Key: tent_fabric')).toBeTruthy();
    const add = screen.getByRole('button', { name: 'Add category' });
    await user.click(add);
    await user.click(add);
    expect(sent).toEqual(['Tent & fabric']);
    release();
    await expect.poll(() => field().value).toBe('');
  });

  it("shows the server's refusal under the field and in the banner, and keeps what was typed", async () => {
    const { user, sent } = renderCategories(async () => {
      throw new ApiError(409, 'conflict', 'Tent & fabric is already a category.', { label: 'already a category' });
    });
    await user.type(field(), 'Tent & fabric');
    await user.click(screen.getByRole('button', { name: 'Add category' }));
    expect(await screen.findByText('Already a category')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Tent & fabric is already a category.');
    expect(field().value).toBe('Tent & fabric');
    expect(sent).toHaveLength(1);
  });
});
