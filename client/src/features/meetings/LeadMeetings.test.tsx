// @vitest-environment happy-dom
import type { Meeting, MeetingOutcome, ScheduleMeeting } from '@mandap/shared/calendar';
import { indiaInstantIso } from '@mandap/shared/time';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { recorder, renderForm } from '../../ui/testing.tsx';
import { Outcome, ScheduleMeetingForm } from './LeadMeetings.tsx';

afterEach(cleanup);

const LEAD_ID = '0192f0a0-0000-7000-8000-00000000d001';
const MEETING = {
  id: '0192f0a0-0000-7000-8000-00000000b001',
  leadId: LEAD_ID,
  eventId: null,
  title: 'Meeting with Meera Kulkarni',
  startsAt: '2026-12-14T04:30:00.000Z',
  endsAt: '2026-12-14T05:15:00.000Z',
  status: 'scheduled',
  outcome: null,
} as unknown as Meeting;

const textbox = (name: string | RegExp) => screen.getByRole('textbox', { name }) as HTMLInputElement;

function renderSchedule(answer: (m: ScheduleMeeting) => Promise<unknown> = async () => ({})) {
  const { calls, submit } = recorder(answer);
  const view = renderForm(
    <ScheduleMeetingForm leadId={LEAD_ID} leadName="Meera Kulkarni" email="meera@example.in" schedule={submit} />,
  );
  return { ...view, sent: calls };
}

function renderOutcome(answer: (o: MeetingOutcome) => Promise<unknown> = async () => ({})) {
  const { calls, submit } = recorder(answer);
  const view = renderForm(<Outcome meeting={MEETING} leadId={LEAD_ID} save={submit} />);
  return { ...view, sent: calls };
}

describe('scheduling a meeting with a lead', { timeout: 60_000 }, () => {
  it('asks for the day and time and the length under their fields, and sends nothing', async () => {
    const { user, sent } = renderSchedule();
    await user.clear(textbox('Minutes'));
    await user.click(screen.getByRole('button', { name: 'Schedule meeting' }));
    expect(await screen.findByText('Pick the day and time')).toBeTruthy();
    expect(screen.getByText('Enter the length in minutes')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('sends the parsed meeting once even clicked twice: the India time as an instant, the lead invited', async () => {
    let release: () => void = () => {};
    const { user, sent } = renderSchedule(() => new Promise<void>((resolve) => (release = resolve)));
    await user.click(screen.getByRole('button', { name: 'When' }));
    // The 15th of the month the picker opens on (whatever today is), at 10:30 in India.
    const day = screen.getAllByRole('button').find((b) => b.textContent === '15')!;
    const [, monthName, year] = day.getAttribute('aria-label')!.split(' ');
    const month = String(new Date(`${monthName} 1, ${year}`).getMonth() + 1).padStart(2, '0');
    await user.click(day);
    const [hours, minutes] = screen.getAllByRole('spinbutton');
    await user.type(hours!, '10');
    await user.type(minutes!, '30');
    await user.click(document.querySelector<HTMLButtonElement>('.mantine-DateTimePicker-submitButton')!);
    await user.clear(textbox('Minutes'));
    await user.type(textbox('Minutes'), '60');
    await user.type(textbox('Where (blank for online)'), '  Juhu office ');
    const schedule = screen.getByRole('button', { name: 'Schedule meeting' });
    await user.click(schedule);
    await user.click(schedule);
    expect(sent).toHaveLength(1);
    release();
    await expect.poll(() => schedule.hasAttribute('data-loading')).toBe(false);
    expect(sent[0]).toEqual({
      leadId: LEAD_ID,
      title: 'Meeting with Meera Kulkarni',
      startsAt: indiaInstantIso(`${year}-${month}-15T10:30`),
      durationMinutes: 60,
      location: 'Juhu office',
      attendees: [{ name: 'Meera Kulkarni', email: 'meera@example.in', phone: null }],
    });
  });
});

describe("a meeting's outcome", { timeout: 60_000 }, () => {
  it('asks what was discussed and refuses a link that is not one, and sends nothing', async () => {
    const { user, sent } = renderOutcome();
    await user.type(textbox(/^References shown/), 'https://');
    await user.click(screen.getByRole('button', { name: 'Save to the timeline' }));
    expect(await screen.findByText('Write what was discussed')).toBeTruthy();
    expect(textbox('Notes').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Must be a link (https://…)')).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it('sends the parsed outcome once even clicked twice: one reference per line, links as links', async () => {
    let release: () => void = () => {};
    const { user, sent } = renderOutcome(() => new Promise<void>((resolve) => (release = resolve)));
    await user.type(textbox('Notes'), '  Walked through the sangeet stage ');
    await user.type(
      textbox(/^References shown/),
      'Marigold moodboard{Enter}  https://example.in/stage  {Enter}{Enter}',
    );
    await user.type(textbox("The client's reactions"), 'Loved the backdrop');
    const save = screen.getByRole('button', { name: 'Save to the timeline' });
    await user.click(save);
    await user.click(save);
    expect(sent).toHaveLength(1);
    release();
    await expect.poll(() => save.hasAttribute('data-loading')).toBe(false);
    expect(sent[0]).toEqual({
      notes: 'Walked through the sangeet stage',
      references: [
        { title: 'Marigold moodboard', url: null },
        { title: 'https://example.in/stage', url: 'https://example.in/stage' },
      ],
      reactions: 'Loved the backdrop',
      decisions: '',
    });
  });

  it("shows the server's refusal under the field and in the banner, and keeps what was typed", async () => {
    const { user, sent } = renderOutcome(async () => {
      throw new ApiError(422, 'unprocessable', 'Outcome not saved: the notes are too long.', {
        notes: 'keep the notes under 10,000 characters',
      });
    });
    await user.type(textbox('Notes'), 'Decor budget agreed');
    await user.click(screen.getByRole('button', { name: 'Save to the timeline' }));
    expect(await screen.findByText('Keep the notes under 10,000 characters')).toBeTruthy();
    expect(within(screen.getByRole('alert')).getByText('Outcome not saved: the notes are too long.')).toBeTruthy();
    expect(textbox('Notes').value).toBe('Decor budget agreed');
    expect(sent).toHaveLength(1);
  });
});
