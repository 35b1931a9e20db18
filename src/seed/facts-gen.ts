import type { GenDiscipline, GenReviewCase, HistoryContext, ReviewKind, Scope } from './history-types.ts';
import type { StaffKind } from './org-plan.ts';
import type { GenPerson } from './people-gen.ts';
import { addMonths, randomDate } from './random.ts';

/**
 * The facts besides ratings and titles for the random people: discipline (≈1 %), open and closed review cases
 * (a handful), maternity leave (≈3 % of women of child-bearing age a year), initiatives and science projects.
 */

const INITIATIVES: Record<'admin' | 'school' | 'health' | 'enterprise', readonly string[]> = {
  admin: [
    'Số hóa quy trình xử lý văn bản đến', 'Chuẩn hóa cơ sở dữ liệu cán bộ, công chức', 'Ứng dụng mã QR tra cứu thủ tục hành chính',
    'Quy trình thẩm định hồ sơ trực tuyến', 'Bảng điều hành số theo dõi nhiệm vụ được giao', 'Sổ tay điện tử hướng dẫn thủ tục cho người dân',
    'Bản đồ số quản lý trật tự xây dựng', 'Tiếp nhận phản ánh của người dân qua ứng dụng trực tuyến',
  ],
  school: [
    'Ứng dụng bảng tương tác trong dạy học môn Toán', 'Biện pháp nâng cao kỹ năng đọc hiểu cho học sinh', 'Ngân hàng đề kiểm tra trực tuyến',
    'Hoạt động trải nghiệm gắn với di sản Thủ đô', 'Giáo dục kỹ năng sống qua câu lạc bộ', 'Phối hợp với cha mẹ học sinh qua sổ liên lạc điện tử',
  ],
  health: [
    'Cải tiến quy trình tiếp đón người bệnh', 'Ứng dụng hồ sơ sức khỏe điện tử', 'Hẹn lịch khám trực tuyến giảm thời gian chờ',
    'Quy trình chăm sóc người bệnh sau phẫu thuật', 'Quản lý tiêm chủng bằng phần mềm', 'Phòng ngừa té ngã cho người bệnh cao tuổi',
  ],
  enterprise: [
    'Cải tiến quy trình bảo dưỡng thiết bị', 'Giảm thất thoát nước trên mạng lưới cấp nước', 'Tối ưu lộ trình xe bằng phần mềm',
    'Tiết kiệm điện năng chiếu sáng công cộng', 'Quy trình an toàn lao động tại công trường',
  ],
};
const SCIENCE = {
  admin: ['Giải pháp nâng cao chất lượng dịch vụ công trực tuyến', 'Đánh giá hiệu quả mô hình chính quyền địa phương hai cấp', 'Chuyển đổi số trong quản lý nhà nước cấp xã'],
  health: ['Đánh giá kết quả điều trị tăng huyết áp tại tuyến cơ sở', 'Thực trạng dinh dưỡng trẻ em dưới 5 tuổi', 'Hiệu quả của chương trình quản lý bệnh đái tháo đường'],
  school: ['Đổi mới phương pháp đánh giá học sinh theo năng lực', 'Giáo dục STEM trong trường phổ thông'],
} as const;
const GROUP: Record<StaffKind, keyof typeof INITIATIVES> = {
  city: 'admin', department: 'admin', commune: 'admin', mass: 'admin', school: 'school', health: 'health', hospital: 'health', enterprise: 'enterprise',
};
const DISCIPLINE_REASONS = [
  'Vi phạm quy chế làm việc của cơ quan', 'Chậm giải quyết hồ sơ thủ tục hành chính', 'Vi phạm quy định về thời giờ làm việc', 'Thiếu trách nhiệm trong thực hiện nhiệm vụ được giao',
];
const REVIEWS: readonly (readonly [ReviewKind, string, number])[] = [
  ['complaint', 'Đơn khiếu nại về kết quả đánh giá, xếp loại', 4],
  ['discipline_review', 'Xem xét kỷ luật theo kết luận kiểm tra', 3],
  ['inspection', 'Thanh tra việc thực hiện nhiệm vụ được giao', 2],
  ['press_report', 'Báo chí phản ánh về thái độ phục vụ người dân', 1],
  ['investigation', 'Cơ quan chức năng đang xác minh', 1],
];

