/** The client's event page and its live updates. */
export {
  bookingTimeline,
  type CreatePortalLink,
  clientLiveUpdate,
  type LiveArea,
  type LiveUpdate,
  PORTAL_PURPOSE,
  type PortalLink,
  type PortalView,
  type PreparationMilestone,
  ZCreatePortalLink,
  ZCreatePreparationMilestone,
  ZLiveUpdate,
  ZPortalLink,
  ZPortalView,
  ZPreparationMilestone,
  ZUpdatePreparationMilestone,
} from './portal.ts';
