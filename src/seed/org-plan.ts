import { readFileSync } from 'node:fs';
import type { UnitKind } from '../modules/org/types.ts';
import { DEMO_FORMER_WARD_CODE, DEMO_UNITS, DEMO_WARD_CODE } from './demo-cases.ts';

/**
 * The demo city's organisation as plain data: units with dated versions, events and lineage.
 * Pure and deterministic; `seed-org.ts` writes it set-based.
 */

export type StaffKind = 'city' | 'department' | 'commune' | 'school' | 'health' | 'hospital' | 'enterprise' | 'mass';

export interface PlanVersion {
  name: string;
  shortName: string | null;
  parentCode: string | null;
  from: string;
  to: string | null;
  eventKey: string;
}

export interface PlanUnit {
  code: string;
  kind: UnitKind;
  established: string;
  dissolved: string | null;
  versions: PlanVersion[];
  /** Units people work in today: how many (before scaling) and what kind of staff. */
  staff: { min: number; max: number; kind: StaffKind } | null;
  /** Units this one absorbed, and when: people worked there before. */
  predecessors: { on: string; codes: string[] } | null;
}

export interface PlanEvent {
  key: string;
  kind: 'create' | 'merge' | 'dissolve' | 'move';
  date: string;
  note: string;
  unitCodes: string[];
}

export interface PlanLineage {
  pred: string;
  succ: string;
  eventKey: string;
  date: string;
}

export interface OrgPlan {
  units: PlanUnit[];
  events: PlanEvent[];
  lineage: PlanLineage[];
}

export const CITY_CODE = 'HN';
export const CITY_SINCE = '1990-01-01';
export const EXPANSION = '2008-08-01'; // Hà Tây merged into Hà Nội
export const DEPT_REFORM = '2025-03-01'; // Resolution 06/NQ-HĐND
export const COMMUNE_REFORM = '2025-07-01'; // Resolution 1656/NQ-UBTVQH15

const dataFile = (name: string) => new URL(`./reference/${name}`, import.meta.url);

function readCsv(name: string): string[][] {
  return readFileSync(dataFile(name), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split(','));
}

export interface CommuneRow { code: string; name: string; kind: 'ward' | 'commune'; districts: string[] }
export interface DepartmentRow { code: string; name: string; shortName: string }

export function readCommunes(): CommuneRow[] {
  return readCsv('hanoi-communes.csv').map(([code, name, kind, districts]) => ({
    code, name: name.normalize('NFC'), kind: kind === 'phuong' ? 'ward' : 'commune',
    districts: districts.split(';').map((d) => d.trim().normalize('NFC')).filter(Boolean),
  }));
}

export function readDepartments(): DepartmentRow[] {
  return readCsv('hanoi-departments.csv').map(([name, shortName], i) => ({
    code: `S${String(i + 1).padStart(2, '0')}`, name: name.normalize('NFC'), shortName: shortName.normalize('NFC'),
  }));
}

/** The March 2025 mergers: new department (by name) ← former agencies. A same-named former keeps its name. */
const DEPT_MERGES: Record<string, { code: string; name: string }[]> = {
  'Sở Nội vụ': [{ code: 'C-NV', name: 'Sở Nội vụ' }, { code: 'C-LDTBXH', name: 'Sở Lao động - Thương binh và Xã hội' }],
  'Sở Tài chính': [{ code: 'C-TC', name: 'Sở Tài chính' }, { code: 'C-KHDT', name: 'Sở Kế hoạch và Đầu tư' }],
  'Sở Nông nghiệp và Môi trường': [{ code: 'C-NNPTNT', name: 'Sở Nông nghiệp và Phát triển nông thôn' }, { code: 'C-TNMT', name: 'Sở Tài nguyên và Môi trường' }],
  'Sở Xây dựng': [{ code: 'C-XD', name: 'Sở Xây dựng' }, { code: 'C-GTVT', name: 'Sở Giao thông vận tải' }],
  'Sở Khoa học và Công nghệ': [{ code: 'C-KHCN', name: 'Sở Khoa học và Công nghệ' }, { code: 'C-TTTT', name: 'Sở Thông tin và Truyền thông' }],
  'Ban Quản lý Khu công nghệ cao và Khu công nghiệp Hà Nội': [
    { code: 'C-BQLKCN', name: 'Ban Quản lý các khu công nghiệp và chế xuất Hà Nội' },
    { code: 'C-BQLHL', name: 'Ban Quản lý Khu công nghệ cao Hòa Lạc' },
  ],
};
/** Absorbed into a department that continued (Ngoại vụ → Văn phòng UBND). */
const DEPT_ABSORBED: Record<string, { code: string; name: string }[]> = {
  'Văn phòng Ủy ban nhân dân thành phố': [{ code: 'C-NGV', name: 'Sở Ngoại vụ' }],
};
const DEPT_NEW = new Set(['Sở Dân tộc và Tôn giáo']);