const staffGroup = (ctx: HistoryContext, unitCode: string) => GROUP[ctx.byCode.get(unitCode)?.staff?.kind ?? 'department'];

/** A discipline for about 1 % of people: twelve months from the first of a month in a year they worked. */
export function maybeDiscipline(ctx: HistoryContext, p: GenPerson, person: number): GenDiscipline | null {
  const { rng } = ctx;
  if (!rng.chance(0.01)) return null;
  const worked = ctx.years.filter((y) => p.employments[0].from <= `${y}-01-01`);
  if (!worked.length) return null;
  const year = rng.pick(worked);
  const from = `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
  const level = rng.chance(0.75) ? 'reprimand' : 'warning';
  const d: GenDiscipline = { person, level, from, to: addMonths(from, 12), decisionNo: `${rng.int(1, 900)}/QĐ-KL`, reason: rng.pick(DISCIPLINE_REASONS) };
  ctx.out.disciplines.push(d);
  return d;
}

/** A handful of review cases (≈0.1 % open in the last year, as many closed earlier); returns the open one. */
export function maybeReviewCase(ctx: HistoryContext, p: GenPerson, person: number): GenReviewCase | null {
  const { rng, years } = ctx;
  const last = years[years.length - 1];
  const roll = rng.next();
  if (roll >= 0.002 || p.employments[0].from > `${years[0]}-01-01`) return null;
  const [kind, note] = rng.weighted(REVIEWS.map((r) => [[r[0], r[1]] as const, r[2]] as const));
  if (roll < 0.001) {
    const c: GenReviewCase = { person, kind, openedOn: randomDate(rng, `${last}-06-01`, `${last}-12-15`), closedOn: null, note };
    ctx.out.reviewCases.push(c);
    return c;
  }
  const year = rng.pick(years.slice(0, -1).length ? years.slice(0, -1) : years);
  const openedOn = randomDate(rng, `${year}-01-10`, `${year}-06-30`);
  ctx.out.reviewCases.push({ person, kind, openedOn, closedOn: addMonths(openedOn, rng.int(2, 5)), note: `${note} (đã kết luận)` });
  return null;
}

/** Six months of maternity leave starting in the year, for ≈3 % of women aged 23–42; returns its end. */
export function maybeMaternity(ctx: HistoryContext, p: GenPerson, person: number, year: number, busyUntil: string): string {
  const age = year - Number(p.birthDate.slice(0, 4));
  if (p.gender !== 'female' || age < 23 || age > 42 || p.employments[0].from > `${year}-01-01` || !ctx.rng.chance(0.03)) return busyUntil;
  const from = randomDate(ctx.rng, `${year}-01-02`, `${year}-11-30`);
  if (from < busyUntil) return busyUntil;
  const to = addMonths(from, 6);
  ctx.out.leaves.push({ person, kind: 'maternity', from, to });
  return to;
}

/**
 * Initiatives and science projects for a rated year. A Chiến sĩ thi đua cơ sở is often backed by an initiative
 * used for that title; other good people sometimes have an unused one.
 */
export function addWorks(ctx: HistoryContext, person: number, year: number, unitCode: string, rating: string, fighter: boolean): void {
  const { rng, out } = ctx;
  const chance = fighter ? 0.6 : rating === 'excellent' ? 0.12 : rating === 'good' ? 0.03 : 0;
  const group = staffGroup(ctx, unitCode);
  if (chance && rng.chance(chance)) {
    const scope: Scope = rng.chance(fighter ? 0.08 : 0.12) ? 'ministerial_provincial' : 'grassroots';
    out.initiatives.push({
      person, year, name: rng.pick(INITIATIVES[group]), scope, recognisedOn: randomDate(rng, `${year}-10-01`, `${year}-12-20`),
      usedFor: fighter ? 'grassroots_emulation_fighter' : null,
    });
  }
  const scienceChance = rating === 'excellent' || rating === 'good' ? (group === 'enterprise' ? 0 : group === 'admin' ? 0.004 : 0.015) : 0;
  if (scienceChance && rng.chance(scienceChance)) {
    const names = SCIENCE[group === 'enterprise' ? 'admin' : group];
    out.scienceProjects.push({ person, year, name: rng.pick(names), scope: rng.chance(0.2) ? 'ministerial_provincial' : 'grassroots', accepted: rng.chance(0.8) });
  }
}
