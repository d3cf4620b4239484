// Events have one owner (features/events); payments reads visibility from there.
export { type EventRow, loadVisibleEvent } from '../events/events.service.ts';
