import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decideLeadDocAccess } from '../access/docs.ts';
import { briefDoc, encodeBriefContent, openBriefSnapshot, restoreBriefSnapshot } from './brief.ts';
import { CHECKLIST_TEMPLATES, instantiateTemplate } from './checklist-templates.ts';
import { checklistProgress, dayofDoc, progressByChecklist } from './dayof.ts';
import { briefStorageName, formatDocName, formatLeadBriefName, parseAnyDocName, parseDocName } from './names.ts';
import { compareTasks, type TaskSortKey } from './task-sort.ts';
import { buildTaskTree, isTaskOverdue, type Task, tasksDoc, todayInKolkata } from './tasks.ts';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const task = (over: Partial<Task>): Task => ({
  id: 't',
  title: 'Book the dhol',
  status: 'todo',
  priority: 'medium',
  assigneeId: null,
  assigneeName: null,
  due: null,
  parentId: null,
  order: 'a0',
  createdAt: '2026-11-01T10:00:00.000Z',
  createdBy: 'u1',
  ...over,
});

describe('document names', () => {
  it('round-trips and refuses anything else', () => {
    const id = '0190a7b2-1c3d-7e4f-8a9b-0c1d2e3f4a5b';
    expect(parseDocName(formatDocName(id, 'tasks'))).toEqual({ eventId: id, kind: 'tasks' });
    expect(parseDocName(`event:${id}:notes`)).toBeNull();
    expect(parseDocName('event:x:brief')).toBeNull();
  });

  it('names lead briefs, which a converted event keeps using', () => {
    const lead = '0190a7b2-1c3d-7e4f-8a9b-0c1d2e3f4a5c';
    const event = '0190a7b2-1c3d-7e4f-8a9b-0c1d2e3f4a5b';
    expect(parseAnyDocName(formatLeadBriefName(lead))).toEqual({ scope: 'lead', leadId: lead, kind: 'brief' });
    expect(parseAnyDocName(`lead:${lead}:tasks`)).toBeNull();
    expect(parseAnyDocName(formatDocName(event, 'dayof'))).toEqual({ scope: 'event', eventId: event, kind: 'dayof' });
    expect(briefStorageName(event, lead)).toBe(`lead:${lead}:brief`);
    expect(briefStorageName(event, null)).toBe(`event:${event}:brief`);
  });

  it('lets staff who change leads edit a lead brief, readers read it, outsiders nothing', () => {
    expect(decideLeadDocAccess('sales')).toBe('rw');
    expect(decideLeadDocAccess('manager')).toBe('rw');
    expect(decideLeadDocAccess('operations')).toBe('ro');
    expect(decideLeadDocAccess('finance')).toBe('ro');
    expect(decideLeadDocAccess('vendor')).toBe('refuse');
    expect(decideLeadDocAccess('client')).toBe('refuse');
  });
});

describe('collections', () => {
  it('two people editing different fields of one task both win', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    tasksDoc(a).tasks.put(task({ id: 't1' }));
    sync(a, b);
    tasksDoc(a).tasks.patch('t1', { title: 'Book the dhol and shehnai' });
    tasksDoc(b).tasks.patch('t1', { assigneeId: 'u2', assigneeName: 'Kavya' });
    sync(a, b);
    for (const d of [a, b]) {
      expect(tasksDoc(d).tasks.get('t1')).toMatchObject({ title: 'Book the dhol and shehnai', assigneeName: 'Kavya' });
    }
  });

  it('skips records a broken peer wrote', () => {
    const d = new Y.Doc();
    const t = tasksDoc(d);
    t.tasks.put(task({ id: 'good' }));
    const bad = new Y.Map<unknown>();
    t.tasks.root.set('bad', bad);
    bad.set('priority', 'whenever');
    expect(t.tasks.list().map((x) => x.id)).toEqual(['good']);
  });

  it('two people opening an empty board create the same four columns', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    tasksDoc(a).ensureColumns();
    tasksDoc(b).ensureColumns();
    sync(a, b);
    expect(
      tasksDoc(a)
        .boardColumns()
        .map((c) => c.label),
    ).toEqual(['To do', 'In progress', 'Blocked', 'Done']);
    expect(tasksDoc(b).columns.list()).toHaveLength(4);
  });
});

