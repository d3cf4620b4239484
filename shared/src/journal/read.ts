import type { DomainEventData, DomainEventType } from './domain-events.ts';

/**
 * Readers of the journal (the lead history, the live feeds) ask "is this line that domain event?"
 * through here rather than comparing a name to a plain string: the name is checked against the
 * catalogue, so a renamed event fails the typecheck, and the payload is typed as the catalogue
 * writes it. No zod here: the client imports it without the schemas.
 */
export function isDomainEvent<T extends DomainEventType>(
  line: { type: string; payload: unknown },
  name: T,
): line is { type: T; payload: DomainEventData<T> } {
  return line.type === name;
}
