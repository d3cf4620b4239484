import { describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, checkAttachment, safeFileName } from './attachments.ts';

describe('attachment rules', () => {
  it('accepts PDFs and photos and refuses executables, empty and oversized files', () => {
    expect(checkAttachment('application/pdf', 1000)).toEqual({ ok: true, type: 'application/pdf' });
    expect(checkAttachment('image/JPEG', 10)).toEqual({ ok: true, type: 'image/jpeg' });
    expect(checkAttachment('text/plain; charset=utf-8', 10)).toEqual({ ok: true, type: 'text/plain' });
    expect(checkAttachment('application/x-msdownload', 10)).toMatchObject({ ok: false, field: 'contentType' });
    expect(checkAttachment('image/png', 0)).toMatchObject({ ok: false, field: 'file' });
    const big = checkAttachment('image/png', ATTACHMENT_MAX_BYTES + 1);
    expect(big).toMatchObject({ ok: false, field: 'file' });
    expect(big.ok ? '' : big.message).toMatch(/at most 10 MB/);
  });

  it('makes file names safe to store and to send back', () => {
    expect(safeFileName('../../etc/passwd', 'text/plain')).toBe('passwd.txt');
    expect(safeFileName('C:\\Users\\Asha\\Venue plan (final).pdf', 'application/pdf')).toBe('Venue-plan-final-.pdf');
    expect(safeFileName('मंडप.jpg', 'image/jpeg')).toBe('jpg.jpg');
    expect(safeFileName('', 'image/png')).toBe('attachment.png');
    expect(safeFileName('.hidden', 'image/png')).toBe('hidden.png');
  });
});
