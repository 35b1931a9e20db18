/**
 * Values the law leaves uncertain or to local choice are settings, not constants (catalogue.yaml `uncertain`).
 * A system admin changes them in the UI (audited); the engine receives their current values as plain data.
 */
export type SettingType = 'number' | 'boolean' | 'enum';
export type SettingValue = number | boolean | string;

export interface SettingDef {
  key: string;
  type: SettingType;
  defaultValue: SettingValue;
  options?: string[];
  min?: number;
  max?: number;
  uncertain: boolean;
  basis: string;
  labelVi: string;
  labelEn: string;
  noteVi?: string;
  noteEn?: string;
}

export const SETTING_DEFS: readonly SettingDef[] = [
  // The new-recruit rule of Lao động tiên tiến, one setting per rule set (the circular each applies). Not a general
  // minimum of months worked: other absence is reflected in the year's rating (law.md §0.0, 2026-12-07).
  {
    key: 'new_recruit_min_months_tt01_2024', type: 'number', defaultValue: 6, min: 0, max: 24, uncertain: false,
    basis: 'TT 01/2024/TT-BNV, Điều 1 khoản 5 điểm d ("không xét tặng danh hiệu Lao động tiên tiến đối với cá nhân mới tuyển dụng dưới 06 tháng", Bộ Nội vụ trích dẫn nguyên văn)',
    labelVi: 'Người mới tuyển dụng dưới số tháng này không xét Lao động tiên tiến (hồ sơ nhận 01/01/2024–30/06/2025, TT 01/2024/TT-BNV)',
    labelEn: 'No Advanced worker for people recruited less than this many months before (dossiers received 1 Jan 2024 – 30 Jun 2025, Circular 01/2024)',
    noteVi: 'Tính từ ngày tuyển dụng lần đầu đến hết năm xét; chuyển công tác, biệt phái không phải tuyển dụng mới. Không phải số tháng công tác tối thiểu.',
    noteEn: 'Counted from the first recruitment to the end of the year reviewed; a transfer or secondment is not a new recruitment. Not a minimum of months worked.',
  },
  {
    key: 'new_recruit_min_months_tt15_2025', type: 'number', defaultValue: 6, min: 0, max: 24, uncertain: true,
    basis: 'TT 15/2025/TT-BNV (thay TT 01/2024/TT-BNV từ 05/08/2025; chưa đọc được văn bản: giữ 06 tháng của TT 01/2024/TT-BNV, Điều 1 khoản 5 điểm d)',
    labelVi: 'Người mới tuyển dụng dưới số tháng này không xét Lao động tiên tiến (hồ sơ nhận từ 01/07/2025, TT 15/2025/TT-BNV)',
    labelEn: 'No Advanced worker for people recruited less than this many months before (dossiers received from 1 Jul 2025, Circular 15/2025)',
    noteVi: 'Tính từ ngày tuyển dụng lần đầu đến hết năm xét; chuyển công tác, biệt phái không phải tuyển dụng mới. Không phải số tháng công tác tối thiểu.',
    noteEn: 'Counted from the first recruitment to the end of the year reviewed; a transfer or secondment is not a new recruitment. Not a minimum of months worked.',
  },
  {
    key: 'new_recruit_min_months_armed_forces', type: 'number', defaultValue: 9, min: 0, max: 24, uncertain: true,
    basis: 'TT 118/2023/TT-BQP (nguồn thứ cấp; quy định riêng của Bộ Quốc phòng theo Luật TĐKT 2022, Điều 24 khoản 4)',
    labelVi: 'Chiến sĩ tiên tiến: người mới tuyển dụng dưới số tháng này không xét', labelEn: 'Advanced soldier: no title for people recruited less than this many months before',
  },
  {
    key: 'law2026_cstdcs_requires_initiative', type: 'boolean', defaultValue: true, uncertain: true,
    basis: 'Luật 06/2026/QH16 (hiệu lực 01/10/2026); nội dung theo dự thảo báo Lao Động đưa tin, chưa đối chiếu văn bản',
    labelVi: 'Từ 01/10/2026: Chiến sĩ thi đua cơ sở phải Hoàn thành xuất sắc nhiệm vụ VÀ có sáng kiến', labelEn: 'From 1 Oct 2026: grassroots emulation fighter needs an excellent rating AND an initiative',
    noteVi: 'Tắt nếu văn bản chính thức giữ quy định cũ (xuất sắc HOẶC sáng kiến).', noteEn: 'Turn off if the official text keeps the old rule (excellent OR initiative).',
  },
  {
    key: 'money_rounding', type: 'enum', defaultValue: 'ceil_to_10000', options: ['ceil_to_10000', 'none'], uncertain: true,
    basis: 'NĐ 152/2025/NĐ-CP, Điều 49 khoản 2 ("làm tròn số lên hàng chục nghìn")',
    labelVi: 'Làm tròn tiền thưởng', labelEn: 'Rounding of reward money',
    noteVi: 'Báo chí thường dẫn số chưa làm tròn (vd. 702.000 đồng); xác nhận với bộ phận tài chính.', noteEn: 'The press often quotes unrounded amounts (e.g. 702,000); confirm with finance.',
  },
  {
    key: 'base_salary_from_2026_07_01', type: 'number', defaultValue: 2_530_000, min: 0, max: 100_000_000, uncertain: true,
    basis: 'NĐ 161/2026/NĐ-CP (chỉ có nguồn thứ cấp)',
    labelVi: 'Lương cơ sở từ 01/07/2026 (đồng/tháng)', labelEn: 'Base salary from 1 Jul 2026 (VND/month)',
  },
  {
    key: 'household_multiplier', type: 'number', defaultValue: 1.5, min: 0, max: 10, uncertain: false,
    basis: 'NĐ 152/2025/NĐ-CP (hộ gia đình bằng 1,5 lần mức tiền thưởng đối với cá nhân)',
    labelVi: 'Hệ số tiền thưởng hộ gia đình so với cá nhân', labelEn: 'Household reward multiple of the individual amount',
  },
  {
    key: 'capital_citizen_quota_per_year', type: 'number', defaultValue: 10, min: 0, max: 1000, uncertain: false,
    basis: 'QĐ 71/2025/QĐ-UBND (Hà Nội)',
    labelVi: 'Số Công dân Thủ đô ưu tú tối đa mỗi năm', labelEn: 'Outstanding Capital Citizens per year (maximum)',
  },
  {
    key: 'council_threshold_grassroots_pct', type: 'number', defaultValue: 80, min: 50, max: 100, uncertain: true,
    basis: 'NĐ 98/2023/NĐ-CP, Điều 30 khoản 7 (điều tương ứng của NĐ 152 chưa tìm thấy)',
    labelVi: 'Tỷ lệ phiếu đồng ý (% tổng số thành viên Hội đồng) cho CSTĐ cơ sở, Cờ thi đua', labelEn: 'Votes needed (% of all council members) for grassroots fighter and flags',
  },
  {
    key: 'council_threshold_high_pct', type: 'number', defaultValue: 90, min: 50, max: 100, uncertain: true,
    basis: 'NĐ 98/2023/NĐ-CP, Điều 30 khoản 7; QĐ 71/2025/QĐ-UBND',
    labelVi: 'Tỷ lệ phiếu đồng ý (% tổng số thành viên) cho CSTĐ thành phố, toàn quốc, Anh hùng, Công dân Thủ đô ưu tú', labelEn: 'Votes needed (% of all members) for city/national fighter, heroes, Outstanding Capital Citizen',
  },
  {
    key: 'small_collective_max_members', type: 'number', defaultValue: 15, min: 1, max: 10_000, uncertain: false,
    basis: 'Luật TĐKT 2022, Điều 5 khoản 2 điểm d (ưu tiên tập thể, cá nhân trực tiếp lao động)',
    labelVi: 'Tập thể nhỏ (được làm nổi bật khi phát hiện nhân tố): tối đa số thành viên', labelEn: 'Small collective (highlighted by discovery): at most this many members',
  },
  // The cap on "excellent" ratings (evaluations/data/schemes.yaml reads these two): the law's wording leaves the base
  // and the rounding below one open (evaluation.md §7.3).
  {
    key: 'evaluation_cap_base', type: 'enum', defaultValue: 'good', options: ['good', 'good_or_better'], uncertain: true,
    basis: 'QĐ 366-QĐ/TW Điều 11; NĐ 335/2025/NĐ-CP ("không quá 20% số được xếp loại Hoàn thành tốt nhiệm vụ"; cách hiểu cần Sở Nội vụ xác nhận)',
    labelVi: 'Trần Hoàn thành xuất sắc: tính trên số Hoàn thành tốt (good) hay số Hoàn thành tốt trở lên (good_or_better)',
    labelEn: 'Excellent cap: a share of those rated good (good) or of those rated good or better (good_or_better)',
  },
  {
    key: 'evaluation_cap_min_one', type: 'boolean', defaultValue: true, uncertain: true,
    basis: 'Tiền lệ TT 02/2024/TT-VKSTC Điều 18 (nếu 20% nhỏ hơn 1 thì vẫn được 1)',
    labelVi: 'Trần Hoàn thành xuất sắc: được ít nhất 1 khi tỷ lệ làm tròn xuống dưới 1', labelEn: 'Excellent cap: at least one when the share rounds below one',
  },
  {
    key: 'ratings_due_day_in_december', type: 'number', defaultValue: 5, min: 1, max: 31, uncertain: true,
    basis: 'Hà Nội: hồ sơ khen thưởng cuối năm của đơn vị, cụm, khối gửi Sở Nội vụ trước ngày 10/12 (hanoi.md; evaluation.md §2.2); xếp loại phải được quyết định trước khi bình xét',
    labelVi: 'Hạn quyết định xếp loại của năm: ngày này của tháng 12 (hộp việc báo quá hạn sau ngày này)', labelEn: 'Ratings of the year are due by this day of December (the inbox shows them overdue after it)',
    noteVi: 'Đặt theo hướng dẫn tổng kết năm của Sở Nội vụ.', noteEn: "Set from the Department of Home Affairs' year-end instructions.",
  },
];

export type Settings = Record<string, SettingValue>;

/** The defaults of every setting. */
export function defaultSettings(): Settings {
  return Object.fromEntries(SETTING_DEFS.map((d) => [d.key, d.defaultValue]));
}

/** Whether a value is acceptable for a setting; returns the rule code it breaks, or null. */
export function settingValueProblem(def: SettingDef, value: unknown): string | null {
  if (def.type === 'boolean') return typeof value === 'boolean' ? null : 'boolean';
  if (def.type === 'enum') return typeof value === 'string' && (def.options ?? []).includes(value) ? null : 'one_of';
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'number';
  if (def.min !== undefined && value < def.min) return 'too_small';
  if (def.max !== undefined && value > def.max) return 'too_big';
  return null;
}
