import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { z } from 'zod';
import { collection } from './collection.ts';

/** The Tiptap fragment of the brief's rich text (the Collaboration extension's `field`). */
export const BRIEF_TEXT_FIELD = 'content';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as yyyy-mm-dd');

/** One function of the event (haldi, sangeet, wedding, reception; or a conference day). */
const ZBriefFunction = z.object({
  id: z.string(),
  name: z.string(),
  date: isoDate.nullable(),
  guestCount: z.number().int().nonnegative().nullable(),
  venue: z.string(),
  order: z.string(),
});

/** A venue under consideration or booked. */
const ZBriefVenue = z.object({
  id: z.string(),
  name: z.string(),
  city: z.string(),
  status: z.enum(['considering', 'booked', 'rejected']),
  order: z.string(),
});

/** A do or a don't from the client ("no onions in any dish", "no confetti cannons"). */
const ZBriefRule = z.object({
  id: z.string(),
  kind: z.enum(['do', 'dont']),
  text: z.string(),
  order: z.string(),
});

/** A comment on a passage of the brief: `quote` is the passage as it read when commented on. */
export const ZBriefComment = z.object({
  id: z.string(),
  quote: z.string(),
  body: z.string().trim().min(1, { error: 'write the comment' }),
  authorId: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  resolved: z.boolean(),
});

/** A named snapshot: the rich text and structured fields as they were, base64 of a Yjs update. */
export const ZBriefSnapshot = z.object({
  id: z.string(),
  name: z.string().trim().min(1, { error: 'name the snapshot' }),
  createdAt: z.string(),
  createdBy: z.string(),
  state: z.string(),
});
export type BriefSnapshot = z.infer<typeof ZBriefSnapshot>;

/** The scalar structured fields of the brief. Budget is integer minor units (paise for INR). */
const ZBriefFields = z.object({
  budgetMinor: z.number().int().nonnegative().nullable(),
  currency: z.string().length(3),
  requirements: z.string(),
  leadId: z.string().nullable(),
});
export type BriefFields = z.infer<typeof ZBriefFields>;

const DEFAULT_FIELDS: BriefFields = { budgetMinor: null, currency: 'INR', requirements: '', leadId: null };

/** Typed access to an event brief document. */
export function briefDoc(doc: Y.Doc) {
  const fieldsMap = doc.getMap<unknown>('fields');
  return {
    text: doc.getXmlFragment(BRIEF_TEXT_FIELD),
    functions: collection(doc, 'functions', ZBriefFunction),
    venues: collection(doc, 'venues', ZBriefVenue),
    rules: collection(doc, 'rules', ZBriefRule),
    comments: collection(doc, 'comments', ZBriefComment),
    snapshots: collection(doc, 'snapshots', ZBriefSnapshot),
    fieldsMap,
    /** The scalar fields, with defaults for what is unset or invalid. */
    fields(): BriefFields {
      const raw = fieldsMap.toJSON();
      const out = { ...DEFAULT_FIELDS };
      for (const key of Object.keys(DEFAULT_FIELDS) as (keyof BriefFields)[]) {
        const parsed = ZBriefFields.shape[key].safeParse(raw[key]);
        if (parsed.success && raw[key] !== undefined) Object.assign(out, { [key]: parsed.data });
      }
      return out;
    },
    setField<K extends keyof BriefFields>(key: K, value: BriefFields[K]): void {
      fieldsMap.set(key, value);
    },
  };
}
export type BriefDoc = ReturnType<typeof briefDoc>;

const SNAPSHOT_PARTS = ['functions', 'venues', 'rules'] as const;

/** Copies the brief's text and structured fields (not comments or snapshots) into a fresh document. */
function copyBriefContent(from: Y.Doc, to: Y.Doc): void {
  to.transact(() => {
    const target = to.getXmlFragment(BRIEF_TEXT_FIELD);
    target.delete(0, target.length);
    target.insert(
      0,
      from
        .getXmlFragment(BRIEF_TEXT_FIELD)
        .toArray()
        .flatMap((node) => (node instanceof Y.XmlHook ? [] : [node.clone() as Y.XmlElement | Y.XmlText])),
    );
    const fields = to.getMap<unknown>('fields');
    for (const key of [...fields.keys()]) fields.delete(key);
    for (const [key, value] of from.getMap<unknown>('fields').entries()) fields.set(key, value);
    for (const part of SNAPSHOT_PARTS) {
      const dest = to.getMap<Y.Map<unknown>>(part);
      for (const key of [...dest.keys()]) dest.delete(key);
      for (const [key, entry] of from.getMap<Y.Map<unknown>>(part).entries()) {
        if (entry instanceof Y.Map) dest.set(key, entry.clone());
      }
    }
  });
}

/** The brief's content now, encoded for a named snapshot. */
export function encodeBriefContent(doc: Y.Doc): string {
  const copy = new Y.Doc();
  copyBriefContent(doc, copy);
  const bytes = Y.encodeStateAsUpdate(copy);
  copy.destroy();
  return toBase64(bytes);
}

/** A read-only document holding a snapshot's content, for viewing it. */
export function openBriefSnapshot(state: string): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, fromBase64(state));
  return doc;
}

/** Replaces the brief's text and structured fields with the snapshot's; comments and snapshots stay. */
export function restoreBriefSnapshot(doc: Y.Doc, state: string): void {
  const snap = openBriefSnapshot(state);
  copyBriefContent(snap, doc);
  snap.destroy();
}