const HOSPITALS = [
  'Bệnh viện Đa khoa Xanh Pôn', 'Bệnh viện Thanh Nhàn', 'Bệnh viện Đa khoa Đức Giang', 'Bệnh viện Tim Hà Nội',
  'Bệnh viện Phụ sản Hà Nội', 'Bệnh viện Nhi Hà Nội', 'Bệnh viện Ung bướu Hà Nội', 'Bệnh viện Đa khoa Hà Đông',
  'Bệnh viện Đa khoa Sơn Tây', 'Trung tâm Kiểm soát bệnh tật Hà Nội',
];
const UPPER_SECONDARY = [
  'Trường THPT Chu Văn An', 'Trường THPT Phan Đình Phùng', 'Trường THPT Việt Đức', 'Trường THPT Trần Phú - Hoàn Kiếm',
  'Trường THPT Kim Liên', 'Trường THPT Yên Hòa', 'Trường THPT Nguyễn Trãi - Ba Đình', 'Trường THPT Thăng Long',
  'Trường THPT Lê Quý Đôn - Hà Đông', 'Trường THPT Sơn Tây', 'Trường THPT Cầu Giấy', 'Trường THPT Nguyễn Gia Thiều',
  'Trường THPT chuyên Hà Nội - Amsterdam', 'Trường THPT Đống Đa', 'Trường THPT Tây Hồ', 'Trường THPT Ngọc Hồi',
];
const ENTERPRISES = [
  'Công ty TNHH MTV Nước sạch Hà Nội', 'Tổng Công ty Vận tải Hà Nội', 'Công ty TNHH MTV Môi trường đô thị Hà Nội',
  'Công ty TNHH MTV Thoát nước Hà Nội', 'Công ty TNHH MTV Chiếu sáng và Thiết bị đô thị',
];
const MASS_ORGS = [
  'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội', 'Liên đoàn Lao động thành phố Hà Nội', 'Thành đoàn Hà Nội',
  'Hội Liên hiệp Phụ nữ thành phố Hà Nội', 'Hội Nông dân thành phố Hà Nội', 'Hội Cựu chiến binh thành phố Hà Nội',
];

/** The parent of a unit on a date, by its versions. */
export function parentOn(unit: PlanUnit, date: string): string | null {
  const v = unit.versions.find((x) => x.from <= date && (x.to === null || x.to > date));
  return v?.parentCode ?? null;
}

/** "Phường Ba Đình" → "Ba Đình". */
export const baseName = (name: string) => name.replace(/^(Phường|Xã)\s+/, '');

