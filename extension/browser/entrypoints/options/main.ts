/**
 * The options page: message language, rule severities (and .vanbanrc.json
 * import/export), the sites the extension works on, what it marks, and the
 * registry learned while reading. Every change is written to storage at once
 * (validated); the content scripts and the drafting page follow it.
 */
import '../../lib/zod-setup.ts';
import { saveTextFile } from '../../editor/files.ts';
import { CHOICE_LABEL, exportVanbanrc, importVanbanrc, RULE_CHOICES, ruleRows, siteRows, withRuleChoice, type RuleChoice } from '../../options/model.ts';
import type { Settings } from '../../lib/settings.ts';
import { withSite } from '../../lib/settings.ts';
import { settingsItem, storageProblems } from '../../lib/storage.ts';
import { registrySection } from '../../options/registry-section.ts';

const app = document.getElementById('app')!;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

async function update(change: (s: Settings) => Settings) {
  await settingsItem.set(change(await settingsItem.get()));
  await render();
}

function pickFile(accept: string): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = el('input', { type: 'file', accept });
    input.addEventListener('change', () => resolve(input.files?.[0]));
    input.addEventListener('cancel', () => resolve(undefined));
    input.click();
  });
}

let message: { text: string; ok: boolean } | undefined;

async function render() {
  const s = await settingsItem.get();
  const en = s.lang === 'en';
  const parts: Node[] = [el('h1', {}, el('img', { src: '/icon/32.png', width: 24, height: 24, alt: '' }), en ? 'Vanban settings' : 'Cài đặt Vanban')];
  if (storageProblems.length > 0) {
    parts.push(el('p', { className: 'problem' }, (en ? 'Some stored values were invalid and were reset: ' : 'Một số giá trị đã lưu không hợp lệ và đã được đặt lại: ') + storageProblems.map((p) => `${p.key} (${p.problems.join(', ')})`).join('; ')));
  }
  if (message) parts.push(el('p', { className: message.ok ? 'okmsg' : 'problem', role: 'status' }, message.text));

  // Language
  const lang = el('select', { id: 'lang' }, el('option', { value: 'vi', selected: !en }, 'Tiếng Việt'), el('option', { value: 'en', selected: en }, 'English'));
  lang.addEventListener('change', () => void update((x) => ({ ...x, lang: lang.value === 'en' ? 'en' : 'vi' })));
  parts.push(el('section', {}, el('h2', {}, en ? 'Message language' : 'Ngôn ngữ thông báo'), el('div', { className: 'row' }, lang)));

  // What the content script marks
  const toggles = el('div');
  for (const [key, vi, enLabel] of [
    ['citations', 'Đánh dấu trích dẫn văn bản khác (thẻ thông tin khi rê chuột)', 'Mark citations of other documents (hover cards)'],
    ['references', 'Đánh dấu dẫn chiếu trong văn bản (điểm, khoản, Điều…)', 'Mark internal references (điểm, khoản, Điều…)'],
    ['panel', 'Hiện bảng vấn đề khi trang có dẫn chiếu hỏng', 'Show the problems panel when a page has broken references'],
  ] as const) {
    const box = el('input', { type: 'checkbox', id: `annotate-${key}`, checked: s.annotate[key] });
    box.addEventListener('change', () => void update((x) => ({ ...x, annotate: { ...x.annotate, [key]: box.checked } })));
    toggles.append(el('label', { className: 'row' }, box, en ? enLabel : vi));
  }
  parts.push(el('section', {}, el('h2', {}, en ? 'On portal pages' : 'Trên các trang văn bản'), toggles));

  // Sites
  const sites = el('table', {}, el('tr', {}, el('th', {}, en ? 'Site' : 'Trang web'), el('th', {}, en ? 'On' : 'Bật')));
  for (const row of siteRows(s)) {
    const box = el('input', { type: 'checkbox', checked: row.enabled });
    box.dataset.host = row.host;
    box.addEventListener('change', () => void update((x) => withSite(x, row.host, box.checked)));
    sites.append(el('tr', {}, el('td', {}, row.host === row.name ? row.host : `${row.name} (${row.host})`), el('td', {}, box)));
  }
  parts.push(
    el(
      'section',
      {},
      el('h2', {}, en ? 'Sites' : 'Trang web'),
      el('p', { className: 'note muted' }, en ? 'The extension reads these sites by itself. Any other page: click the Vanban button, then “Check this page”.' : 'Tiện ích tự đọc các trang này. Trang khác: bấm nút Vanban rồi “Kiểm tra trang này”.'),
      sites,
    ),
  );

  // Rules
  const rules = el('table', { id: 'rules' }, el('tr', {}, el('th', {}, en ? 'Rule' : 'Quy tắc'), el('th', {}, en ? 'What it checks' : 'Kiểm tra gì'), el('th', {}, en ? 'Severity' : 'Mức độ')));
  for (const r of ruleRows(s)) {
    const select = el('select');
    select.dataset.code = r.code;
    for (const c of RULE_CHOICES) {
      const label = c === 'default' ? `${CHOICE_LABEL.default[s.lang]} (${CHOICE_LABEL[r.defaultSeverity][s.lang]})` : CHOICE_LABEL[c][s.lang];
      select.append(el('option', { value: c, selected: r.choice === c }, label));
    }
    select.addEventListener('change', () => void update((x) => withRuleChoice(x, r.code, select.value as RuleChoice)));
    rules.append(el('tr', {}, el('td', {}, el('code', {}, r.code)), el('td', { className: 'desc' }, r.description), el('td', {}, select)));
  }
  const importRc = el('button', { type: 'button' }, en ? 'Import .vanbanrc.json…' : 'Nhập .vanbanrc.json…');
  importRc.addEventListener('click', async () => {
    const f = await pickFile('.json,application/json');
    if (!f) return;
    const cur = await settingsItem.get();
    const r = importVanbanrc(cur, await f.text(), f.name);
    await settingsItem.set(r.settings);
    message = r.problem ? { text: r.problem, ok: false } : { text: en ? `${r.imported} rules imported from ${f.name}` : `Đã nhập ${r.imported} quy tắc từ ${f.name}`, ok: true };
    await render();
  });
  const exportRc = el('button', { type: 'button' }, en ? 'Save as .vanbanrc.json' : 'Lưu thành .vanbanrc.json');
  exportRc.addEventListener('click', () => saveTextFile(document, '.vanbanrc.json', exportVanbanrc(s)));
  parts.push(el('section', {}, el('h2', {}, en ? 'Rules' : 'Quy tắc kiểm tra'), el('div', { className: 'row' }, importRc, exportRc), rules));

  parts.push(
    await registrySection(
      document,
      s.lang,
      (m) => {
        message = m;
        void render();
      },
      pickFile,
    ),
  );
  app.replaceChildren(...parts);
}

void render();
