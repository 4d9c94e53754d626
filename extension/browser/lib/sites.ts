/**
 * The sites the content script runs on by itself, and where the document
 * text sits on each (../shared/reference/portal-dom.md). Any other page is
 * checked only when the user asks, through the action button (activeTab).
 */

export type PortalId = 'vbpl' | 'tvpl' | 'luatvietnam' | 'vanban-chinhphu' | 'congbao' | 'gov';

export interface Portal {
  id: PortalId;
  name: string;
  /** Host names (a host matches when it is one of these or a subdomain). */
  hosts: readonly string[];
  /** Where the document is, best first; the first that holds text wins. */
  containers: readonly string[];
  /** Page furniture inside the container that is not the document. */
  skip: readonly string[];
}

export const PORTALS: readonly Portal[] = [
  {
    id: 'vbpl',
    name: 'vbpl.vn',
    hosts: ['vbpl.vn'],
    // div.fulltext holds the header tables and the signature around
    // #toanvancontent; the Word-exported variant nests div.Section1 inside.
    containers: ['div.fulltext', '#toanvancontent'],
    skip: ['.vbFile', '.vbInfo', '#divShowDialogDownload'],
  },
  {
    id: 'tvpl',
    name: 'thuvienphapluat.vn',
    hosts: ['thuvienphapluat.vn'],
    containers: ['#divContentDoc .content1', '#ctl00_Content_ThongTinVB_divNoiDung', '#divNoiDung', '.contentDoc .content1', '.content1'],
    skip: ['[class*="lqhlTootip"]', '.NoiDungChiaSe', '.GgADS', '.LawNote', '.download1'],
  },
  {
    id: 'luatvietnam',
    name: 'luatvietnam.vn',
    hosts: ['luatvietnam.vn'],
    containers: ['#noidung .the-document-body', '#noidung .the-document-entry', '.the-document-body', '.content-vb', '#noidung'],
    skip: ['.target-hidden', '.bg-theo-doi', '.tooltip-button'],
  },
  { id: 'vanban-chinhphu', name: 'vanban.chinhphu.vn', hosts: ['vanban.chinhphu.vn'], containers: [], skip: [] },
  { id: 'congbao', name: 'congbao.chinhphu.vn', hosts: ['congbao.chinhphu.vn'], containers: [], skip: [] },
  {
    id: 'gov',
    name: 'Cổng thông tin các bộ (gov.vn)',
    // Bộ Nội vụ, Bộ Tư pháp, Bộ Tài chính and the Government portal: where
    // the news articles that cite documents are published.
    hosts: ['moha.gov.vn', 'moj.gov.vn', 'mof.gov.vn', 'chinhphu.vn'],
    containers: [],
    skip: [],
  },
];

const ALL_HOSTS = PORTALS.flatMap((p) => p.hosts);

/** Match patterns of the content script (http and https; a host and its subdomains; hosts another one covers left out). */
export const PORTAL_MATCHES: readonly string[] = ALL_HOSTS.filter((h) => !ALL_HOSTS.some((g) => g !== h && h.endsWith(`.${g}`))).map((h) => `*://*.${h}/*`);

export function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase().replace(/\.$/u, '');
  return h === pattern || h.endsWith(`.${pattern}`);
}

/** The portal a host belongs to (the most specific host wins: vanban.chinhphu.vn before chinhphu.vn). */
export function portalFor(host: string): Portal | undefined {
  let best: Portal | undefined;
  let bestLen = 0;
  for (const p of PORTALS) {
    for (const h of p.hosts) {
      if (hostMatches(host, h) && h.length > bestLen) {
        best = p;
        bestLen = h.length;
      }
    }
  }
  return best;
}

/** Containers tried on every page after the portal's own (news articles, CMS pages). */
export const GENERIC_CONTAINERS: readonly string[] = [
  '[itemprop="articleBody"]',
  'article .detail-content',
  '.detail-content',
  '.news-content',
  '.content-detail',
  'article',
  'main',
];

/** Never part of the text, on any page. */
export const ALWAYS_SKIP = 'script,style,noscript,template,textarea,select,option,input,button,svg,canvas,iframe,object,embed,video,audio,[hidden],[aria-hidden="true"],[data-vanban-ui]';
