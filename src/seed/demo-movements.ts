import { SYSTEM_ACTOR } from '../modules/audit/audit.ts';
import { launchMovement, registerUnit, submitReport } from '../modules/movements/commands.ts';
import { criteriaOf, periodsOf } from '../modules/movements/repo.ts';
import { type LaunchInput, ZLaunchRequest } from '../modules/movements/schema.ts';
import type { Db } from '../server/db.ts';

// The four 2025 Hà Nội movements (issue 14 item 2), kept small for the browser tests' seed: 3 criteria each, a few
// units registered, reports for some months of 2025. Plan numbers: 190/KH-UBND is the city's innovation and digital
// transformation plan named in the issue; the other plan numbers and dates are invented for the demo (labelled).

const CITY = 'HN';
const WARDS = ['00004', '00008', '00025', '00070'];
const DEPT = { interior: 'S03', justice: 'S04', finance: 'S05', environment: 'S07', construction: 'S08', science: 'S10', health: 'S14' } as const;
const AWARD = 'ministerial_provincial_certificate_of_merit';

type Crit = Omit<LaunchInput['criteria'][number], 'leadUnitId' | 'evidenceRequired' | 'dueOn'> & { lead: keyof typeof DEPT | 'city'; evidenceRequired?: string; dueOn?: string | null };
interface DemoMovement { title: string; kind: 'regular' | 'thematic'; plan: string; planDate: string; startsOn: string; endsOn: string; goals: string; phases: { name: string; startsOn: string; endsOn: string }[]; criteria: Crit[]; units: string[]; months: number; values: (unit: number, month: number) => number[] }

const pct = (field: string, name: string, measure: string, target: number, weight: number, lead: Crit['lead'], evidence: string): Crit =>
  ({ field, name, measure, unitOfMeasure: '%', target, direction: 'at_least', weight, lead, evidenceRequired: evidence, minValue: 0, maxValue: 100 });

