import {
  closestCorners,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import {
  isTaskOverdue,
  orderKeyForMove,
  sortByOrder,
  type Task,
  type TaskColumn,
  type TasksDoc,
} from '@mandap/shared/docs';
import { Badge, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { TaskCard } from './TaskCard.tsx';
import type { BoardModel } from './useBoard.ts';

const COLUMN_PREFIX = 'column:';

function SortableTask({
  task,
  board,
  onOpen,
  readOnly,
}: {
  task: Task;
  board: BoardModel;
  onOpen: (id: string) => void;
  readOnly: boolean;
}) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: task.id,
    disabled: readOnly,
  });
  return (
    <TaskCard
      task={task}
      overdue={isTaskOverdue(task, board.today, board.doneIds)}
      subtasks={board.subtaskProgress(task.id)}
      comments={board.commentCount(task.id)}
      onOpen={() => onOpen(task.id)}
      cardRef={setNodeRef}
      style={{
        transform: transform ? `translate3d(${transform.x}px, ${transform.y}px, 0)` : undefined,
        transition,
        opacity: isDragging ? 0.5 : 1,
      }}
      dragProps={{ ...attributes, ...listeners }}
    />
  );
}

function Column({
  column,
  tasks,
  board,
  onOpen,
  readOnly,
}: {
  column: TaskColumn;
  tasks: Task[];
  board: BoardModel;
  onOpen: (id: string) => void;
  readOnly: boolean;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: `${COLUMN_PREFIX}${column.id}` });
  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="md"
      p="sm"
      w={272}
      miw={272}
      bg={isOver ? 'var(--mantine-color-maroon-0, #fbeff1)' : 'var(--mantine-color-gray-0)'}
      data-testid={`column-${column.id}`}
      aria-label={column.label}
    >
      <Group justify="space-between" mb="sm">
        <Text fw={600} size="sm">
          {column.label}
        </Text>
        <Badge variant="default" size="sm">
          {tasks.length}
        </Badge>
      </Group>
      <SortableContext items={tasks.map((t) => t.id)} strategy={verticalListSortingStrategy}>
        <Stack gap="xs" mih={80}>
          {tasks.map((t) => (
            <SortableTask key={t.id} task={t} board={board} onOpen={onOpen} readOnly={readOnly} />
          ))}
          {tasks.length === 0 && (
            <Text size="xs" c="dimmed" ta="center" py="md">
              Drop tasks here
            </Text>
          )}
        </Stack>
      </SortableContext>
    </Paper>
  );
}

/**
 * The board: drag cards within and between columns. A move writes only the moved task's
 * column and fractional order key, so moves made at the same time by others merge.
 */
export function KanbanBoard({
  tasksDoc,
  board,
  onOpen,
  readOnly,
}: {
  tasksDoc: TasksDoc;
  board: BoardModel;
  onOpen: (id: string) => void;
  readOnly: boolean;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const byColumn = (columnId: string) => sortByOrder(board.topLevel.filter((t) => t.status === columnId));

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || readOnly) return;
    const movingId = String(active.id);
    const overId = String(over.id);
    let columnId: string;
    let index: number;
    if (overId.startsWith(COLUMN_PREFIX)) {
      columnId = overId.slice(COLUMN_PREFIX.length);
      index = byColumn(columnId).filter((t) => t.id !== movingId).length;
    } else {
      const target = board.topLevel.find((t) => t.id === overId);
      if (!target || overId === movingId) return;
      columnId = target.status;
      index = byColumn(columnId).findIndex((t) => t.id === overId);
    }
    const order = orderKeyForMove(byColumn(columnId), movingId, index);
    tasksDoc.tasks.patch(movingId, { status: columnId, order });
  };

  return (
    <DndContext sensors={sensors} collisionDetection={closestCorners} onDragEnd={onDragEnd}>
      {/* The board scrolls sideways: the keyboard can reach it (Tab, then the arrow keys). */}
      <ScrollArea type="auto" offsetScrollbars viewportProps={{ tabIndex: 0, 'aria-label': 'Task board columns' }}>
        <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
          {board.columns.map((c) => (
            <Column key={c.id} column={c} tasks={byColumn(c.id)} board={board} onOpen={onOpen} readOnly={readOnly} />
          ))}
        </Group>
      </ScrollArea>
    </DndContext>
  );
}
