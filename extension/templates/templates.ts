/**
 * New-document templates after the models of Nghị định 30/2020/NĐ-CP,
 * Phụ lục III, Mục II: Mẫu 1.2 (Quyết định cá biệt quy định trực tiếp),
 * Mẫu 1.3 (Quyết định ban hành kèm theo một văn bản), Mẫu 1.4 (văn bản có tên
 * loại: Kế hoạch, Tờ trình, Báo cáo) and Mẫu 1.5 (Công văn). Pure: the date
 * comes from the caller, the result is a VS Code snippet (see snippet.ts).
 * Every template, with its placeholders at their defaults, checks clean with
 * `vanban check` (test/unit/templates.test.ts).
 */
import type { DocType } from '../../language-server/src/core/syntax/tree.ts';
import { nd30Date, type CalendarDate } from './nd30-date.ts';
import { escapeSnippet } from './snippet.ts';

export type TemplateId = 'quyet-dinh' | 'quyet-dinh-ban-hanh' | 'ke-hoach' | 'cong-van' | 'to-trinh' | 'bao-cao';

export interface TemplateInfo {
  id: TemplateId;
  docType: DocType;
  /** The model in ND30 Phụ lục III it follows. */
  mau: string;
  title: { vi: string; en: string };
  detail: { vi: string; en: string };
  /** A file name to suggest ("quyet-dinh.vanban"). */
  fileName: string;
}

export const TEMPLATES: readonly TemplateInfo[] = [
  {
    id: 'quyet-dinh',
    docType: 'quyet-dinh',
    mau: '1.2',
    title: { vi: 'Quyết định (cá biệt)', en: 'Decision (individual)' },
    detail: { vi: 'Mẫu 1.2 — quy định trực tiếp, các Điều trong thân văn bản', en: 'Model 1.2 — articles in the decision itself' },
    fileName: 'quyet-dinh.vanban',
  },
  {
    id: 'quyet-dinh-ban-hanh',
    docType: 'quyet-dinh',
    mau: '1.3',
    title: { vi: 'Quyết định ban hành kèm theo', en: 'Decision issuing an attached document' },
    detail: { vi: 'Mẫu 1.3 — ban hành Quy chế (Quy định, Kế hoạch…) kèm theo', en: 'Model 1.3 — issues an attached regulation (plan…)' },
    fileName: 'quyet-dinh-ban-hanh.vanban',
  },
  {
    id: 'ke-hoach',
    docType: 'ke-hoach',
    mau: '1.4',
    title: { vi: 'Kế hoạch', en: 'Plan' },
    detail: { vi: 'Mẫu 1.4 — văn bản có tên loại, các mục I, II, III', en: 'Model 1.4 — document with sections I, II, III' },
    fileName: 'ke-hoach.vanban',
  },
  {
    id: 'cong-van',
    docType: 'cong-van',
    mau: '1.5',
    title: { vi: 'Công văn', en: 'Official letter' },
    detail: { vi: 'Mẫu 1.5 — V/v, Kính gửi, Nơi nhận “Như trên”', en: 'Model 1.5 — subject line, addressees, “Như trên”' },
    fileName: 'cong-van.vanban',
  },
  {
    id: 'to-trinh',
    docType: 'to-trinh',
    mau: '1.4',
    title: { vi: 'Tờ trình', en: 'Submission' },
    detail: { vi: 'Mẫu 1.4 — trình cấp trên xem xét, quyết định', en: 'Model 1.4 — submitted to a superior for decision' },
    fileName: 'to-trinh.vanban',
  },
  {
    id: 'bao-cao',
    docType: 'bao-cao',
    mau: '1.4',
    title: { vi: 'Báo cáo', en: 'Report' },
    detail: { vi: 'Mẫu 1.4 — kết quả, tồn tại, phương hướng, kiến nghị', en: 'Model 1.4 — results, shortcomings, next steps, proposals' },
    fileName: 'bao-cao.vanban',
  },
];

export function templateInfo(id: TemplateId): TemplateInfo {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`unknown template ${id}`);
  return t;
}

