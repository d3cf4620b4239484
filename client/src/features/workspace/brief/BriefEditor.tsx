import { BRIEF_TEXT_FIELD } from '@mandap/shared/docs';
import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { IconBold, IconH2, IconItalic, IconList, IconListNumbers } from '@tabler/icons-react';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import type { PresenceUser } from '../collab/presence.ts';
import type { SharedDoc } from '../collab/useSharedDoc.ts';
import { CommentMark } from './commentMark.ts';

function Toolbar({ editor }: { editor: Editor }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
    }),
  });
  const buttons = [
    { key: 'bold', label: 'Bold', icon: IconBold, run: () => editor.chain().focus().toggleBold().run() },
    { key: 'italic', label: 'Italic', icon: IconItalic, run: () => editor.chain().focus().toggleItalic().run() },
    { key: 'h2', label: 'Heading', icon: IconH2, run: () => editor.chain().focus().toggleHeading({ level: 2 }).run() },
    {
      key: 'bullets',
      label: 'Bulleted list',
      icon: IconList,
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
    {
      key: 'numbers',
      label: 'Numbered list',
      icon: IconListNumbers,
      run: () => editor.chain().focus().toggleOrderedList().run(),
    },
  ] as const;
  return (
    <Group gap={4} p="xs" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      {buttons.map((b) => (
        <Tooltip key={b.key} label={b.label}>
          <ActionIcon variant={active[b.key] ? 'filled' : 'subtle'} color="maroon" aria-label={b.label} onClick={b.run}>
            <b.icon size={18} />
          </ActionIcon>
        </Tooltip>
      ))}
    </Group>
  );
}

/** The brief's rich text, co-edited through Yjs with everyone's carets. */
export function BriefEditor({
  shared,
  me,
  readOnly,
  onSelection,
  onEditor,
}: {
  shared: SharedDoc;
  me: PresenceUser;
  readOnly: boolean;
  onSelection?: (text: string) => void;
  /** The editor instance, for comments anchored to passages (null when it goes away). */
  onEditor?: (editor: Editor | null) => void;
}) {
  const editor = useEditor(
    {
      editable: !readOnly,
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        CommentMark,
        Collaboration.configure({ document: shared.doc, field: BRIEF_TEXT_FIELD }),
        CollaborationCaret.configure({ provider: shared.provider, user: me }),
      ],
      // A named, multi-line text box (a bare contenteditable div may not carry a name).
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-readonly': String(readOnly),
          'aria-label': 'Brief text',
          'data-testid': 'brief-editor',
        },
      },
      onSelectionUpdate: ({ editor: e }) => {
        const { from, to } = e.state.selection;
        onSelection?.(from === to ? '' : e.state.doc.textBetween(from, to, ' '));
      },
    },
    [shared.doc, shared.provider, readOnly],
  );
  useEffect(() => {
    onEditor?.(editor);
    return () => onEditor?.(null);
  }, [editor, onEditor]);
  if (!editor) return null;
  return (
    <div className="brief-editor">
      {readOnly ? (
        <Text size="xs" c="dimmed" p="xs">
          Read-only: you see changes as they are made.
        </Text>
      ) : (
        <Toolbar editor={editor} />
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
