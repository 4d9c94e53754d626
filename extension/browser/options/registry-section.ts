/**
 * The options page's registry section: the documents learned while reading
 * vbpl.vn (number, type, issuer, dates, status, where it was read), and
 * clearing them.
 */
import { readLearned, writeLearned } from '../background/learned.ts';

type Notify = (m: { text: string; ok: boolean }) => void;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(doc.createElement(tag), props);
  e.append(...children);
  return e;
}

export async function registrySection(doc: Document, lang: 'vi' | 'en', notify: Notify): Promise<HTMLElement> {
  const en = lang === 'en';
  const { entries, dropped } = await readLearned();
  const section = el(doc, 'section', { id: 'registry' }, el(doc, 'h2', {}, en ? 'Documents learned while reading' : 'Văn bản đã biết qua việc đọc'));
  section.append(
    el(
      doc,
      'p',
      { className: 'note muted' },
      en
        ? 'When you open a document or its “Thuộc tính” page on vbpl.vn, its number, type, issuer, dates and status are kept here, on this computer, and shown in the hover cards of citations.'
        : 'Khi bạn mở một văn bản hoặc trang “Thuộc tính” của nó trên vbpl.vn, số ký hiệu, loại, cơ quan ban hành, ngày và tình trạng hiệu lực được lưu tại đây, trên máy này, và hiện trong thẻ thông tin của trích dẫn.',
    ),
  );
  if (dropped > 0) section.append(el(doc, 'p', { className: 'problem' }, en ? `${dropped} stored entries were invalid and are ignored.` : `${dropped} mục đã lưu không hợp lệ và bị bỏ qua.`));
  const count = el(doc, 'p', { id: 'learned-count' }, en ? `${entries.length} documents` : `${entries.length} văn bản`);
  section.append(count);
  if (entries.length > 0) {
    const table = el(
      doc,
      'table',
      {},
      el(doc, 'tr', {}, ...[en ? 'Number' : 'Số ký hiệu', en ? 'Type' : 'Loại', en ? 'Issuer' : 'Cơ quan', en ? 'Issued' : 'Ban hành', en ? 'Status' : 'Tình trạng'].map((h) => el(doc, 'th', {}, h))),
    );
    for (const e of [...entries].reverse().slice(0, 200)) {
      table.append(el(doc, 'tr', {}, ...[e.number, e.type ?? '', e.issuer ?? '', e.issued ?? '', e.status ?? ''].map((v) => el(doc, 'td', {}, v))));
    }
    section.append(table);
    const clear = el(doc, 'button', { type: 'button' }, en ? 'Forget them all' : 'Xóa tất cả');
    clear.addEventListener('click', async () => {
      await writeLearned([]);
      notify({ text: en ? 'The learned documents were removed.' : 'Đã xóa các văn bản đã biết.', ok: true });
    });
    section.append(el(doc, 'div', { className: 'row' }, clear));
  }
  return section;
}
