import { ZAttachment } from '@mandap/shared/leads';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { paths } from '../../api/paths.ts';
import { authorisedFetch } from '../../api/rpc.ts';

/** A request carrying the bearer token, retried once after a refresh; for raw bytes the typed client does not carry. */
export { authorisedFetch };

/** Uploads files one by one to the lead (and the communication they belong to). */
export function useUploadAttachments(leadId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: { files: File[]; communicationId?: string }) => {
      const out = [];
      for (const file of v.files) {
        const qs = new URLSearchParams({ fileName: file.name });
        if (v.communicationId) qs.set('communicationId', v.communicationId);
        const res = await authorisedFetch(`${paths.leads[':id'].attachments.$path({ param: { id: leadId } })}?${qs}`, {
          method: 'POST',
          headers: { 'Content-Type': file.type || 'application/octet-stream' },
          body: file,
        });
        out.push(z.object({ attachment: ZAttachment }).parse(await res.json()).attachment);
      }
      return out;
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ['leads', 'comms', leadId] }),
  });
}

/** Downloads an attachment with the session's token and hands it to the browser as a file. */
export async function downloadAttachment(leadId: string, fileId: string, fileName: string): Promise<void> {
  const res = await authorisedFetch(paths.leads[':id'].attachments[':fileId'].$path({ param: { id: leadId, fileId } }));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
