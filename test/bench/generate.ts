/**
 * A seeded generator of synthetic Thông tư of any size, for the benchmark's
 * scaling figure and for the complexity tests. The same (bytes, seed) always
 * gives the same text. Every construct the checker reads appears at every
 * size, in proportion: header, căn cứ with citations, Chương with Điều,
 * khoản, điểm and "-" items, internal references (to earlier and later
 * units, with ranges and lists, a few to units that do not exist), citations
 * of other documents, Nơi nhận, chữ ký, and a Phụ lục with a table.
 */

/** mulberry32: small, fast, and the same on every engine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'cơ quan, tổ chức, cá nhân', 'đơn vị sự nghiệp công lập', 'Ủy ban nhân dân cấp tỉnh', 'cán bộ, công chức, viên chức',
  'người đứng đầu cơ quan', 'Sở Nội vụ', 'các bộ, cơ quan ngang bộ', 'tổ chức hành nghề', 'doanh nghiệp nhà nước',
];
const VERBS = [
  'có trách nhiệm thực hiện', 'chủ trì, phối hợp với', 'tổ chức triển khai', 'báo cáo định kỳ về', 'kiểm tra, giám sát việc thực hiện',
  'hướng dẫn, đôn đốc', 'xây dựng kế hoạch về', 'bảo đảm kinh phí cho', 'công khai kết quả', 'tổng hợp, đánh giá',
];
const OBJECTS = [
  'cải cách hành chính', 'chuyển đổi số trong hoạt động của cơ quan nhà nước', 'thủ tục hành chính thuộc phạm vi quản lý',
  'công tác văn thư, lưu trữ', 'chế độ báo cáo thống kê', 'hồ sơ điện tử của người dân', 'dịch vụ công trực tuyến toàn trình',
  'tiêu chuẩn chức danh nghề nghiệp', 'quy chế phối hợp liên ngành', 'chất lượng phục vụ người dân và doanh nghiệp',
];
const TAILS = [
  'theo quy định của pháp luật', 'trong phạm vi chức năng, nhiệm vụ được giao', 'bảo đảm đúng thời hạn',
  'trên địa bàn tỉnh', 'hằng năm', 'theo hướng dẫn của Bộ Nội vụ', 'kể từ ngày được giao',
];
const TITLES = [
  'Phạm vi điều chỉnh', 'Đối tượng áp dụng', 'Giải thích từ ngữ', 'Nguyên tắc thực hiện', 'Trách nhiệm của cơ quan chủ trì',
  'Hồ sơ, trình tự thực hiện', 'Chế độ báo cáo', 'Kinh phí thực hiện', 'Kiểm tra, giám sát', 'Xử lý vi phạm',
];
const CHAPTERS = ['QUY ĐỊNH CHUNG', 'QUY ĐỊNH CỤ THỂ', 'TỔ CHỨC THỰC HIỆN', 'TRÁCH NHIỆM CỦA CÁC CƠ QUAN', 'ĐIỀU KHOẢN THI HÀNH'];
/** Citations of other documents, as drafts write them. */
const CITED = [
  'Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15',
  'Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ',
  'Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ',
  'Quyết định số 1091/QĐ-BNV ngày 30 tháng 12 năm 2024 của Bộ trưởng Bộ Nội vụ',
  'Thông tư số 01/2023/TT-BNV ngày 08 tháng 3 năm 2023 của Bộ trưởng Bộ Nội vụ',
  'Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư',
];
const DIEM = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i'];

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, r] of table) while (n >= v) (out += r), (n -= v);
  return out;
}

export interface GenerateOptions {
  /** Target size in UTF-8 bytes (the text ends within a few hundred bytes past it). */
  bytes: number;
  seed?: number;
}

/** What a generated Điều holds, for references that point at real units. */
interface Made {
  dieu: number;
  khoan: number;
  /** điểm of its last khoản. */
  diem: number;
}

