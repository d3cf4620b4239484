import { type Editor, Mark, mergeAttributes } from '@tiptap/core';

/**
 * A comment's anchor in the brief: a mark on the commented passage, carrying the comment's id.
 * Tiptap's Collaboration stores marks as formatting on the Yjs text items themselves, so the
 * anchor moves with the words it covers through concurrent edits by anyone (and survives
 * reloads, offline merges and snapshots) — no positions to re-map. Overlapping comments nest.
 */
export const CommentMark = Mark.create({
  name: 'comment',
  inclusive: false,
  excludes: '',
  addAttributes() {
    return {
      commentId: {
        default: null,
        parseHTML: (el: HTMLElement) => el.getAttribute('data-comment-id'),
        renderHTML: (attrs: { commentId?: string | null }) => ({ 'data-comment-id': attrs.commentId }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-comment-id]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'brief-comment' }), 0];
  },
});

/** Every stretch of the brief anchored to `commentId`, as document ranges. */
export function commentRanges(editor: Editor, commentId: string): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  editor.state.doc.descendants((node, pos) => {
    if (!node.isText) return;
    if (!node.marks.some((m) => m.type.name === 'comment' && m.attrs.commentId === commentId)) return;
    const last = ranges.at(-1);
    if (last && last.to === pos) last.to = pos + node.nodeSize;
    else ranges.push({ from: pos, to: pos + node.nodeSize });
  });
  return ranges;
}

/** Anchors a new comment to the current selection; false when nothing is selected. */
export function anchorComment(editor: Editor, commentId: string): boolean {
  if (editor.state.selection.empty) return false;
  const end = editor.state.selection.to;
  // Collapse the selection after the passage, so the next comment starts from a fresh selection.
  return editor.chain().setMark('comment', { commentId }).setTextSelection(end).run();
}

/** Selects and scrolls to the comment's passage; false when the passage was deleted. */
export function revealComment(editor: Editor, commentId: string): boolean {
  const first = commentRanges(editor, commentId)[0];
  if (!first) return false;
  editor.chain().focus().setTextSelection(first).scrollIntoView().run();
  return true;
}

/**
 * CSS that highlights the passages of open comments only (the marks stay when a comment is
 * resolved, so reopening it highlights the passage again). Ids are UUIDs, safe in selectors.
 */
export function openCommentsCss(openIds: readonly string[]): string {
  if (openIds.length === 0) return '';
  const selectors = openIds.map((id) => `.brief-editor [data-comment-id="${id.replace(/[^0-9a-zA-Z-]/g, '')}"]`);
  return `${selectors.join(',\n')} {
  background: rgba(250, 176, 5, 0.28);
  border-bottom: 2px solid rgba(250, 176, 5, 0.9);
  border-radius: 2px;
}`;
}
