import { newId } from '@mandap/shared/common';
import { type DayofDoc, ZClockTime, ZCue } from '@mandap/shared/docs';
import { Button, Card, Group, NumberInput, Stack, TextInput } from '@mantine/core';
import { fieldError, requestForm, useField, useSubmit, useZodForm } from '../../../ui/form.ts';

/** A cue as typed: the time as the time box holds it (`19:30`), the minutes as a number box. */
interface CueValues {
  title: string;
  startMin: string;
  durationMin: number | string;
  ownerName: string;
}

/** The cue the document holds (its shared schema), with the start typed as a time of day. */
const ZCueForm = requestForm(
  ZCue.pick({ title: true, durationMin: true, ownerName: true }).extend({ startMin: ZClockTime }),
  (v: CueValues) => ({
    title: v.title,
    startMin: v.startMin,
    durationMin: typeof v.durationMin === 'number' ? v.durationMin : Number.NaN,
    ownerName: v.ownerName,
  }),
  { startMin: 'enter the cue time' },
);

const BLANK: CueValues = { title: '', startMin: '', durationMin: 30, ownerName: '' };

/** Adds a cue to the run of show (written into the shared document, so it works with no signal). */
export function AddCueForm({ day }: { day: DayofDoc }) {
  const form = useZodForm(ZCueForm, BLANK);
  const minutes = useField(form, 'durationMin');
  const { errors } = form.formState;
  const { onSubmit } = useSubmit(form, (cue) => {
    day.cues.put({ id: newId(), ...cue, done: false });
    form.reset(BLANK);
    form.setFocus('title');
  });

  return (
    <Card withBorder radius="md" padding="sm">
      <form onSubmit={onSubmit} noValidate aria-label="Add a cue">
        <Stack gap="xs">
          <TextInput
            size="md"
            aria-label="Cue"
            placeholder="Cue, e.g. Baraat arrives"
            {...form.register('title')}
            error={fieldError(errors.title?.message)}
          />
          <Group gap="xs" grow align="flex-start">
            <TextInput
              size="md"
              type="time"
              aria-label="Cue time"
              {...form.register('startMin')}
              error={fieldError(errors.startMin?.message)}
            />
            <NumberInput
              size="md"
              aria-label="Minutes"
              suffix=" min"
              min={0}
              allowDecimal={false}
              allowNegative={false}
              {...minutes}
            />
            <TextInput
              size="md"
              aria-label="Cue owner"
              placeholder="Owner"
              {...form.register('ownerName')}
              error={fieldError(errors.ownerName?.message)}
            />
          </Group>
          <Button size="md" type="submit">
            Add cue
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
