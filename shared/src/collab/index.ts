/** Collaborative documents: projections, presence, re-authentication. */
export {
  type ChecklistProjectionRow,
  COLLAB_ACCESS_EVENT_TYPES,
  type CollabAccessChange,
  type CollabProjection,
  type CollabProjectionBatch,
  collabInternalSecret,
  type TaskProjectionRow,
  ZCollabAccessChange,
  ZCollabProjection,
  ZCollabProjectionBatch,
  ZCollabProjectionResult,
  ZTaskProjectionRow,
} from './internal.ts';
export { colorFor } from './presence-color.ts';
export { diffTasks } from './projections.ts';
export { encodeReauth } from './reauth.ts';
