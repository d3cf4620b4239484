/** Domain events: the typed catalogue of what happened, as the log records it. */
export {
  DOMAIN_EVENT_TYPES,
  DOMAIN_EVENTS,
  type DomainEventData,
  type DomainEventName,
  type DomainEventPayload,
  type DomainEventType,
  domainEventPayloadProblem,
  isDomainEventType,
  type PipelineDetail,
  parseDomainEvent,
} from './domain-events.ts';
export { isDomainEvent } from './read.ts';
