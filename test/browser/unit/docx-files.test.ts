/**
 * Word files on the browser drafting page (extension/browser/editor/files.ts):
 * "Mở tệp…" reads a .docx through its text view, "Tải về .docx" writes the
 * ND30 layout. Both load the Word code only when asked.
 */
import { describe, expect, it } from 'vitest';
import { decodeFile } from '../../../extension/browser/editor/files.ts';
import { quyetDinhDocx } from '../../helpers/docx.ts';

describe('decodeFile', () => {
  it('reads a .docx through its text view', async () => {
    const r = await decodeFile('Quyết định.docx', await quyetDinhDocx());
    expect(r.ok && r.text.split('\n').slice(0, 2)).toEqual(['BỘ NỘI VỤ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
  });
  it('reads a Word file whatever its name (zip signature)', async () => {
    const r = await decodeFile('ban-nhap.txt', await quyetDinhDocx());
    expect(r.ok && r.text).toContain('Điều 1. Phạm vi điều chỉnh');
  });
  it('refuses a broken .docx with a message in both languages', async () => {
    const r = await decodeFile('hong.docx', new TextEncoder().encode('không phải Word'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message.vi).toMatch(/không mở được tệp nén/u);
      expect(r.message.en).toMatch(/zip container/u);
    }
  });
  it('leaves text files to the text decoder', async () => {
    const r = await decodeFile('qd.txt', new TextEncoder().encode('Điều 1. Phạm vi'));
    expect(r).toMatchObject({ ok: true, text: 'Điều 1. Phạm vi', encoding: 'utf-8' });
  });
});