/** The header block shared by every model: two columns written one after the other. */
function header(kyHieu: string, date: CalendarDate): string {
  return [
    '${1:BỘ NỘI VỤ}',
    '${2:VỤ CẢI CÁCH HÀNH CHÍNH}',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '',
    // The number is left blank: Văn thư gives it when the document is registered (ND30 Điều 15).
    `Số:      /${kyHieu}`,
    `\${4:Hà Nội}, ${escapeSnippet(nd30Date(date))}`,
    '',
  ].join('\n');
}

const SIGNATURE = ['${40:KT. BỘ TRƯỞNG}', '${41:THỨ TRƯỞNG}', '', '${42:Nguyễn Văn A}', ''].join('\n');

/** Bodies after the header; example defaults use the template's year. */
const bodies = (y: number): Record<TemplateId, string> => ({
  'quyet-dinh': `QUYẾT ĐỊNH
Về việc \${10:thành lập Tổ công tác cải cách hành chính năm ${y}}

\${11:BỘ TRƯỞNG BỘ NỘI VỤ}

Căn cứ \${12:Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ};
Theo đề nghị của \${13:Vụ trưởng Vụ Cải cách hành chính}.

QUYẾT ĐỊNH:

Điều 1. \${20:Thành lập Tổ công tác cải cách hành chính năm ${y} gồm các thành viên có tên tại danh sách kèm theo.}
Điều 2. \${21:Tổ công tác có nhiệm vụ giúp Bộ trưởng theo dõi, đôn đốc việc thực hiện nhiệm vụ cải cách hành chính.}
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
Điều 4. \${22:Chánh Văn phòng Bộ, Vụ trưởng Vụ Cải cách hành chính, Thủ trưởng các đơn vị có liên quan và các ông, bà có tên tại Điều 1} chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 4;
- \${30:Bộ trưởng (để b/c)};
- Lưu: VT, \${31:CCHC}.

`,
  'quyet-dinh-ban-hanh': `QUYẾT ĐỊNH
Ban hành \${10:Quy chế làm việc của Tổ công tác cải cách hành chính}

\${11:BỘ TRƯỞNG BỘ NỘI VỤ}

Căn cứ \${12:Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ};
Theo đề nghị của \${13:Vụ trưởng Vụ Cải cách hành chính}.

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này \${10:Quy chế làm việc của Tổ công tác cải cách hành chính}.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. \${22:Chánh Văn phòng Bộ, Vụ trưởng Vụ Cải cách hành chính và Thủ trưởng các đơn vị có liên quan} chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 3;
- \${30:Bộ trưởng (để b/c)};
- Lưu: VT, \${31:CCHC}.

${SIGNATURE}\${50:QUY CHẾ}
\${51:Làm việc của Tổ công tác cải cách hành chính}
(Kèm theo Quyết định số …/\${3:QĐ-BNV} ngày … tháng … năm … của \${52:Bộ trưởng Bộ Nội vụ})

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng
1. \${60:Quy chế này quy định nguyên tắc, chế độ làm việc và trách nhiệm của Tổ công tác.}
2. \${61:Quy chế này áp dụng đối với các thành viên Tổ công tác.}
Điều 2. Nguyên tắc làm việc
\${62:Tổ công tác làm việc theo chế độ tập thể, bàn bạc dân chủ và quyết định theo đa số.}

Chương II
NHIỆM VỤ VÀ QUYỀN HẠN

Điều 3. Nhiệm vụ của Tổ công tác
1. \${63:Theo dõi, đôn đốc các đơn vị thực hiện nhiệm vụ cải cách hành chính.}
2. \${64:Tổng hợp, báo cáo Bộ trưởng kết quả thực hiện hằng quý.}
Điều 4. Tổ chức thực hiện
\${65:Vụ Cải cách hành chính có trách nhiệm hướng dẫn, kiểm tra việc thực hiện Quy chế này.}/.
`,
  'ke-hoach': `KẾ HOẠCH
\${10:Cải cách hành chính năm ${y}}

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
\${20:Triển khai đồng bộ các nhiệm vụ cải cách hành chính của cơ quan trong năm ${y}.}
2. Yêu cầu
\${21:Xác định rõ nhiệm vụ, thời hạn hoàn thành và trách nhiệm của từng đơn vị.}

II. NHIỆM VỤ CỤ THỂ
1. \${22:Cải cách thể chế}
a) \${23:Rà soát, hệ thống hóa văn bản quy phạm pháp luật thuộc phạm vi quản lý.}
b) \${24:Kiểm tra việc thực hiện văn bản quy phạm pháp luật.}
2. \${25:Cải cách thủ tục hành chính}
a) \${26:Rà soát, đơn giản hóa thủ tục hành chính.}
b) \${27:Công khai thủ tục hành chính trên Cổng dịch vụ công quốc gia.}

III. TỔ CHỨC THỰC HIỆN
1. \${28:Các đơn vị thuộc cơ quan căn cứ Kế hoạch này xây dựng kế hoạch của đơn vị.}
2. \${29:Vụ Cải cách hành chính theo dõi, đôn đốc và tổng hợp kết quả thực hiện các nhiệm vụ tại mục II Kế hoạch này.}/.

Nơi nhận:
- \${30:Bộ trưởng (để b/c)};
- \${32:Các đơn vị thuộc Bộ};
- Lưu: VT, \${31:CCHC}.

`,
  'cong-van': `V/v \${10:đôn đốc thực hiện nhiệm vụ cải cách hành chính năm ${y}}

Kính gửi: \${11:Các đơn vị thuộc và trực thuộc Bộ}.

\${20:Thực hiện Kế hoạch cải cách hành chính năm ${y}, Bộ Nội vụ đề nghị các đơn vị báo cáo kết quả thực hiện nhiệm vụ quý I năm ${y}.}

\${21:Báo cáo gửi về Vụ Cải cách hành chính trước ngày 25 tháng 3 năm ${y} để tổng hợp.}/.

Nơi nhận:
- Như trên;
- \${30:Bộ trưởng (để b/c)};
- Lưu: VT, \${31:CCHC}.

`,
  'to-trinh': `TỜ TRÌNH
Về việc \${10:ban hành Quy chế làm việc của Tổ công tác cải cách hành chính}

Kính gửi: \${11:Bộ trưởng Bộ Nội vụ}.

I. SỰ CẦN THIẾT
\${20:Việc ban hành Quy chế nhằm bảo đảm Tổ công tác hoạt động thống nhất, hiệu quả.}

II. NỘI DUNG CHỦ YẾU
1. \${21:Phạm vi điều chỉnh và đối tượng áp dụng.}
2. \${22:Nhiệm vụ, quyền hạn và chế độ làm việc của Tổ công tác.}

III. KIẾN NGHỊ
\${23:Kính trình Bộ trưởng xem xét, quyết định.}/.

Nơi nhận:
- Như trên;
- Lưu: VT, \${31:CCHC}.

`,
  'bao-cao': `BÁO CÁO
\${10:Kết quả thực hiện nhiệm vụ cải cách hành chính quý I năm ${y}}

I. KẾT QUẢ THỰC HIỆN
1. \${20:Cải cách thể chế}
\${21:Đã rà soát và đề xuất sửa đổi các văn bản thuộc phạm vi quản lý.}
2. \${22:Cải cách thủ tục hành chính}
\${23:Đã công khai đầy đủ thủ tục hành chính trên Cổng dịch vụ công quốc gia.}

II. TỒN TẠI, HẠN CHẾ
\${24:Một số nhiệm vụ còn chậm so với kế hoạch.}

III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ TIẾP THEO
\${25:Tập trung hoàn thành các nhiệm vụ còn chậm.}

IV. KIẾN NGHỊ, ĐỀ XUẤT
\${26:Không.}/.

Nơi nhận:
- \${30:Bộ trưởng (để b/c)};
- Lưu: VT, \${31:CCHC}.

`,
});

const KY_HIEU: Record<TemplateId, string> = {
  'quyet-dinh': '${3:QĐ-BNV}',
  'quyet-dinh-ban-hanh': '${3:QĐ-BNV}',
  'ke-hoach': '${3:KH-BNV}',
  'cong-van': '${3:BNV-CCHC}',
  'to-trinh': '${3:TTr-CCHC}',
  'bao-cao': '${3:BC-BNV}',
};

/**
 * The template as a VS Code snippet, dated `date` (today, in the caller's
 * time zone). `$0` ends at the top of the body so Tab leaves the cursor there.
 */
export function templateSnippet(id: TemplateId, date: CalendarDate): string {
  templateInfo(id);
  return `${header(KY_HIEU[id], date)}${bodies(date.year)[id]}${SIGNATURE}`;
}