export const DEMO_MOVEMENTS: DemoMovement[] = [
  {
    title: 'Thi đua lập thành tích chào mừng Đại hội Đảng bộ các cấp, tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng', kind: 'thematic',
    plan: '25/KH-UBND (số hiệu minh họa)', planDate: '2025-01-20', startsOn: '2025-01-01', endsOn: '2025-12-31', goals: 'Tổ chức thành công Đại hội Đảng bộ các cấp nhiệm kỳ 2025–2030; hoàn thành các chỉ tiêu kinh tế - xã hội năm 2025.',
    phases: [{ name: 'Đại hội cấp cơ sở', startsOn: '2025-01-01', endsOn: '2025-06-30' }, { name: 'Đại hội cấp thành phố', startsOn: '2025-07-01', endsOn: '2025-12-31' }],
    criteria: [
      pct('Công tác Đảng', 'Chi bộ tổ chức đại hội đúng kế hoạch', 'Tỷ lệ chi bộ trực thuộc tổ chức đại hội đúng thời gian', 100, 40, 'interior', 'Báo cáo kết quả đại hội chi bộ'),
      pct('Kinh tế - xã hội', 'Chỉ tiêu kinh tế - xã hội hoàn thành', 'Tỷ lệ chỉ tiêu năm 2025 đã hoàn thành', 90, 35, 'finance', 'Báo cáo kinh tế - xã hội tháng'),
      { field: 'Hành chính', name: 'Hồ sơ trễ hạn', measure: 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết trễ hạn', unitOfMeasure: '%', target: 2, direction: 'at_most', weight: 25, lead: 'city', minValue: 0, maxValue: 100 },
    ],
    units: [WARDS[0], WARDS[1], DEPT.justice], months: 6,
    values: (u, m) => [Math.min(100, 70 + m * 5 + u * 3), 60 + m * 5 - u * 4, Math.max(0, 4 - m * 0.5 + u)],
  },
  {
    title: 'Thi đua "Sáng - Xanh - Sạch - Đẹp" (sáng, xanh, sạch, đẹp, an toàn) trong khu dân cư', kind: 'thematic',
    plan: '112/KH-UBND (số hiệu minh họa)', planDate: '2025-03-05', startsOn: '2025-03-01', endsOn: '2025-12-31', goals: 'Chấm điểm hằng tháng theo tổ dân phố: chiếu sáng, cây xanh, vệ sinh môi trường, mỹ quan, an toàn.',
    phases: [],
    criteria: [
      pct('Môi trường', 'Hộ phân loại rác tại nguồn', 'Tỷ lệ hộ gia đình phân loại rác tại nguồn', 80, 40, 'environment', 'Biên bản kiểm tra của tổ dân phố'),
      pct('Đô thị', 'Ngõ, ngách được chiếu sáng', 'Tỷ lệ ngõ, ngách có đèn chiếu sáng công cộng', 95, 30, 'construction', 'Danh sách tuyến ngõ đã lắp đèn'),
      pct('Đô thị', 'Tổ dân phố đạt tiêu chí xanh - sạch - đẹp', 'Tỷ lệ tổ dân phố đạt điểm chấm tháng từ 80/100', 85, 30, 'environment', 'Bảng chấm điểm tháng theo tổ dân phố'),
    ],
    units: WARDS, months: 8,
    values: (u, m) => [Math.min(100, 55 + m * 4 + u * 6), Math.min(100, 80 + m * 2 + u), Math.min(100, 60 + m * 3 + u * 5)],
  },
  {
    title: 'Thi đua phòng, chống tham nhũng, lãng phí, thực hành tiết kiệm trong đầu tư công', kind: 'thematic',
    plan: '140/KH-UBND (số hiệu minh họa)', planDate: '2025-04-10', startsOn: '2025-04-01', endsOn: '2025-12-31', goals: 'Dự án đầu tư công tiết kiệm từ 5% dự toán được duyệt được đề nghị khen thưởng; dự án hoàn thành trước hạn được xem xét.',
    phases: [],
    criteria: [
      pct('Đầu tư công', 'Tiết kiệm so với dự toán được duyệt', 'Tỷ lệ (dự toán được duyệt − chi phí thực tế) / dự toán được duyệt', 5, 50, 'finance', 'Quyết định phê duyệt quyết toán dự án'),
      { field: 'Đầu tư công', name: 'Hoàn thành trước thời hạn được duyệt', measure: 'Khối lượng dự án đã hoàn thành', unitOfMeasure: '%', target: 100, direction: 'done_by_date', dueOn: '2025-11-30', weight: 30, lead: 'construction', evidenceRequired: 'Biên bản nghiệm thu đưa vào sử dụng', minValue: 0, maxValue: 100 },
      pct('Đầu tư công', 'Giải ngân vốn đầu tư công', 'Tỷ lệ giải ngân kế hoạch vốn năm 2025', 95, 20, 'finance', 'Báo cáo giải ngân của Kho bạc'),
    ],
    units: [DEPT.construction, DEPT.health, WARDS[0]], months: 6,
    values: (u, m) => [Math.min(100, 2 + m * 0.8 + u), Math.min(100, 40 + m * 12 - u * 5), Math.min(100, 50 + m * 8 - u * 3)],
  },
  {
    title: 'Thi đua đổi mới sáng tạo và chuyển đổi số thành phố Hà Nội giai đoạn 2025–2030 (Kế hoạch 190/KH-UBND)', kind: 'regular',
    plan: '190/KH-UBND', planDate: '2025-06-20', startsOn: '2025-07-01', endsOn: '2030-12-31', goals: 'Dịch vụ công trực tuyến toàn trình, số hóa hồ sơ, sáng kiến ứng dụng công nghệ.',
    phases: [{ name: 'Giai đoạn 2025–2027', startsOn: '2025-07-01', endsOn: '2027-12-31' }, { name: 'Giai đoạn 2028–2030', startsOn: '2028-01-01', endsOn: '2030-12-31' }],
    criteria: [
      pct('Chuyển đổi số', 'Hồ sơ trực tuyến toàn trình', 'Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến toàn trình', 80, 40, 'science', 'Số liệu Cổng dịch vụ công thành phố'),
      pct('Chuyển đổi số', 'Số hóa kết quả giải quyết thủ tục', 'Tỷ lệ kết quả giải quyết thủ tục hành chính được số hóa', 90, 35, 'science', 'Báo cáo số hóa của đơn vị'),
      { field: 'Đổi mới sáng tạo', name: 'Sáng kiến được công nhận', measure: 'Số sáng kiến ứng dụng công nghệ được công nhận trong kỳ', unitOfMeasure: 'sáng kiến', target: 2, direction: 'at_least', weight: 25, lead: 'science', minValue: 0, maxValue: 100 },
    ],
    units: [WARDS[0], WARDS[2], DEPT.justice, DEPT.health], months: 5,
    values: (u, m) => [Math.min(100, 50 + m * 6 + u * 4), Math.min(100, 60 + m * 5 + u * 2), (m + u) % 3],
  },
];

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Writes the four movements through the module's use cases: launched by the city, units registered, monthly reports
 * sent a few days after each month (one late now and then). Returns the movements' ids.
 */
export async function seedDemoMovements(db: Db, unitIds: Map<string, number>): Promise<number[]> {
  const unit = (code: string) => {
    const id = unitIds.get(code);
    if (id === undefined) throw new Error(`seed: movements: no unit ${code}`);
    return id;
  };
  const city = unit(CITY);
  const all = { all: true } as const;
  const ids: number[] = [];
  for (const d of DEMO_MOVEMENTS) {
    const input = ZLaunchRequest.parse({
      title: d.title, kind: d.kind, authorityUnitId: city, planDocNumber: d.plan, planDocDate: d.planDate, startsOn: d.startsOn, endsOn: d.endsOn, scopeUnitId: city,
      goals: d.goals, awardCode: AWARD, candidateThreshold: 90, phases: d.phases,
      criteria: d.criteria.map(({ lead, ...c }) => ({ ...c, leadUnitId: lead === 'city' ? city : unit(DEPT[lead]) })),
    });
    const id = await db.tx(async (q) => (await launchMovement(q, SYSTEM_ACTOR, all, input)).id);
    ids.push(id);
    const criteria = await criteriaOf(db, id);
    const periods = await periodsOf(db, id);
    for (const [u, code] of d.units.entries()) {
      await db.tx((q) => registerUnit(q, SYSTEM_ACTOR, all, id, { unitId: unit(code), commitments: criteria.map((c) => ({ criterionId: c.id, committed: c.target })) }));
      for (const p of periods.slice(0, d.months)) {
        const values = d.values(u, p.seq);
        const late = (u + p.seq) % 7 === 0;
        await db.tx((q) => submitReport(q, SYSTEM_ACTOR, all, id, {
          unitId: unit(code), periodId: p.id, note: late ? 'Gửi chậm do chờ số liệu của tổ dân phố' : '',
          figures: criteria.map((c, i) => ({ criterionId: c.id, value: Math.round(Math.max(c.minValue, Math.min(c.maxValue, values[i])) * 100) / 100 })),
        }, { today: addDays(p.deadline, late ? 4 : -3) }));
      }
    }
  }
  return ids;
}