describe('task rules', () => {
  it('overdue means due before today and not done', () => {
    const done = new Set(['done']);
    expect(isTaskOverdue(task({ due: '2026-11-10' }), '2026-11-11', done)).toBe(true);
    expect(isTaskOverdue(task({ due: '2026-11-11' }), '2026-11-11', done)).toBe(false);
    expect(isTaskOverdue(task({ due: '2026-11-10', status: 'done' }), '2026-11-11', done)).toBe(false);
    expect(isTaskOverdue(task({ due: null }), '2026-11-11', done)).toBe(false);
  });

  it('nests subtasks and lifts orphans and loops to the top', () => {
    const tree = buildTaskTree([
      task({ id: 'a', order: 'a0' }),
      task({ id: 'a1', parentId: 'a', order: 'a0' }),
      task({ id: 'a2', parentId: 'a', order: 'Zz' }),
      task({ id: 'orphan', parentId: 'gone', order: 'a1' }),
      task({ id: 'x', parentId: 'y', order: 'a2' }),
      task({ id: 'y', parentId: 'x', order: 'a3' }),
    ]);
    expect(tree.map((n) => n.task.id)).toEqual(['a', 'orphan', 'x', 'y']);
    expect(tree[0]?.children.map((n) => n.task.id)).toEqual(['a2', 'a1']);
  });

  it('knows today in Mumbai', () => {
    expect(todayInKolkata(new Date('2026-11-11T20:00:00Z'))).toBe('2026-11-12');
  });
});

describe('event-day checklists', () => {
  it('instantiates a template per function and counts progress', () => {
    let n = 0;
    const wedding = CHECKLIST_TEMPLATES.find((t) => t.key === 'wedding');
    if (!wedding) throw new Error('no wedding template');
    const { checklists, items } = instantiateTemplate(wedding, 'Sangeet', null, () => `id${n++}`);
    expect(checklists[0]?.title).toBe('Sangeet — Mandap & stage');
    expect(items.filter((i) => i.checklistId === checklists[0]?.id)).toHaveLength(4);
    const d = new Y.Doc();
    const day = dayofDoc(d);
    for (const c of checklists) day.checklists.put(c);
    for (const i of items) day.items.put(i);
    const first = items[0];
    if (!first) throw new Error('no items');
    day.items.patch(first.id, { doneAt: '2026-11-12T12:00:00.000Z', doneById: 'u1', doneByName: 'Ops' });
    expect(checklistProgress(day.items.list())).toEqual({ done: 1, total: 16, percent: 6 });
    expect(progressByChecklist(checklists, day.items.list()).get(checklists[0]?.id ?? '')?.done).toBe(1);
  });

  it('ticks made apart merge', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const base = { checklistId: 'c', doneById: null, doneByName: null, doneAt: null };
    dayofDoc(a).items.put({ id: 'i1', label: 'Mics', order: 'a0', ...base });
    dayofDoc(a).items.put({ id: 'i2', label: 'Lights', order: 'a1', ...base });
    sync(a, b);
    dayofDoc(a).items.patch('i1', { doneAt: 'now', doneById: 'u1', doneByName: 'A' });
    dayofDoc(b).items.patch('i2', { doneAt: 'now', doneById: 'u2', doneByName: 'B' });
    sync(a, b);
    expect(checklistProgress(dayofDoc(b).items.list()).done).toBe(2);
  });
});

