import { describe, expect, it } from 'vitest';
import { compareVietnamese, foldVietnamese, personSortKey } from './vietnamese.ts';

describe('foldVietnamese', () => {
  it('strips diacritics, lower-cases and maps đ to d', () => {
    expect(foldVietnamese('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(foldVietnamese('ĐẶNG THỊ HOÀ')).toBe('dang thi hoa');
  });
  it('treats decomposed (NFD) input like composed input', () => {
    expect(foldVietnamese('Nguyễn'.normalize('NFD'))).toBe('nguyen');
  });
});

describe('Vietnamese collation', () => {
  const sortNames = (names: string[]) => [...names].sort((a, b) => (personSortKey(a) < personSortKey(b) ? -1 : 1));

  it('sorts people by given name first, then family and middle names', () => {
    expect(sortNames(['Lê Thị Bình', 'Trần Văn An', 'Nguyễn Văn An'])).toEqual(['Nguyễn Văn An', 'Trần Văn An', 'Lê Thị Bình']);
  });

  it('puts đ after d, ă and â after a, ơ after o, ư after u', () => {
    expect(sortNames(['Phạm Văn Đức', 'Phạm Văn Dũng'])).toEqual(['Phạm Văn Dũng', 'Phạm Văn Đức']);
    expect(['Ân', 'Ăn', 'An', 'Bình'].sort(compareVietnamese)).toEqual(['An', 'Ăn', 'Ân', 'Bình']);
    expect(['Ư', 'U', 'Ơ', 'O', 'Ô'].sort(compareVietnamese)).toEqual(['O', 'Ô', 'Ơ', 'U', 'Ư']);
  });

  it('orders tones ngang, huyền, hỏi, ngã, sắc, nặng', () => {
    expect(['Mạ', 'Má', 'Mã', 'Mả', 'Mà', 'Ma'].sort(compareVietnamese)).toEqual(['Ma', 'Mà', 'Mả', 'Mã', 'Má', 'Mạ']);
  });

  it('compares base letters before tones (Hà before Hải before Hạnh)', () => {
    expect(['Hạnh', 'Hải', 'Hà'].sort(compareVietnamese)).toEqual(['Hà', 'Hải', 'Hạnh']);
  });
});
