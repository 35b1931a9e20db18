/**
 * The named, deterministic demo cases for candidate discovery in 2025, all in two small teams of Phường Ba Đình
 * (reachable by the demo account `canbo.badinh`). Tests, the README and the browser journeys use this list;
 * `demo-people.ts` builds the people and their exact histories.
 */

/** The ward whose officer (`canbo.badinh`) sees the cases. */
export const DEMO_WARD_CODE = '00004';
/** The former ward the teams belonged to before the July 2025 reform. */
export const DEMO_FORMER_WARD_CODE = 'F00004-1';
/** The review year discovery is demonstrated for. */
export const DEMO_YEAR = 2025;

export const DEMO_UNITS = {
  /** 13 members at the end of 2025, 9 of them "Lao động tiên tiến" (69.2 %): one member short of TTLĐTT. */
  oneStop: { code: 'BD-MC', name: 'Tổ Một cửa phường Ba Đình', members: 13, advancedWorkers2025: 9 },
  /** 13 members at the end of 2025, 10 of them "Lao động tiên tiến" (76.9 %): eligible for TTLĐTT. */
  urbanOrder: { code: 'BD-TTDT', name: 'Đội Trật tự đô thị phường Ba Đình', members: 13, advancedWorkers2025: 10 },
} as const;

export interface DemoCase {
  key: 'a' | 'b' | 'c' | 'd' | 'e1' | 'e2' | 'f' | 'g' | 'h' | 'i';
  subject: 'individual' | 'collective';
  /** Full name (person) or unit name (collective), unique in the demo city. */
  name: string;
  unitCode: string;
  /** The award discovery should consider for 2025 (catalogue code). */
  award: string;
  /** What discovery should conclude. */
  expected: 'eligible' | 'one_step_away' | 'blocked';
  shows: string;
  showsVi: string;
}

