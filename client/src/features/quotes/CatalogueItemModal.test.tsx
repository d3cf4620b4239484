// @vitest-environment happy-dom
import type { CatalogueItem } from '@mandap/shared/quotes';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { CatalogueItemForm } from './CatalogueItemModal.tsx';

afterEach(cleanup);

const CHADAR: CatalogueItem = {
  id: '0192f0a0-0000-7000-8000-00000000ca01',
  name: 'Phoolon ki chadar',
  category: 'decor',
  unit: 'nos',
  rateMinor: 4_500_000,
  taxClass: 'gst_18',
  sac: '998596',
  active: true,
};

const textbox = (name: string | RegExp) => screen.getByRole('textbox', { name }) as HTMLInputElement;

function renderItem(editing: CatalogueItem | null, answer: () => Promise<unknown> = async () => ({})) {
  const add = recorder(answer);
  const edit = recorder(answer);
  const done: string[] = [];
  const view = renderForm(
    <CatalogueItemForm editing={editing} onDone={() => done.push('closed')} add={add.submit} edit={edit.submit} />,
  );
  return { ...view, added: add.calls, edited: edit.calls, done };
}

describe('the catalogue-item form', { timeout: 60_000 }, () => {
  it('names a blank name and a SAC code that is not one under their fields, and sends nothing', async () => {
    const { user, added, edited } = renderItem(null);
    await user.clear(textbox('SAC / HSN code'));
    await user.type(textbox('SAC / HSN code'), '12');
    await user.click(screen.getByRole('button', { name: 'Add item' }));
    expect(await screen.findByText('Name the item')).toBeTruthy();
    expect(screen.getByText('A SAC/HSN code has 4 to 8 digits')).toBeTruthy();
    expect(textbox(/^Name/).getAttribute('aria-invalid')).toBe('true');
    expect(added).toEqual([]);
    expect(edited).toEqual([]);
  });

  it('adds the parsed item once even clicked twice: the name trimmed, the rate in paise, in INR', async () => {
    let release: () => void = () => {};
    const { user, added, done } = renderItem(null, () => new Promise<void>((resolve) => (release = resolve)));
    await user.type(textbox(/^Name/), '  Genda phool toran ');
    await user.type(textbox('Default rate (₹)'), '12500.5');
    const add = screen.getByRole('button', { name: 'Add item' });
    await user.click(add);
    await user.click(add);
    expect(added).toHaveLength(1);
    release();
    await expect.poll(() => done).toEqual(['closed']);
    expect(added[0]).toEqual({
      name: 'Genda phool toran',
      category: 'decor',
      unit: 'nos',
      rateMinor: 1_250_050,
      currency: 'INR',
      taxClass: 'gst_18',
      sac: '998596',
    });
  });

  it('an edit sends only the fields changed; nothing changed sends nothing and closes', async () => {
    const { user, edited, added, done } = renderItem(CHADAR);
    await user.clear(textbox('Default rate (₹)'));
    await user.type(textbox('Default rate (₹)'), '52000');
    await user.clear(textbox('Unit'));
    await user.type(textbox('Unit'), ' set ');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await expect.poll(() => done).toEqual(['closed']);
    expect(edited).toEqual([{ id: CHADAR.id, unit: 'set', rateMinor: 5_200_000 }]);
    expect(added).toEqual([]);
    cleanup();

    const same = renderItem(CHADAR);
    await same.user.click(screen.getByRole('button', { name: 'Save' }));
    await expect.poll(() => same.done).toEqual(['closed']);
    expect(same.edited).toEqual([]);
  });

  it("shows the server's refusal under the field and in the banner, and keeps what was typed", async () => {
    const { user, edited, done } = renderItem(CHADAR, async () => {
      throw new ApiError(422, 'unprocessable', 'Catalogue item not saved: check the name.', {
        name: 'another house item has this name',
      });
    });
    await user.clear(textbox(/^Name/));
    await user.type(textbox(/^Name/), 'Genda phool toran');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Another house item has this name')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Catalogue item not saved: check the name.');
    expect(textbox(/^Name/).value).toBe('Genda phool toran');
    expect(edited).toEqual([{ id: CHADAR.id, name: 'Genda phool toran' }]);
    expect(done).toEqual([]);
  });
});
