import { foldVietnamese } from '../../shared/vietnamese.ts';
import type { UnitKind } from '../org/types.ts';
import type { Category, Gender } from '../people/types.ts';

/**
 * The one mapping between Vietnamese labels in spreadsheets and the codes stored in the database,
 * shared by the template (drop-downs), the parser and the exports so the three never drift apart.
 */
export const CATEGORY_LABELS: Record<Category, string> = {
  civil_servant: 'Cán bộ, công chức',
  public_employee: 'Viên chức',
  worker: 'Người lao động',
  farmer: 'Nông dân',
  armed_forces: 'Lực lượng vũ trang',
  other: 'Khác',
};

export const GENDER_LABELS: Record<Gender, string> = { male: 'Nam', female: 'Nữ' };

export const LEADER_LABELS = { yes: 'Có', no: 'Không' } as const;

/** Unit kinds offered for new units; `district` exists only in history (before 1 Jul 2025). */
export const UNIT_KIND_LABELS: Record<Exclude<UnitKind, 'district'>, string> = {
  city_committee: 'Cơ quan cấp thành phố',
  department: 'Sở, ban, ngành',
  commune: 'Xã',
  ward: 'Phường',
  public_service_unit: 'Đơn vị sự nghiệp công lập',
  enterprise: 'Doanh nghiệp',
  mass_organisation: 'Tổ chức chính trị - xã hội',
  party_body: 'Cơ quan Đảng',
  other: 'Khác',
};
/** Label of the historical kind, for exports of old trees only. */
export const DISTRICT_LABEL = 'Quận, huyện (trước 01/7/2025)';

/** Builds a lookup accepting a label or a code, ignoring case, accents and spacing. */
function lookup<T extends string>(labels: Record<string, string>, extra: Record<string, T> = {}): (text: string) => T | undefined {
  const map = new Map<string, T>();
  for (const [code, label] of Object.entries(labels)) {
    map.set(foldVietnamese(label), code as T);
    map.set(code.toLowerCase(), code as T);
  }
  for (const [text, code] of Object.entries(extra)) map.set(foldVietnamese(text), code);
  return (text) => map.get(foldVietnamese(text));
}

export const parseCategory = lookup<Category>(CATEGORY_LABELS, { 'can bo': 'civil_servant', 'cong chuc': 'civil_servant' });
export const parseGender = lookup<Gender>(GENDER_LABELS);
export const parseUnitKind = lookup<UnitKind>(UNIT_KIND_LABELS, { [DISTRICT_LABEL]: 'district', district: 'district' });
export const parseLeader = lookup<'yes' | 'no'>(LEADER_LABELS, { x: 'yes', true: 'yes', false: 'no', '1': 'yes', '0': 'no' });

/** Label of a unit kind, historical `district` included. */
export const unitKindLabel = (kind: UnitKind): string => (kind === 'district' ? DISTRICT_LABEL : UNIT_KIND_LABELS[kind]);

/** One column of an import sheet. `list` makes it a drop-down of fixed values. */
export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  width: number;
  required: boolean;
  kind: 'text' | 'date' | 'list';
  list?: string[];
  note: string;
}

export type PersonColumn = 'nationalId' | 'fullName' | 'gender' | 'birthDate' | 'unitCode' | 'position' | 'category' | 'isLeader' | 'fromDate' | 'toDate';
export type UnitColumn = 'code' | 'name' | 'shortName' | 'kind' | 'parentCode' | 'establishedOn';

export const PEOPLE_COLUMNS: ColumnSpec<PersonColumn>[] = [
  { key: 'nationalId', header: 'Số CCCD', width: 16, required: true, kind: 'text', note: '12 chữ số; nhập dạng văn bản để giữ số 0 ở đầu.' },
  { key: 'fullName', header: 'Họ và tên', width: 28, required: true, kind: 'text', note: 'Họ và tên đầy đủ, có dấu.' },
  { key: 'gender', header: 'Giới tính', width: 10, required: false, kind: 'list', list: Object.values(GENDER_LABELS), note: 'Nam hoặc Nữ.' },
  { key: 'birthDate', header: 'Ngày sinh', width: 12, required: false, kind: 'date', note: 'Ngày Excel hoặc văn bản DD/MM/YYYY.' },
  { key: 'unitCode', header: 'Mã đơn vị', width: 14, required: true, kind: 'text', note: 'Mã đơn vị công tác (xem danh sách đơn vị trong hệ thống).' },
  { key: 'position', header: 'Chức vụ', width: 22, required: true, kind: 'text', note: 'Chức vụ hoặc chức danh hiện tại.' },
  { key: 'category', header: 'Đối tượng', width: 20, required: true, kind: 'list', list: Object.values(CATEGORY_LABELS), note: 'Chọn trong danh sách.' },
  { key: 'isLeader', header: 'Lãnh đạo, quản lý', width: 12, required: false, kind: 'list', list: Object.values(LEADER_LABELS), note: 'Có hoặc Không (để trống là Không).' },
  { key: 'fromDate', header: 'Từ ngày', width: 12, required: true, kind: 'date', note: 'Ngày bắt đầu giữ chức vụ tại đơn vị; khi đổi đơn vị/chức vụ, vị trí cũ kết thúc vào ngày này.' },
  // Exports write the last position of someone no longer working with its end, so the file imports back unchanged.
  { key: 'toDate', header: 'Đến ngày', width: 12, required: false, kind: 'date', note: 'Chỉ điền cho người đã thôi công tác (như tệp xuất): ngày kết thúc vị trí cuối cùng. Để trống nếu đang công tác.' },
];

export const UNIT_COLUMNS: ColumnSpec<UnitColumn>[] = [
  { key: 'code', header: 'Mã đơn vị', width: 14, required: true, kind: 'text', note: 'Mã duy nhất: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.' },
  { key: 'name', header: 'Tên đơn vị', width: 40, required: true, kind: 'text', note: 'Tên đầy đủ; đổi tên sẽ lưu tên cũ vào lịch sử từ ngày nhập.' },
  { key: 'shortName', header: 'Tên viết tắt', width: 16, required: false, kind: 'text', note: 'Không bắt buộc.' },
  { key: 'kind', header: 'Loại đơn vị', width: 28, required: true, kind: 'list', list: Object.values(UNIT_KIND_LABELS), note: 'Chọn trong danh sách.' },
  { key: 'parentCode', header: 'Mã đơn vị cấp trên', width: 16, required: false, kind: 'text', note: 'Để trống nếu là đơn vị cấp cao nhất; có thể là đơn vị ở dòng khác trong tệp.' },
  { key: 'establishedOn', header: 'Ngày thành lập', width: 14, required: true, kind: 'date', note: 'Ngày Excel hoặc văn bản DD/MM/YYYY.' },
];

/** Alternative header spellings accepted on import (older templates, no accents). */
export const HEADER_ALIASES: Record<string, string> = {
  cccd: 'nationalId', 'so cccd/cmnd': 'nationalId', 'so dinh danh': 'nationalId',
  'lanh dao/quan ly': 'isLeader', 'lanh dao quan ly': 'isLeader',
};

export const DATA_SHEET = 'Danh sách';
export const VALUES_SHEET = 'Danh mục';
export const HELP_SHEET = 'Hướng dẫn';