describe('brief snapshots', () => {
  it('a named snapshot keeps the text and fields as they were and can be restored', () => {
    const d = new Y.Doc();
    const brief = briefDoc(d);
    const para = new Y.XmlElement('paragraph');
    para.insert(0, [new Y.XmlText('Mehendi on the lawn')]);
    brief.text.insert(0, [para]);
    brief.setField('budgetMinor', 25_00_000_00);
    brief.functions.put({ id: 'f1', name: 'Mehendi', date: '2026-12-01', guestCount: 120, venue: 'Lawn', order: 'a0' });
    const state = encodeBriefContent(d);
    brief.snapshots.put({ id: 's1', name: 'As sent on 12 Nov', createdAt: 'x', createdBy: 'u', state });

    (brief.text.get(0) as Y.XmlElement).delete(0, 1);
    brief.setField('budgetMinor', 1);
    brief.functions.remove('f1');

    expect(briefDoc(openBriefSnapshot(state)).text.toString()).toContain('Mehendi on the lawn');
    restoreBriefSnapshot(d, state);
    expect(brief.text.toString()).toContain('Mehendi on the lawn');
    expect(brief.fields().budgetMinor).toBe(25_00_000_00);
    expect(brief.functions.get('f1')?.guestCount).toBe(120);
    expect(brief.snapshots.list()).toHaveLength(1);
  });
});

describe('task list sorting', () => {
  const list = [
    task({ id: 'a', title: 'Tent', due: null, priority: 'low', assigneeName: null }),
    task({ id: 'b', title: 'Band', due: '2026-12-02', priority: 'urgent', assigneeName: 'Sneha' }),
    task({ id: 'c', title: 'Anchor', due: '2026-11-30', priority: 'medium', assigneeName: 'Aditya' }),
  ];
  const order = (key: TaskSortKey) => [...list].sort((x, y) => compareTasks(key, x, y)).map((t) => t.id);

  it('sorts by due (undated last), priority (urgent first), assignee (unassigned last), title', () => {
    expect(order('due')).toEqual(['c', 'b', 'a']);
    expect(order('priority')).toEqual(['b', 'c', 'a']);
    expect(order('assignee')).toEqual(['c', 'b', 'a']);
    expect(order('title')).toEqual(['c', 'b', 'a']);
  });
});

describe('configurable board columns', () => {
  it('adds, renames and reorders columns, and keeps columns that hold tasks', () => {
    const board = tasksDoc(new Y.Doc());
    const waiting = board.addColumn('  Waiting on client ');
    expect(board.boardColumns().map((c) => c.label)).toEqual([
      'To do',
      'In progress',
      'Blocked',
      'Done',
      'Waiting on client',
    ]);
    board.renameColumn('blocked', 'Stuck');
    board.moveColumn(waiting, -1);
    board.moveColumn('todo', -1);
    expect(board.boardColumns().map((c) => c.label)).toEqual([
      'To do',
      'In progress',
      'Stuck',
      'Waiting on client',
      'Done',
    ]);

    board.tasks.put(task({ id: 't1', status: waiting }));
    expect(board.whyKeepColumn(waiting, board.tasks.list())).toMatch(/Move its 1 task/);
    expect(board.removeColumn(waiting)).toBe(false);
    expect(board.whyKeepColumn('done', board.tasks.list())).toMatch(/done tasks/);
    expect(board.removeColumn('blocked')).toBe(true);
    expect(board.boardColumns().map((c) => c.id)).not.toContain('blocked');
  });

  it('merges two people reordering different columns at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    tasksDoc(a).ensureColumns();
    sync(a, b);
    tasksDoc(a).moveColumn('done', -1);
    tasksDoc(b).moveColumn('todo', 1);
    sync(a, b);
    const labels = (d: Y.Doc) =>
      tasksDoc(d)
        .boardColumns()
        .map((c) => c.id);
    expect(labels(a)).toEqual(labels(b));
    expect(labels(a)).toHaveLength(4);
  });
});