export function generateDocument({ bytes, seed = 1 }: GenerateOptions): string {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const out: string[] = [];
  let size = 0;
  const push = (line: string) => {
    out.push(line);
    size += Buffer.byteLength(line, 'utf8') + 1;
  };
  const made: Made[] = [];

  const sentence = () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}`;
  const capital = (s: string) => s[0].toUpperCase() + s.slice(1);
  /** An internal reference: mostly to units that exist, sometimes forward, rarely to a missing one. */
  const reference = (here: number): string => {
    const r = rnd();
    if (r < 0.08) return `khoản ${1 + Math.floor(rnd() * 3)} Điều này`;
    if (made.length === 0 || r < 0.12) return `Điều ${here + 1 + Math.floor(rnd() * 3)}`;
    const to = made[Math.floor(rnd() * made.length)];
    if (r < 0.14) return `khoản ${to.khoan + 2} Điều ${to.dieu}`; // missing: reference/unresolved
    if (r < 0.3 && to.diem > 1) return `điểm ${DIEM[Math.floor(rnd() * to.diem)]} khoản ${to.khoan} Điều ${to.dieu}`;
    if (r < 0.4 && to.khoan > 1) return `các khoản 1 và ${to.khoan} Điều ${to.dieu}`;
    if (r < 0.48 && made.length > 3) return `từ Điều ${Math.max(1, to.dieu - 2)} đến Điều ${to.dieu}`;
    if (r < 0.75) return `khoản ${1 + Math.floor(rnd() * to.khoan)} Điều ${to.dieu}`;
    return `Điều ${to.dieu}`;
  };
  const clause = (here: number): string => {
    const r = rnd();
    if (r < 0.02) return `${sentence()} theo danh mục tại Phụ lục I kèm theo Thông tư này`;
    if (r < 0.35) return `${sentence()} theo quy định tại ${reference(here)}`;
    if (r < 0.5) return `${sentence()} theo quy định của ${pick(CITED)}`;
    return `${sentence()}, ${sentence()}`;
  };

  // Header.
  const year = 2026 + Math.floor(rnd() * 3);
  const so = `${10 + Math.floor(rnd() * 80)}/${year}/TT-BNV`;
  push('BỘ NỘI VỤ');
  push('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  push('Độc lập - Tự do - Hạnh phúc');
  push(`Số: ${so}`);
  push(`Hà Nội, ngày ${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')} tháng ${String(3 + Math.floor(rnd() * 9)).padStart(2, '0')} năm ${year}`);
  push('THÔNG TƯ');
  push(`Quy định chi tiết về ${pick(OBJECTS)}`);
  for (const c of CITED.slice(0, 3)) push(`Căn cứ ${c};`);
  push('Theo đề nghị của Vụ trưởng Vụ Pháp chế;');
  push(`Bộ trưởng Bộ Nội vụ ban hành Thông tư quy định chi tiết về ${pick(OBJECTS)}.`);

  // Body: Chương of Điều until the body reaches its share of the size.
  const closingBytes = 900;
  const tableShare = Math.max(600, Math.floor(bytes * 0.04));
  const bodyTarget = bytes - closingBytes - tableShare;
  let dieu = 0;
  let chuong = 0;
  while (size < bodyTarget || dieu < 3) {
    chuong++;
    push(`Chương ${roman(chuong)}`);
    push(chuong === 1 ? CHAPTERS[0] : pick(CHAPTERS.slice(1)));
    const perChapter = 3 + Math.floor(rnd() * 8);
    for (let k = 0; k < perChapter && (size < bodyTarget || dieu < 3); k++) {
      dieu++;
      push(`Điều ${dieu}. ${pick(TITLES)}`);
      const khoans = 1 + Math.floor(rnd() * 5);
      let lastDiem = 0;
      for (let kh = 1; kh <= khoans; kh++) {
        const diems = rnd() < 0.45 ? 2 + Math.floor(rnd() * 5) : 0;
        push(`${kh}. ${capital(clause(dieu))}${diems ? ' như sau:' : '.'}`);
        for (let d = 0; d < diems; d++) {
          push(`${DIEM[d]}) ${clause(dieu)}${d === diems - 1 ? '.' : ';'}`);
          if (rnd() < 0.15) {
            push(`- ${capital(sentence())};`);
            push(`- ${capital(sentence())}.`);
          }
        }
        lastDiem = diems;
      }
      made.push({ dieu, khoan: khoans, diem: lastDiem });
    }
  }

  // Closing: Nơi nhận and chữ ký.
  push('Nơi nhận:');
  push('- Thủ tướng Chính phủ, các Phó Thủ tướng Chính phủ;');
  push('- Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;');
  push('- UBND các tỉnh, thành phố trực thuộc trung ương;');
  push('- Công báo, Cổng thông tin điện tử Chính phủ;');
  push('- Lưu: VT, PC.');
  push('KT. BỘ TRƯỞNG');
  push('THỨ TRƯỞNG');
  push('Nguyễn Văn An');

  // Phụ lục with a table whose rows follow the size.
  push('PHỤ LỤC I');
  push('DANH MỤC NHIỆM VỤ TRIỂN KHAI');
  push(`(Kèm theo Thông tư số ${so} ngày 15 tháng 3 năm ${year} của Bộ trưởng Bộ Nội vụ)`);
  push('| STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |');
  push('|---|---|---|---|');
  let row = 0;
  let group = 0;
  while (size < bytes) {
    if (row % 12 === 0) push(`| ${roman(++group)} | ${pick(CHAPTERS)} | | |`);
    row++;
    push(`| ${row} | ${pick(VERBS)} ${pick(OBJECTS)} | ${pick(SUBJECTS)} | ${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}/${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}/${year + 1} |`);
  }
  return out.join('\n') + '\n';
}
