/** Event documents: brief, run of show, tasks, checklists, day-of, arrivals. */
export { type AssignedVendor, arrivalForAssignment, minutesInKolkata, vendorsNotOnLog } from './arrivals.ts';
export {
  BRIEF_TEXT_FIELD,
  type BriefDoc,
  type BriefFields,
  type BriefSnapshot,
  briefDoc,
  encodeBriefContent,
  openBriefSnapshot,
  restoreBriefSnapshot,
  ZBriefComment,
  ZBriefSnapshot,
} from './brief.ts';
export {
  type BriefRecordPart,
  clearLegacyBrief,
  type LegacyBrief,
  legacyBriefPatch,
  readLegacyBrief,
} from './brief-legacy.ts';
export {
  CHECKLIST_TEMPLATES,
  type ChecklistTemplate,
  instantiateTemplate,
  ZChecklistTemplateKey,
} from './checklist-templates.ts';
export { type Collection, collection } from './collection.ts';
export {
  arrivalDelay,
  type Checklist,
  type ChecklistItem,
  type Cue,
  checklistProgress,
  type DayofDoc,
  dayofDoc,
  ISSUE_SEVERITIES,
  type IssueSeverity,
  type Progress,
  progressByChecklist,
  type VendorArrival,
  ZChecklist,
  ZChecklistItem,
  ZCue,
  ZDayIssue,
  ZVendorArrival,
} from './dayof.ts';
export {
  type AnyDocName,
  briefStorageName,
  DOC_KINDS,
  type DocKind,
  type DocName,
  formatDocName,
  formatLeadBriefName,
  type LeadDocName,
  parseAnyDocName,
  parseDocName,
} from './names.ts';
export { type Ordered, orderKeyAtEnd, orderKeyForMove, sortByOrder } from './ordering.ts';
export { type CueTiming, formatCueTime, moveCue, parseCueTime, sortCues, ZClockTime } from './run-of-show.ts';
export { type BriefShareSubject, formatBriefShareSubject, parseBriefShareToken } from './share-token.ts';
export { compareTasks, type TaskSortKey } from './task-sort.ts';
export {
  buildTaskTree,
  DEFAULT_TASK_COLUMNS,
  isTaskOverdue,
  TASK_PRIORITIES,
  type Task,
  type TaskColumn,
  type TaskNode,
  type TaskPriority,
  type TasksDoc,
  tasksDoc,
  todayInKolkata,
  ZTask,
  ZTaskColumn,
  ZTaskComment,
} from './tasks.ts';