/** Builds the whole organisation plan from the two CSV files in `./reference` (copies of the domain files). */
export function buildOrgPlan(): OrgPlan {
  const units: PlanUnit[] = [];
  const events: PlanEvent[] = [];
  const lineage: PlanLineage[] = [];
  const eventByKey = new Map<string, PlanEvent>();
  const event = (key: string, kind: PlanEvent['kind'], date: string, note: string) => {
    let e = eventByKey.get(key);
    if (!e) {
      e = { key, kind, date, note, unitCodes: [] };
      eventByKey.set(key, e);
      events.push(e);
    }
    return e;
  };
  const add = (u: Omit<PlanUnit, 'versions' | 'staff' | 'predecessors'> & { name: string; shortName?: string | null; parentCode: string | null; eventKey: string; staff?: PlanUnit['staff']; predecessors?: PlanUnit['predecessors'] }) => {
    const unit: PlanUnit = {
      code: u.code, kind: u.kind, established: u.established, dissolved: u.dissolved,
      versions: [{ name: u.name, shortName: u.shortName ?? null, parentCode: u.parentCode, from: u.established, to: u.dissolved, eventKey: u.eventKey }],
      staff: u.staff ?? null, predecessors: u.predecessors ?? null,
    };
    units.push(unit);
    eventByKey.get(u.eventKey)?.unitCodes.push(u.code);
    return unit;
  };
  const link = (pred: string, succ: string, eventKey: string, date: string) => {
    lineage.push({ pred, succ, eventKey, date });
    const e = eventByKey.get(eventKey);
    if (e && !e.unitCodes.includes(pred)) e.unitCodes.push(pred);
  };

  event('create-1990', 'create', CITY_SINCE, 'Dữ liệu mẫu: các đơn vị cấp thành phố');
  event('create-2008', 'create', EXPANSION, 'Dữ liệu mẫu: đơn vị sau khi mở rộng địa giới Hà Nội (Nghị quyết 15/2008/QH12)');
  add({ code: CITY_CODE, kind: 'city_committee', name: 'Ủy ban nhân dân thành phố Hà Nội', shortName: 'UBND TP', parentCode: null, established: CITY_SINCE, dissolved: null, eventKey: 'create-1990', staff: { min: 30, max: 60, kind: 'city' } });
  MASS_ORGS.forEach((name, i) => add({ code: `MT${String(i + 1).padStart(2, '0')}`, kind: 'mass_organisation', name, parentCode: CITY_CODE, established: CITY_SINCE, dissolved: null, eventKey: 'create-1990', staff: { min: 30, max: 60, kind: 'mass' } }));
  ENTERPRISES.forEach((name, i) => add({ code: `DN${String(i + 1).padStart(2, '0')}`, kind: 'enterprise', name, parentCode: CITY_CODE, established: CITY_SINCE, dissolved: null, eventKey: 'create-1990', staff: { min: 80, max: 250, kind: 'enterprise' } }));

  // Departments, with the March 2025 mergers as history.
  for (const d of readDepartments()) {
    const staff = { min: 100, max: 300, kind: 'department' as const };
    const merged = DEPT_MERGES[d.name];
    if (merged) {
      const key = `merge-${d.code}`;
      event(key, 'merge', DEPT_REFORM, `Hợp nhất ${merged.map((m) => m.name).join(', ')} thành ${d.name} (Nghị quyết 06/NQ-HĐND ngày 25/02/2025)`);
      for (const m of merged) add({ code: m.code, kind: 'department', name: m.name, parentCode: CITY_CODE, established: EXPANSION, dissolved: DEPT_REFORM, eventKey: 'create-2008' });
      add({ code: d.code, kind: 'department', name: d.name, shortName: d.shortName, parentCode: CITY_CODE, established: DEPT_REFORM, dissolved: null, eventKey: key, staff, predecessors: { on: DEPT_REFORM, codes: merged.map((m) => m.code) } });
      for (const m of merged) link(m.code, d.code, key, DEPT_REFORM);
    } else if (DEPT_NEW.has(d.name)) {
      event(`create-${d.code}`, 'create', DEPT_REFORM, `Thành lập ${d.name} (Nghị quyết 06/NQ-HĐND ngày 25/02/2025)`);
      add({ code: d.code, kind: 'department', name: d.name, shortName: d.shortName, parentCode: CITY_CODE, established: DEPT_REFORM, dissolved: null, eventKey: `create-${d.code}`, staff });
    } else {
      add({ code: d.code, kind: 'department', name: d.name, shortName: d.shortName, parentCode: CITY_CODE, established: EXPANSION, dissolved: null, eventKey: 'create-2008', staff });
      const absorbed = DEPT_ABSORBED[d.name];
      if (absorbed) {
        const key = `merge-${d.code}`;
        event(key, 'merge', DEPT_REFORM, `Sáp nhập ${absorbed.map((m) => m.name).join(', ')} vào ${d.name} (Nghị quyết 06/NQ-HĐND ngày 25/02/2025)`);
        for (const m of absorbed) {
          add({ code: m.code, kind: 'department', name: m.name, parentCode: CITY_CODE, established: EXPANSION, dissolved: DEPT_REFORM, eventKey: 'create-2008' });
          link(m.code, d.code, key, DEPT_REFORM);
        }
        eventByKey.get(key)?.unitCodes.push(d.code);
      }
    }
    if (d.name === 'Sở Y tế') {
      HOSPITALS.forEach((name, i) => add({ code: `BV${String(i + 1).padStart(2, '0')}`, kind: 'public_service_unit', name, parentCode: d.code, established: EXPANSION, dissolved: null, eventKey: 'create-2008', staff: { min: 150, max: 500, kind: 'hospital' } }));
      add({ code: 'CD-YT', kind: 'mass_organisation', name: 'Công đoàn ngành Y tế Hà Nội', parentCode: d.code, established: EXPANSION, dissolved: null, eventKey: 'create-2008', staff: { min: 10, max: 20, kind: 'mass' } });
    }
    if (d.name === 'Sở Giáo dục và Đào tạo') {
      UPPER_SECONDARY.forEach((name, i) => add({ code: `THPT${String(i + 1).padStart(2, '0')}`, kind: 'public_service_unit', name, parentCode: d.code, established: EXPANSION, dissolved: null, eventKey: 'create-2008', staff: { min: 50, max: 100, kind: 'school' } }));
      add({ code: 'CD-GD', kind: 'mass_organisation', name: 'Công đoàn ngành Giáo dục Hà Nội', parentCode: d.code, established: EXPANSION, dissolved: null, eventKey: 'create-2008', staff: { min: 10, max: 20, kind: 'mass' } });
    }
  }

  // The 30 former districts and, under them, one synthetic former unit per (new commune, district).
  const communes = readCommunes();
  const districtCode = new Map<string, string>();
  for (const c of communes) for (const d of c.districts) if (!districtCode.has(d)) districtCode.set(d, `D${String(districtCode.size + 1).padStart(2, '0')}`);
  event('dissolve-districts', 'dissolve', COMMUNE_REFORM, 'Kết thúc hoạt động của chính quyền cấp huyện (Nghị quyết 1656/NQ-UBTVQH15 ngày 16/6/2025)');
  for (const [name, code] of districtCode) {
    add({ code, kind: 'district', name, parentCode: CITY_CODE, established: EXPANSION, dissolved: COMMUNE_REFORM, eventKey: 'create-2008' });
    eventByKey.get('dissolve-districts')?.unitCodes.push(code);
  }
  for (const c of communes) {
    const key = `merge-${c.code}`;
    const base = baseName(c.name);
    const formers = c.districts.map((district, i) => {
      const kind: UnitKind = district.startsWith('Quận') ? 'ward' : district.startsWith('Huyện') ? 'commune' : c.kind;
      const name = `${kind === 'ward' ? 'Phường' : 'Xã'} ${base} (cũ, thuộc ${district})`;
      return add({ code: `F${c.code}-${i + 1}`, kind, name, parentCode: districtCode.get(district) ?? null, established: EXPANSION, dissolved: COMMUNE_REFORM, eventKey: 'create-2008' });
    });
    event(key, 'merge', COMMUNE_REFORM, `Sắp xếp đơn vị hành chính cấp xã: ${formers.map((f) => f.versions[0].name).join('; ')} → ${c.name} (Nghị quyết 1656/NQ-UBTVQH15)`);
    add({ code: c.code, kind: c.kind, name: c.name, parentCode: CITY_CODE, established: COMMUNE_REFORM, dissolved: null, eventKey: key, staff: { min: 30, max: 80, kind: 'commune' }, predecessors: { on: COMMUNE_REFORM, codes: formers.map((f) => f.code) } });
    for (const f of formers) link(f.code, c.code, key, COMMUNE_REFORM);
    // Schools and the health station: under the first former unit until the merger, then under the new commune.
    const services: [string, string, PlanUnit['staff']][] = [
      ['MN', `Trường Mầm non ${base}`, { min: 15, max: 40, kind: 'school' }],
      ['TH', `Trường Tiểu học ${base}`, { min: 20, max: 60, kind: 'school' }],
      ['THCS', `Trường THCS ${base}`, { min: 20, max: 60, kind: 'school' }],
      ['TYT', `Trạm Y tế ${c.kind === 'ward' ? 'phường' : 'xã'} ${base}`, { min: 6, max: 15, kind: 'health' }],
    ];
    for (const [prefix, name, staff] of services) {
      const unit = add({ code: `${prefix}${c.code}`, kind: 'public_service_unit', name, parentCode: formers[0].code, established: EXPANSION, dissolved: null, eventKey: 'create-2008', staff });
      unit.versions[0].to = COMMUNE_REFORM;
      unit.versions.push({ name, shortName: null, parentCode: c.code, from: COMMUNE_REFORM, to: null, eventKey: key });
      eventByKey.get(key)?.unitCodes.push(unit.code);
    }
  }
  // Two small teams of Phường Ba Đình for the named demo cases (demo-cases.ts); nobody else is hired there.
  const wardKey = `merge-${DEMO_WARD_CODE}`;
  for (const team of Object.values(DEMO_UNITS)) {
    const unit = add({ code: team.code, kind: 'other', name: team.name, parentCode: DEMO_FORMER_WARD_CODE, established: EXPANSION, dissolved: null, eventKey: 'create-2008' });
    unit.versions[0].to = COMMUNE_REFORM;
    unit.versions.push({ name: team.name, shortName: null, parentCode: DEMO_WARD_CODE, from: COMMUNE_REFORM, to: null, eventKey: wardKey });
    eventByKey.get(wardKey)?.unitCodes.push(unit.code);
  }
  return { units, events, lineage };
}
