// @vitest-environment happy-dom
import { type AssignedVendor, dayofDoc } from '@mandap/shared/docs';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { renderForm } from '../../../ui/testing.tsx';
import { ArrivalsLog } from './ArrivalsLog.tsx';

afterEach(cleanup);

const ME = { id: 'u-ops', name: 'Kavya Reddy', color: '#a33' };
const EVENT = 'ev-1';

/** The arrivals log on a real document; the event's booked vendors come from the query cache, never the edge. */
function renderArrivals(booked: AssignedVendor[] = []) {
  const day = dayofDoc(new Y.Doc());
  const view = renderForm(<ArrivalsLog eventId={EVENT} day={day} me={ME} readOnly={false} />, [
    [['workspace', 'event-vendors', EVENT], { vendors: booked }],
  ]);
  return { ...view, day };
}

const input = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

describe('adding a vendor who is not booked to the arrival log', { timeout: 60_000 }, () => {
  it('names the vendor and the expected time under their fields, and writes nothing', async () => {
    const { user, day } = renderArrivals();
    await user.click(screen.getByRole('button', { name: 'Someone not booked? Add them' }));
    await user.type(input('Scope'), 'Florals');
    await user.click(screen.getByRole('button', { name: 'Add expected vendor' }));
    expect(await screen.findByText('Name the vendor')).toBeTruthy();
    expect(screen.getByText('Enter when they are expected')).toBeTruthy();
    expect(input('Vendor').getAttribute('aria-invalid')).toBe('true');
    expect(input('Expected at').getAttribute('aria-invalid')).toBe('true');
    expect(day.arrivals.list()).toEqual([]);
  });

  it('writes one entry with the parsed values, shows it, and clears the inputs', async () => {
    const { user, day } = renderArrivals();
    await user.click(screen.getByRole('button', { name: 'Someone not booked? Add them' }));
    await user.type(input('Vendor'), ' Shree Decorators ');
    await user.type(input('Scope'), ' Florals ');
    await user.type(input('Expected at'), '09:30');
    await user.click(screen.getByRole('button', { name: 'Add expected vendor' }));
    await expect.poll(() => day.arrivals.list().length).toBe(1);
    expect(day.arrivals.list()[0]).toEqual({
      id: expect.any(String),
      assignmentId: null,
      vendorName: 'Shree Decorators',
      scope: 'Florals',
      expectedMin: 9 * 60 + 30,
      actualMin: null,
      loggedByName: null,
    });
    expect(await screen.findByText('Shree Decorators')).toBeTruthy();
    expect(screen.getByText('Florals · expected 09:30')).toBeTruthy();
    await expect.poll(() => input('Vendor').value).toBe('');
    await expect.poll(() => input('Scope').value).toBe('');
    await expect.poll(() => input('Expected at').value).toBe('');
  });
});

describe('expecting a vendor booked for the event', { timeout: 60_000 }, () => {
  const GULMOHAR: AssignedVendor = {
    assignmentId: 'asg-7',
    vendorName: 'Gulmohar Florists',
    scope: 'Mandap florals',
    status: 'confirmed',
    arrivalExpectedAt: null,
  };

  it('asks for the time under its field when the assignment has none, and writes nothing', async () => {
    const { user, day } = renderArrivals([GULMOHAR]);
    await user.click(await screen.findByRole('button', { name: 'Expect' }));
    expect(await screen.findByText('Enter when they are expected')).toBeTruthy();
    expect(input('Gulmohar Florists expected at').getAttribute('aria-invalid')).toBe('true');
    expect(day.arrivals.list()).toEqual([]);
  });

  it("writes the assignment's entry at the typed time, once, and takes the vendor off the booked list", async () => {
    const { user, day } = renderArrivals([GULMOHAR]);
    await user.type(await screen.findByLabelText('Gulmohar Florists expected at'), '07:45');
    await user.click(screen.getByRole('button', { name: 'Expect' }));
    await expect
      .poll(() => day.arrivals.list())
      .toEqual([
        {
          id: 'va-asg-7',
          assignmentId: 'asg-7',
          vendorName: 'Gulmohar Florists',
          scope: 'Mandap florals',
          expectedMin: 7 * 60 + 45,
          actualMin: null,
          loggedByName: null,
        },
      ]);
    await expect.poll(() => screen.queryByRole('button', { name: 'Expect' })).toBeNull();
    expect(screen.getByText('Mandap florals · expected 07:45')).toBeTruthy();
  });
});
