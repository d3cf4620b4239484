import { formatDocName, tasksDoc as openTasksDoc } from '@mandap/shared/docs';
import { Group, SegmentedControl, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { FullPageLoader } from '../../../app/FullPageLoader.tsx';
import { DocHeader } from '../collab/DocHeader.tsx';
import type { PresenceUser } from '../collab/presence.ts';
import { useWorkspaceDoc } from '../useWorkspaceDoc.ts';
import { ColumnsEditor } from './ColumnsEditor.tsx';
import { KanbanBoard } from './KanbanBoard.tsx';
import { TaskDrawer } from './TaskDrawer.tsx';
import { AddTaskForm } from './TaskDrawerForms.tsx';
import { TaskListView } from './TaskListView.tsx';
import { useBoard } from './useBoard.ts';

function Board({
  eventId,
  tasks,
  me,
  readOnly,
}: {
  eventId: string;
  tasks: ReturnType<typeof openTasksDoc>;
  me: PresenceUser;
  readOnly: boolean;
}) {
  const board = useBoard(tasks, readOnly);
  const [view, setView] = useState<'board' | 'list'>('board');
  const [openId, setOpenId] = useState<string | null>(null);
  const first = board.columns[0]?.id ?? 'todo';

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        {!readOnly && (
          <AddTaskForm
            tasksDoc={tasks}
            siblings={board.topLevel.filter((t) => t.status === first)}
            firstColumn={first}
            me={me}
            style={{ flex: 1, maxWidth: 460 }}
          />
        )}
        <Group gap="xs">
          {!readOnly && <ColumnsEditor tasksDoc={tasks} board={board} />}
          <SegmentedControl
            value={view}
            onChange={(v) => setView(v as 'board' | 'list')}
            data={[
              { value: 'board', label: 'Board' },
              { value: 'list', label: 'List' },
            ]}
          />
        </Group>
      </Group>
      {view === 'board' ? (
        <KanbanBoard tasksDoc={tasks} board={board} onOpen={setOpenId} readOnly={readOnly} />
      ) : (
        <TaskListView board={board} onOpen={setOpenId} />
      )}
      <TaskDrawer
        eventId={eventId}
        taskId={openId}
        tasksDoc={tasks}
        board={board}
        me={me}
        readOnly={readOnly}
        onClose={() => setOpenId(null)}
        onOpen={setOpenId}
      />
    </Stack>
  );
}

/** The event's task board: Kanban or list, live with everyone else on it. */
export function TasksTab({ eventId }: { eventId: string }) {
  const { shared, readOnly, me } = useWorkspaceDoc(formatDocName(eventId, 'tasks'));
  const doc = shared?.doc ?? null;
  const tasks = useMemo(() => (doc ? openTasksDoc(doc) : null), [doc]);
  if (!shared || !tasks) return <FullPageLoader label="Opening the task board…" />;
  // Refused (access removed, the event gone): only the reason, not a board that can no longer sync.
  return (
    <Stack gap="md">
      <DocHeader shared={shared} readOnly={readOnly} />
      {shared.sync.kind !== 'refused' && <Board eventId={eventId} tasks={tasks} me={me} readOnly={readOnly} />}
    </Stack>
  );
}