export const DEMO_CASES: readonly DemoCase[] = [
  {
    key: 'a', subject: 'individual', name: 'Trần Thị Minh Khuê', unitCode: 'BD-MC', award: 'ministerial_provincial_emulation_fighter', expected: 'one_step_away',
    shows: 'CSTĐCS in 2024 and 2025 only (not 2023), excellent 2023–2025, a city-wide initiative in 2025: one consecutive CSTĐCS short of Chiến sĩ thi đua thành phố',
    showsVi: 'CSTĐCS năm 2024, 2025 (không có 2023), HTXS 2023–2025, sáng kiến cấp thành phố 2025: còn thiếu 1 lần CSTĐCS liên tục để đạt Chiến sĩ thi đua thành phố',
  },
  {
    key: 'b', subject: 'individual', name: 'Lê Quang Khải', unitCode: 'BD-MC', award: 'ministerial_provincial_emulation_fighter', expected: 'eligible',
    shows: 'Team leader with CSTĐCS 2023, 2024, 2025, excellent 2023–2025 and an unused city-wide initiative in 2025: eligible for Chiến sĩ thi đua thành phố',
    showsVi: 'Tổ trưởng, CSTĐCS 3 năm liên tục 2023–2025, HTXS, sáng kiến cấp thành phố 2025 chưa sử dụng: đủ điều kiện Chiến sĩ thi đua thành phố',
  },
  {
    key: 'c', subject: 'individual', name: 'Nguyễn Hữu Thiện', unitCode: 'BD-MC', award: 'grassroots_emulation_fighter', expected: 'blocked',
    shows: 'Excellent 2021–2025 with a grassroots initiative in 2025, but a reprimand from 2025-02-01 to 2026-02-01 (still running on 2025-12-31): no title for 2025',
    showsVi: 'HTXS 2021–2025, có sáng kiến 2025, nhưng bị khiển trách từ 01/02/2025 đến 01/02/2026: không xét danh hiệu năm 2025',
  },
  {
    key: 'd', subject: 'individual', name: 'Phạm Thị Thu Hoài', unitCode: 'BD-MC', award: 'advanced_worker', expected: 'eligible',
    shows: 'Excellent in 2025 with six months of maternity leave (2025-03-01 → 2025-09-01): maternity counts as work, still eligible for Lao động tiên tiến',
    showsVi: 'HTXS năm 2025, nghỉ thai sản 6 tháng (01/03/2025 – 01/09/2025): thời gian thai sản được tính, vẫn đủ điều kiện Lao động tiên tiến',
  },
  {
    key: 'e1', subject: 'collective', name: 'Tổ Một cửa phường Ba Đình', unitCode: 'BD-MC', award: 'advanced_labor_collective', expected: 'one_step_away',
    shows: '13 members, 9 with Lao động tiên tiến 2025 (69.2 % < 70 %), rated good: one member short of Tập thể lao động tiên tiến',
    showsVi: '13 thành viên, 9 người đạt Lao động tiên tiến 2025 (69,2 % < 70 %), tập thể hoàn thành tốt nhiệm vụ: còn thiếu 1 người để đạt Tập thể lao động tiên tiến',
  },
  {
    key: 'e2', subject: 'collective', name: 'Đội Trật tự đô thị phường Ba Đình', unitCode: 'BD-TTDT', award: 'advanced_labor_collective', expected: 'eligible',
    shows: '13 members, 10 with Lao động tiên tiến 2025 (76.9 %), rated good, nobody disciplined: eligible for Tập thể lao động tiên tiến',
    showsVi: '13 thành viên, 10 người đạt Lao động tiên tiến 2025 (76,9 %), hoàn thành tốt nhiệm vụ, không ai bị kỷ luật: đủ điều kiện Tập thể lao động tiên tiến',
  },
  {
    key: 'f', subject: 'individual', name: 'Đỗ Minh Triết', unitCode: 'BD-MC', award: 'grassroots_emulation_fighter', expected: 'blocked',
    shows: 'Excellent in 2025 with a grassroots initiative, but an open complaint since 2025-11-01: frozen until it is concluded',
    showsVi: 'HTXS năm 2025, có sáng kiến, nhưng đang có đơn khiếu nại từ 01/11/2025 chưa giải quyết xong: tạm dừng xét khen thưởng',
  },
  {
    key: 'g', subject: 'individual', name: 'Vũ Thị Kim Thoa', unitCode: 'BD-MC', award: 'prime_minister_certificate_of_merit', expected: 'eligible',
    shows: 'City Bằng khen decided 2021-04-10 for 2019–2020, then good or excellent 2021–2025 with CSTĐCS in 2021, 2023 and 2025: candidate for Bằng khen của Thủ tướng',
    showsVi: 'Bằng khen của Chủ tịch UBND thành phố (QĐ ngày 10/04/2021, thành tích 2019–2020), sau đó 5 năm liên tục hoàn thành tốt nhiệm vụ trở lên, 3 lần CSTĐCS (2021, 2023, 2025): đề nghị Bằng khen của Thủ tướng',
  },
  {
    key: 'h', subject: 'individual', name: 'Hoàng Văn Lực', unitCode: 'BD-TTDT', award: 'grassroots_emulation_fighter', expected: 'eligible',
    shows: 'A direct worker (team member, not a leader) rated excellent in 2025 with a grassroots initiative: eligible for Chiến sĩ thi đua cơ sở',
    showsVi: 'Người lao động trực tiếp (đội viên, không giữ chức vụ lãnh đạo), HTXS năm 2025, có sáng kiến cấp cơ sở: đủ điều kiện Chiến sĩ thi đua cơ sở',
  },
  {
    key: 'i', subject: 'individual', name: 'Đinh Thị Tố Uyên', unitCode: 'BD-MC', award: 'advanced_worker', expected: 'eligible',
    shows: 'A civil servant of Sở Tư pháp since 2012-03-01, transferred to the team on 2025-09-01 and rated good for 2025: a transfer is not a new recruitment (TT 01/2024/TT-BNV Art 1(5)(d)), eligible for Lao động tiên tiến',
    showsVi: 'Công chức Sở Tư pháp từ 01/03/2012, chuyển công tác về Tổ Một cửa từ 01/09/2025, năm 2025 hoàn thành tốt nhiệm vụ: chuyển công tác không phải tuyển dụng mới (TT 01/2024/TT-BNV Điều 1 khoản 5 điểm d), đủ điều kiện Lao động tiên tiến',
  },
];

/** The unit the transferred case (i) came from, and when (demo-people.ts). */
export const DEMO_TRANSFER = { fromUnitCode: 'S04', recruitedOn: '2012-03-01', transferredOn: '2025-09-01' } as const;
