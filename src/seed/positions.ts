import type { StaffKind } from './org-plan.ts';

type Category = 'civil_servant' | 'public_employee' | 'worker';

export interface PositionSet {
  category: Category;
  /** Probability that a person is a woman. */
  female: number;
  head: string;
  deputy: string;
  /** Other managers (heads of divisions, wards, departments of a hospital). */
  managers: readonly string[];
  /** Direct workers, weighted. */
  workers: readonly (readonly [string, number])[];
}

/** Positions and employee category by the kind of unit people work in. */
export const POSITIONS: Record<StaffKind, PositionSet> = {
  city: { category: 'civil_servant', female: 0.45, head: 'Chủ tịch UBND', deputy: 'Phó Chủ tịch UBND', managers: ['Trưởng phòng', 'Phó Trưởng phòng'], workers: [['Chuyên viên', 6], ['Chuyên viên chính', 3], ['Văn thư', 1]] },
  department: { category: 'civil_servant', female: 0.5, head: 'Giám đốc', deputy: 'Phó Giám đốc', managers: ['Trưởng phòng', 'Phó Trưởng phòng', 'Chánh Văn phòng', 'Chánh Thanh tra'], workers: [['Chuyên viên', 10], ['Chuyên viên chính', 4], ['Kế toán', 1], ['Văn thư', 1], ['Nhân viên', 1]] },
  commune: { category: 'civil_servant', female: 0.48, head: 'Chủ tịch UBND', deputy: 'Phó Chủ tịch UBND', managers: ['Trưởng phòng Kinh tế', 'Trưởng phòng Văn hóa - Xã hội', 'Chánh Văn phòng HĐND và UBND'], workers: [['Chuyên viên', 8], ['Công chức Tư pháp - Hộ tịch', 2], ['Công chức Địa chính - Xây dựng', 2], ['Kế toán', 1], ['Văn thư', 1]] },
  school: { category: 'public_employee', female: 0.78, head: 'Hiệu trưởng', deputy: 'Phó Hiệu trưởng', managers: ['Tổ trưởng chuyên môn'], workers: [['Giáo viên', 20], ['Kế toán', 1], ['Nhân viên thư viện', 1], ['Nhân viên y tế học đường', 1], ['Nhân viên', 1]] },
  health: { category: 'public_employee', female: 0.68, head: 'Trạm trưởng', deputy: 'Phó Trạm trưởng', managers: [], workers: [['Bác sĩ', 3], ['Y sĩ', 2], ['Điều dưỡng', 3], ['Hộ sinh', 1], ['Dược sĩ', 1]] },
  hospital: { category: 'public_employee', female: 0.62, head: 'Giám đốc', deputy: 'Phó Giám đốc', managers: ['Trưởng khoa', 'Phó Trưởng khoa', 'Điều dưỡng trưởng', 'Trưởng phòng'], workers: [['Bác sĩ', 8], ['Điều dưỡng', 10], ['Kỹ thuật viên', 3], ['Dược sĩ', 2], ['Hộ sinh', 1], ['Kế toán', 1], ['Nhân viên', 1]] },
  enterprise: { category: 'worker', female: 0.35, head: 'Giám đốc', deputy: 'Phó Giám đốc', managers: ['Trưởng phòng', 'Quản đốc', 'Đội trưởng'], workers: [['Công nhân', 12], ['Kỹ sư', 3], ['Nhân viên', 3], ['Kế toán', 1], ['Lái xe', 2]] },
  mass: { category: 'civil_servant', female: 0.55, head: 'Chủ tịch', deputy: 'Phó Chủ tịch', managers: ['Trưởng ban'], workers: [['Chuyên viên', 6], ['Nhân viên', 1]] },
};
