/** The extension's own words (hover cards, panel, popup, options, editor): Vietnamese first, English on request. */
export type UiLang = 'vi' | 'en';

const STRINGS = {
  refOk: { vi: 'Dẫn chiếu đến', en: 'Refers to' },
  refBroken: { vi: 'Dẫn chiếu không tìm thấy', en: 'Reference not found' },
  refAmbiguous: { vi: 'Dẫn chiếu chưa rõ', en: 'Ambiguous reference' },
  clickToGo: { vi: 'Bấm để đến', en: 'Click to go to' },
  unknownDoc: { vi: 'Không có trong cơ sở dữ liệu', en: 'Not in the registry' },
  otherPlaces: { vi: 'Trang này còn trích dẫn văn bản này ở', en: 'This page also cites it at' },
  otherPlacesNone: { vi: 'Trang này chỉ trích dẫn văn bản này một lần', en: 'This page cites it only here' },
  place: { vi: 'chỗ', en: 'place' },
  panelTitle: { vi: 'Vanban: vấn đề trên trang', en: 'Vanban: problems on this page' },
  panelNone: { vi: 'Không thấy vấn đề nào.', en: 'No problems found.' },
  close: { vi: 'Đóng', en: 'Close' },
  jump: { vi: 'Đến chỗ này', en: 'Go there' },
  disableSite: { vi: 'Tắt trên trang web này', en: 'Turn off on this site' },
  factIssued: { vi: 'Ngày ban hành', en: 'Issued' },
  factIssuer: { vi: 'Cơ quan ban hành', en: 'Issued by' },
  factTitle: { vi: 'Trích yếu', en: 'Title' },
  factEffective: { vi: 'Ngày có hiệu lực', en: 'In force from' },
  factSigner: { vi: 'Người ký', en: 'Signed by' },
  factPinpoint: { vi: 'Phần được dẫn', en: 'Pinpoint' },
  factSource: { vi: 'Nguồn', en: 'Source' },
  thisDocument: { vi: 'văn bản này', en: 'this document' },
  error: { vi: 'Lỗi', en: 'Error' },
  warning: { vi: 'Cảnh báo', en: 'Warning' },
  info: { vi: 'Thông tin', en: 'Info' },
  hint: { vi: 'Gợi ý', en: 'Hint' },
  summary: {
    vi: '{citations} trích dẫn, {references} dẫn chiếu, {broken} dẫn chiếu hỏng',
    en: '{citations} citations, {references} references, {broken} broken',
  },
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(lang: UiLang, key: StringKey, args: Record<string, string | number> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/gu, (_, k: string) => String(args[k] ?? ''));
}
