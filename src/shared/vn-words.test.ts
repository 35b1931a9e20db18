import { describe, expect, it } from 'vitest';
import { amountInWordsVi } from './vn-words.ts';

describe('amountInWordsVi', () => {
  it.each([
    [0, 'Không đồng'],
    [1, 'Một đồng'],
    [4, 'Bốn đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [14, 'Mười bốn đồng'],
    [15, 'Mười lăm đồng'],
    [20, 'Hai mươi đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [55, 'Năm mươi lăm đồng'],
    [99, 'Chín mươi chín đồng'],
    [100, 'Một trăm đồng'],
    [101, 'Một trăm linh một đồng'],
    [104, 'Một trăm linh bốn đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [111, 'Một trăm mười một đồng'],
    [115, 'Một trăm mười lăm đồng'],
    [121, 'Một trăm hai mươi mốt đồng'],
    [1_000, 'Một nghìn đồng'],
    [1_005, 'Một nghìn không trăm linh năm đồng'],
    [1_010, 'Một nghìn không trăm mười đồng'],
    [1_021, 'Một nghìn không trăm hai mươi mốt đồng'],
    [10_000, 'Mười nghìn đồng'],
    [15_000, 'Mười lăm nghìn đồng'],
    [105_000, 'Một trăm linh năm nghìn đồng'],
    [710_000, 'Bảy trăm mười nghìn đồng'],
    [760_000, 'Bảy trăm sáu mươi nghìn đồng'],
    [1_000_000, 'Một triệu đồng'],
    [1_000_005, 'Một triệu không trăm linh năm đồng'],
    [1_050_000, 'Một triệu không trăm năm mươi nghìn đồng'],
    [2_340_000, 'Hai triệu ba trăm bốn mươi nghìn đồng'],
    [2_530_000, 'Hai triệu năm trăm ba mươi nghìn đồng'],
    [24_415_000, 'Hai mươi tư triệu bốn trăm mười lăm nghìn đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [1_000_000_005, 'Một tỷ không trăm linh năm đồng'],
    [2_001_000_000, 'Hai tỷ không trăm linh một triệu đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
    [125_000_000_000, 'Một trăm hai mươi lăm tỷ đồng'],
  ])('%d → %s', (n, text) => {
    expect(amountInWordsVi(n)).toBe(text);
  });

  it('reads "mốt", "tư", "lăm" only after "mươi"/"mười", and "linh" for a zero tens digit', () => {
    expect(amountInWordsVi(131)).toContain('ba mươi mốt');
    expect(amountInWordsVi(11)).not.toContain('mốt');
    expect(amountInWordsVi(101)).not.toContain('mốt');
    expect(amountInWordsVi(44)).toBe('Bốn mươi tư đồng');
    expect(amountInWordsVi(14)).not.toContain('tư');
    expect(amountInWordsVi(204)).toBe('Hai trăm linh bốn đồng');
    expect(amountInWordsVi(35)).toBe('Ba mươi lăm đồng');
    expect(amountInWordsVi(205)).not.toContain('lăm');
    expect(amountInWordsVi(505)).toBe('Năm trăm linh năm đồng');
  });

  it('starts with a capital letter (also Đ… / Â…) and ends with the currency word', () => {
    for (const n of [0, 1, 7, 19, 100, 4_000, 86_000_000, 3_000_000_000]) {
      const text = amountInWordsVi(n);
      expect(text[0]).toBe(text[0].toLocaleUpperCase('vi'));
      expect(text[0]).not.toBe(text[0].toLocaleLowerCase('vi'));
      expect(text.endsWith(' đồng')).toBe(true);
      expect(text).not.toMatch(/\s{2}/);
    }
    expect(amountInWordsVi(-15_000)).toBe('Âm mười lăm nghìn đồng');
  });

  it('takes the southern "lẻ", "ngàn" and another currency word on request', () => {
    expect(amountInWordsVi(1_005, { zeroTens: 'lẻ', thousand: 'ngàn' })).toBe('Một ngàn không trăm lẻ năm đồng');
    expect(amountInWordsVi(21, { currency: '' })).toBe('Hai mươi mốt');
  });

  it('refuses a fraction or an unsafe number', () => {
    expect(() => amountInWordsVi(1.5)).toThrow(RangeError);
    expect(() => amountInWordsVi(Number.NaN)).toThrow(RangeError);
    expect(() => amountInWordsVi(2 ** 60)).toThrow(RangeError);
  });
});
