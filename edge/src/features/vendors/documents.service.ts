import { newId } from '@mandap/shared/common';
import { checkAttachment, safeFileName } from '@mandap/shared/leads';
import type { VENDOR_DOCUMENT_KINDS, VendorDocument } from '@mandap/shared/vendors';
import { and, desc, eq } from 'drizzle-orm';
import { users, vendorDocuments } from '../../db/schema/index.ts';
import type { Deps, Viewer } from '../../lib/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { recordChange } from '../../lib/journal.ts';
import type { FileStorage } from '../files/file-storage.ts';

export interface DocumentUpload {
  fileName: string;
  kind: (typeof VENDOR_DOCUMENT_KINDS)[number];
  contentType: string;
  bytes: Uint8Array;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('');
}

const columns = {
  id: vendorDocuments.id,
  vendorId: vendorDocuments.vendorId,
  assignmentId: vendorDocuments.assignmentId,
  kind: vendorDocuments.kind,
  fileName: vendorDocuments.fileName,
  contentType: vendorDocuments.contentType,
  sizeBytes: vendorDocuments.sizeBytes,
  uploadedByName: users.name,
  at: vendorDocuments.createdAt,
};

/**
 * Stores a vendor document (agreement, rate card, delivery proof…): the bytes first, then the row
 * and the journal in one transaction; if the row cannot be written the stored object is removed.
 */
export async function addDocument(
  deps: Deps,
  storage: FileStorage,
  viewer: Viewer,
  target: { vendorId: string; assignmentId: string | null },
  upload: DocumentUpload,
): Promise<VendorDocument> {
  const check = checkAttachment(upload.contentType, upload.bytes.byteLength);
  if (!check.ok) throw new AppError('unprocessable', check.message, { fields: { [check.field]: check.message } });
  const id = newId();
  const fileName = safeFileName(upload.fileName, check.type);
  const storageKey = `vendors/${target.vendorId}/${id}-${fileName}`;
  const at = deps.now().toISOString();
  await storage.put(storageKey, upload.bytes, check.type);
  try {
    await deps.db.transaction(async (tx) => {
      await tx.insert(vendorDocuments).values({
        id,
        vendorId: target.vendorId,
        assignmentId: target.assignmentId,
        kind: upload.kind,
        storageKey,
        fileName,
        contentType: check.type,
        sizeBytes: upload.bytes.byteLength,
        sha256: await sha256Hex(upload.bytes),
        uploadedBy: viewer.id,
        createdAt: at,
      });
      await recordChange(tx, {
        type: 'vendor_document.added',
        aggregateType: 'vendor',
        aggregateId: target.vendorId,
        payload: { documentId: id, kind: upload.kind, fileName, assignmentId: target.assignmentId },
        actorId: viewer.id,
        at: deps.now(),
      });
    });
  } catch (err) {
    await storage.delete(storageKey).catch(() => undefined);
    throw err;
  }
  const [row] = await deps.db
    .select(columns)
    .from(vendorDocuments)
    .leftJoin(users, eq(users.id, vendorDocuments.uploadedBy))
    .where(eq(vendorDocuments.id, id));
  return row!;
}

export async function listDocuments(deps: Deps, vendorId: string): Promise<VendorDocument[]> {
  return deps.db
    .select(columns)
    .from(vendorDocuments)
    .leftJoin(users, eq(users.id, vendorDocuments.uploadedBy))
    .where(eq(vendorDocuments.vendorId, vendorId))
    .orderBy(desc(vendorDocuments.createdAt));
}

export async function readDocument(deps: Deps, storage: FileStorage, vendorId: string, documentId: string) {
  const [row] = await deps.db
    .select()
    .from(vendorDocuments)
    .where(and(eq(vendorDocuments.id, documentId), eq(vendorDocuments.vendorId, vendorId)));
  if (!row) throw notFound('That document');
  const bytes = await storage.get(row.storageKey);
  if (!bytes) throw notFound('The stored file of that document');
  return { bytes, fileName: row.fileName, contentType: row.contentType };
}
