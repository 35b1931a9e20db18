import type { Rng } from './random.ts';

/** Family names weighted roughly by their share in Vietnam (Nguyễn ≈ 38 %). */
const FAMILY: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 4.5], ['Huỳnh', 1.5], ['Phan', 3.5], ['Vũ', 3.5],
  ['Võ', 1.5], ['Đặng', 2.2], ['Bùi', 2.2], ['Đỗ', 2.5], ['Hồ', 1.4], ['Ngô', 1.5], ['Dương', 1.2], ['Lý', 0.6],
  ['Đào', 1], ['Đinh', 0.9], ['Trịnh', 0.8], ['Lưu', 0.5], ['Mai', 0.5], ['Tạ', 0.4], ['Cao', 0.5], ['Chu', 0.4],
  ['Khuất', 0.2], ['Kiều', 0.3], ['Lại', 0.3], ['Nghiêm', 0.2], ['Phùng', 0.4], ['Quách', 0.2], ['Tô', 0.3], ['Vương', 0.3],
];

const MIDDLE = {
  male: [['Văn', 30], ['Đức', 12], ['Minh', 12], ['Quang', 8], ['Hữu', 7], ['Công', 5], ['Xuân', 4], ['Thành', 4], ['Tuấn', 3], ['Mạnh', 3], ['Trọng', 4], ['Đình', 6], ['Ngọc', 3], ['Anh', 3], ['Việt', 3], ['Hoàng', 3]],
  female: [['Thị', 45], ['Ngọc', 8], ['Thu', 7], ['Thanh', 7], ['Minh', 5], ['Phương', 4], ['Kim', 3], ['Hồng', 4], ['Thúy', 3], ['Lan', 2], ['Mai', 2], ['Bích', 2], ['Diệu', 2], ['Hải', 2], ['Khánh', 2]],
} as const satisfies Record<string, readonly (readonly [string, number])[]>;

const GIVEN = {
  male: [
    'An', 'Anh', 'Bảo', 'Bình', 'Cường', 'Chiến', 'Công', 'Dũng', 'Duy', 'Dương', 'Đạt', 'Đức', 'Định', 'Đông', 'Điệp', 'Giang', 'Hải',
    'Hào', 'Hiếu', 'Hiệp', 'Hoàng', 'Hòa', 'Huy', 'Hùng', 'Hưng', 'Khánh', 'Khoa', 'Kiên', 'Lâm', 'Long', 'Lộc', 'Lợi', 'Luân', 'Mạnh',
    'Minh', 'Nam', 'Nghĩa', 'Ngọc', 'Nhân', 'Phong', 'Phú', 'Phúc', 'Quang', 'Quân', 'Quý', 'Sơn', 'Tài', 'Tâm', 'Tân', 'Thắng', 'Thành',
    'Thịnh', 'Thọ', 'Toàn', 'Trí', 'Trung', 'Trường', 'Tú', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Xuân',
  ],
  female: [
    'An', 'Anh', 'Ánh', 'Bích', 'Chi', 'Dung', 'Duyên', 'Diệp', 'Đào', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hồng', 'Huệ',
    'Hương', 'Hường', 'Huyền', 'Lan', 'Liên', 'Linh', 'Loan', 'Ly', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Nhàn', 'Oanh', 'Phương',
    'Quyên', 'Quỳnh', 'Tâm', 'Thảo', 'Thơ', 'Thu', 'Thủy', 'Thúy', 'Trang', 'Trâm', 'Tuyết', 'Uyên', 'Vân', 'Xuân', 'Yến',
  ],
} as const;

/**
 * A realistic Vietnamese full name for a gender: family, middle and given name.
 * @example randomName(createRng(1), 'female') // e.g. 'Nguyễn Thị Hương'
 */
export function randomName(rng: Rng, gender: 'female' | 'male'): string {
  const family = rng.weighted(FAMILY);
  const middle = rng.weighted(MIDDLE[gender]);
  let given: string = rng.pick(GIVEN[gender]);
  if (given === middle) given = rng.pick(GIVEN[gender]);
  // About one in six names has a second middle name ("Nguyễn Thị Thu Hương").
  if (rng.chance(0.16)) {
    const second = rng.weighted(gender === 'female' ? MIDDLE.female.slice(1) : MIDDLE.male.slice(1));
    if (second !== middle && second !== given) return `${family} ${middle} ${second} ${given}`;
  }
  return `${family} ${middle} ${given}`;
}
