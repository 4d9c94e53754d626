/**
 * Hostile registry files shared by the tests of every reader (core, CLI, server, the browser
 * extension's import): each with the key path its first problem must name, what the message
 * says, and whether the good entry beside it (GOOD) still loads.
 */
import { expect } from 'vitest';

export const GOOD = { number: '99/2025/NĐ-CP', type: 'Nghị định', issuer: 'Chính phủ', title: 'về thí điểm cơ chế đặc thù', dateIssued: '2025-02-01', status: 'con-hieu-luc' };
export const reg = (entries: unknown[], extra = '') => `{"format":"vanban-registry","version":1${extra},"entries":[${entries.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join(',')}]}`;
const deep = (n: number, leaf = '1') => '['.repeat(n) + leaf + ']'.repeat(n);
const hugeTitle = 'Nghị định '.repeat(1_000_000); // 10 MB in one string

/**
 * name, file text, the key path of the first problem and what its message says,
 * whether the good entry (99/2025/NĐ-CP) beside it still loads.
 */
export const CASES: [string, string, string, RegExp, boolean][] = [
  ['invalid JSON', '{"format":"vanban-registry",\n"version":1,\n"entries":[{} {}]}', '', /JSON sai cú pháp .*dòng 3, cột 15/u, false],
  ['invalid JSON, V8 quoting the text', '{\n"entries":[}', '', /JSON sai cú pháp \(Unexpected token.*\\u000a/u, false],
  ['not JSON at all (binary)', '\u0000\u0001PK\u0003\u0004\uFFFD', '', /JSON sai cú pháp/u, false],
  ['a UTF-16 file read as UTF-8', '\uFFFD\uFFFD{\u0000"\u0000f\u0000', '', /JSON sai cú pháp/u, false],
  ['empty file', '', '', /JSON sai cú pháp/u, false],
  ['root is an array', `[${JSON.stringify(GOOD)}]`, '', /expected object/iu, false],
  ['root is null', 'null', '', /expected object/iu, false],
  ['another format', reg([GOOD]).replace('vanban-registry', 'other-registry'), 'format', /phải là "vanban-registry"/u, false],
  ['a future version', reg([GOOD]).replace('"version":1', '"version":2'), 'version', /phiên bản 1/u, false],
  ['version as a string', reg([GOOD]).replace('"version":1', '"version":"1"'), 'version', /phiên bản 1/u, false],
  ['entries is an object', '{"format":"vanban-registry","version":1,"entries":{"0":{}}}', 'entries', /expected array/iu, false],
  ['__proto__ at the top', reg([GOOD], ',"__proto__":{"polluted":"yes"}'), '__proto__', /khoá bị cấm/u, false],
  ['constructor.prototype in "generated"', reg([GOOD], ',"generated":{"constructor":{"prototype":{"polluted":"yes"}}}'), 'generated.constructor', /khoá bị cấm/u, false],
  ['__proto__ spelt with \\u escapes', reg([GOOD], ',"\\u005f\\u005fproto\\u005f\\u005f":{"polluted":"yes"}'), '__proto__', /khoá bị cấm/u, false],
  ['__proto__ in an entry', reg([{ number: '1/2025/NĐ-CP' }, '{"number":"2/2025/NĐ-CP","__proto__":{"polluted":"yes"}}', GOOD]), 'entries[1].__proto__', /khoá bị cấm.*mục bị bỏ qua/u, true],
  ['__proto__ deep in an entry\'s evidence', reg([GOOD, '{"number":"3/2025/NĐ-CP","evidence":{"title":[{"value":"x","count":1,"src":[[0,{"a":{"__proto__":{"polluted":"yes"}}}]]}]}}']), 'entries[1].evidence.title[0].src[0][1].a.__proto__', /khoá bị cấm/u, true],
  ['prototype as an entry key', reg([GOOD, '{"number":"4/2025/NĐ-CP","prototype":{"polluted":"yes"}}']), 'entries[1].prototype', /khoá bị cấm/u, true],
  ['a number that is a number', reg([GOOD, { number: 63, type: 'Nghị định' }]), 'entries[1].number', /expected string/iu, true],
  ['a date in the wrong form', reg([GOOD, { number: '5/2025/NĐ-CP', dateIssued: '1/2/2025' }]), 'entries[1].dateIssued', /YYYY-MM-DD/u, true],
  ['an unknown status', reg([GOOD, { number: '6/2025/NĐ-CP', status: 'còn hiệu lực' }]), 'entries[1].status', /mục bị bỏ qua/u, true],
  ['relations is a string', reg([GOOD, { number: '7/2025/NĐ-CP', relations: 'amends 1/2020/NĐ-CP' }]), 'entries[1].relations', /expected array/iu, true],
  ['an entry that is null', reg([null, GOOD]), 'entries[0]', /expected object/iu, true],
  ['an entry with neither number nor name', reg([{ type: 'Nghị định' }, GOOD]), 'entries[0].number', /cần "number" hoặc "name"/u, true],
  ['an unknown key', reg([GOOD, { number: '8/2025/NĐ-CP', colour: 'xanh' }]), 'entries[1].colour', /khoá không được hỗ trợ/u, true],
  ['100,000 levels of nested arrays in an entry', reg([GOOD, `{"number":"9/2025/NĐ-CP","title":${deep(100_000)}}`]), 'entries[1].title', /expected string/iu, true],
  ['100,000 levels of nested objects in "sources"', reg([GOOD], `,"sources":[${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}]`), 'sources[0]', /expected string/iu, true],
  ['a 10 MB title', reg([GOOD, { number: '10/2025/NĐ-CP', title: hugeTitle }]), 'entries[1].title', /2000/u, true],
  ['a 10 MB number', reg([GOOD, { number: hugeTitle }]), 'entries[1].number', /120/u, true],
  ['a 10 MB key', reg([GOOD, `{"number":"11/2025/NĐ-CP","${'k'.repeat(10_000_000)}":1}`]), `entries[1].${'k'.repeat(60)}…`, /khoá không được hỗ trợ/u, true],
];

export const polluted = () => ({}) as Record<string, unknown>;
export const protoKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
export const PROTO_KEYS = protoKeys();

export function expectCleanPrototype(): void {
  expect(polluted().polluted).toBeUndefined();
  expect(protoKeys()).toEqual(PROTO_KEYS);
  expect(Object.prototype.toString.call([])).toBe('[object Array]');
}

