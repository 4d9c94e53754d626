/**
 * The options page's registry section: the registry the hover cards use
 * (Vanban's own, the files imported here, the documents learned while reading
 * vbpl.vn), importing a `vanban-registry` file, exporting the local registry
 * as one, removing an imported file, forgetting the learned documents.
 */
import { embeddedLayer } from '../../../language-server/src/core/registry/embedded.ts';
import { readLearned, writeLearned } from '../background/learned.ts';
import { saveTextFile } from '../editor/files.ts';
import { EXPORT_FILE_NAME, exportLocalRegistry } from '../registry/export.ts';
import { importRegistryFile, readImported, removeImported, sizeProblem } from '../registry/imported.ts';

type Notify = (m: { text: string; ok: boolean }) => void;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(doc.createElement(tag), props);
  e.append(...children);
  return e;
}

function button(doc: Document, id: string, label: string, onClick: () => Promise<void>): HTMLButtonElement {
  const b = el(doc, 'button', { type: 'button', id }, label);
  b.addEventListener('click', () => void onClick());
  return b;
}

/** Reads a picked registry file and reports what was kept and what was not (file and field named). */
async function importPicked(file: File, lang: 'vi' | 'en', notify: Notify): Promise<void> {
  const en = lang === 'en';
  // A file over the limit is refused before it is read into memory.
  const tooLarge = sizeProblem(file.name, file.size, lang);
  if (tooLarge) return notify({ text: tooLarge, ok: false });
  const r = await importRegistryFile(await file.text(), file.name, lang);
  const head = r.entries > 0 ? (en ? `${r.entries} documents imported from ${file.name}.` : `Đã nhập ${r.entries} văn bản từ ${file.name}.`) : '';
  notify({ text: [head, ...r.problems].filter(Boolean).join('\n'), ok: r.entries > 0 && r.problems.length === 0 });
}

export async function registrySection(doc: Document, lang: 'vi' | 'en', notify: Notify, pickFile: (accept: string) => Promise<File | undefined>): Promise<HTMLElement> {
  const en = lang === 'en';
  const [{ entries, dropped }, imported] = await Promise.all([readLearned(), readImported()]);
  const section = el(doc, 'section', { id: 'registry' }, el(doc, 'h2', {}, en ? 'Registry of legal documents' : 'Cơ sở dữ liệu văn bản'));
  section.append(
    el(
      doc,
      'p',
      { className: 'note muted' },
      en
        ? `The hover cards of citations show what this registry knows: Vanban’s own (${embeddedLayer().file.entries.length} documents), the files imported here, and the documents you opened on vbpl.vn (a document or its “Thuộc tính” page: number, type, issuer, dates, status). Everything stays on this computer. The export is a vanban-registry file: vanban check --registry FILE and the editors’ “vanban.registry” setting read it.`
        : `Thẻ thông tin của trích dẫn cho biết những gì cơ sở dữ liệu này có: dữ liệu của Vanban (${embeddedLayer().file.entries.length} văn bản), các tệp được nhập tại đây, và các văn bản bạn đã mở trên vbpl.vn (văn bản hoặc trang “Thuộc tính”: số ký hiệu, loại, cơ quan ban hành, ngày, tình trạng hiệu lực). Mọi thứ chỉ lưu trên máy này. Tệp xuất ra theo định dạng vanban-registry: vanban check --registry TỆP và thiết lập “vanban.registry” của trình soạn thảo đọc được.`,
    ),
  );
  section.append(
    el(
      doc,
      'div',
      { className: 'row' },
      button(doc, 'registry-import', en ? 'Import a registry file…' : 'Nhập tệp cơ sở dữ liệu…', async () => {
        const f = await pickFile('.json,application/json');
        if (f) await importPicked(f, lang, notify);
      }),
      button(doc, 'registry-export', en ? `Save as ${EXPORT_FILE_NAME}` : `Xuất thành ${EXPORT_FILE_NAME}`, async () => {
        const { text } = await exportLocalRegistry();
        saveTextFile(doc, EXPORT_FILE_NAME, text, 'application/json');
      }),
    ),
  );

  section.append(el(doc, 'h3', {}, en ? 'Imported files' : 'Tệp đã nhập'));
  if (imported.length === 0) section.append(el(doc, 'p', { className: 'note muted', id: 'imported-none' }, en ? 'None.' : 'Chưa có.'));
  else {
    const table = el(doc, 'table', { id: 'imported' }, el(doc, 'tr', {}, ...[en ? 'File' : 'Tệp', en ? 'Documents' : 'Số văn bản', en ? 'Imported' : 'Ngày nhập', ''].map((h) => el(doc, 'th', {}, h))));
    for (const f of imported) {
      const remove = button(doc, '', en ? 'Remove' : 'Xóa', async () => {
        await removeImported(f.name);
        notify({ text: en ? `${f.name} removed.` : `Đã xóa ${f.name}.`, ok: true });
      });
      table.append(el(doc, 'tr', {}, el(doc, 'td', {}, f.name), el(doc, 'td', {}, String(f.loaded.entries.length)), el(doc, 'td', {}, f.importedAt.slice(0, 10)), el(doc, 'td', {}, remove)));
    }
    section.append(table);
  }

  section.append(el(doc, 'h3', {}, en ? 'Documents learned while reading vbpl.vn' : 'Văn bản đã biết qua việc đọc vbpl.vn'));
  if (dropped > 0) section.append(el(doc, 'p', { className: 'problem' }, en ? `${dropped} stored entries were invalid and are ignored.` : `${dropped} mục đã lưu không hợp lệ và bị bỏ qua.`));
  section.append(el(doc, 'p', { id: 'learned-count' }, en ? `${entries.length} documents` : `${entries.length} văn bản`));
  if (entries.length > 0) {
    const table = el(
      doc,
      'table',
      { id: 'learned' },
      el(doc, 'tr', {}, ...[en ? 'Number' : 'Số ký hiệu', en ? 'Type' : 'Loại', en ? 'Issuer' : 'Cơ quan', en ? 'Issued' : 'Ban hành', en ? 'Status' : 'Tình trạng'].map((h) => el(doc, 'th', {}, h))),
    );
    for (const e of [...entries].reverse().slice(0, 200)) {
      table.append(el(doc, 'tr', {}, ...[e.number, e.type ?? '', e.issuer ?? '', e.issued ?? '', e.status ?? ''].map((v) => el(doc, 'td', {}, v))));
    }
    section.append(table);
    section.append(
      el(
        doc,
        'div',
        { className: 'row' },
        button(doc, 'learned-clear', en ? 'Forget them all' : 'Xóa tất cả', async () => {
          await writeLearned([]);
          notify({ text: en ? 'The learned documents were removed.' : 'Đã xóa các văn bản đã biết.', ok: true });
        }),
      ),
    );
  }
  return section;
}
