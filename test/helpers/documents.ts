/** Small well-formed documents for rule tests: each rule test breaks one thing and checks what fires. */
export const QD = `BỘ NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/QĐ-BNV
Hà Nội, ngày 05 tháng 01 năm 2024
QUYẾT ĐỊNH
Về việc ban hành Quy chế làm việc
BỘ TRƯỞNG BỘ NỘI VỤ
Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;
Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ;
Theo đề nghị của Chánh Văn phòng Bộ.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Bộ Nội vụ.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký./.
Nơi nhận:
- Như Điều 2;
- Bộ trưởng (để báo cáo);
- Lưu: VT, VP.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn A
`;

export const CONG_VAN = `BỘ NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 05/BNV-VP
V/v nâng bậc lương năm 2024
Hà Nội, ngày 10 tháng 3 năm 2024
Kính gửi: Sở Nội vụ các tỉnh.
Bộ Nội vụ đề nghị Sở Nội vụ các tỉnh báo cáo kết quả nâng bậc lương năm 2024.
Nơi nhận:
- Như trên;
- Lưu: VT, VP.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn A
`;

export const KE_HOACH = `ỦY BAN NHÂN DÂN TỈNH A
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/KH-UBND
Hà Nội, ngày 10 tháng 3 năm 2024
KẾ HOẠCH
Cải cách hành chính năm 2024
I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
Nâng cao hiệu quả công tác cải cách hành chính.
Nơi nhận:
- Các sở, ngành;
- Lưu: VT, NC.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Trần Văn B
`;

/** The head of a Thông tư (up to its enactment line), for rule tests that append a body. */
export const TT_HEAD = [
  'BỘ NỘI VỤ',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Số: 12/2025/TT-BNV',
  'Hà Nội, ngày 05 tháng 3 năm 2025',
  'THÔNG TƯ',
  'Quy định về công tác văn thư',
  'Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;',
  'Bộ trưởng Bộ Nội vụ ban hành Thông tư quy định về công tác văn thư.',
  '',
].join('\n');
