import { describe, expect, it } from 'vitest';
import { cellCccd, cellDate, cellText } from './cells.ts';
import { CATEGORY_LABELS, UNIT_KIND_LABELS, parseCategory, parseGender, parseLeader, parseUnitKind } from './columns.ts';

describe('cell values', () => {
  it('reads dates as Excel serials, Date objects, DD/MM/YYYY and YYYY-MM-DD', () => {
    expect(cellDate(31116)).toBe('1985-03-10');
    expect(cellDate(new Date(Date.UTC(1990, 6, 2)))).toBe('1990-07-02');
    expect(cellDate('05/03/1985')).toBe('1985-03-05');
    expect(cellDate('5/3/1985')).toBe('1985-03-05');
    expect(cellDate('1985-03-05')).toBe('1985-03-05');
    expect(cellDate({ formula: 'DATE(1985,3,5)', result: 31111 })).toBe('1985-03-05');
    expect(cellDate('')).toBeNull();
    expect(cellDate(undefined)).toBeNull();
    for (const bad of ['31/02/1985', '1985-13-01', 'hôm qua', '05/03/85']) expect(cellDate(bad)).toBe('invalid');
  });

  it('restores the leading zeros of a CCCD typed as a number and strips spaces', () => {
    expect(cellCccd(1090012345)).toBe('001090012345');
    expect(cellCccd(' 001 090 012345 ')).toBe('001090012345');
  });

  it('reads rich text, formulas and hyperlinks as plain NFC text', () => {
    expect(cellText({ richText: [{ text: 'Nguyễn ' }, { text: 'Văn An' }] })).toBe('Nguyễn Văn An');
    expect(cellText({ formula: 'A1', result: 'Hà Nội' })).toBe('Hà Nội');
    expect(cellText('Nguye\u0302\u0303n  Văn')).toBe('Nguyễn Văn');
  });
});

describe('label mapping shared by template, parser and export', () => {
  it('maps every label back to its code, ignoring case and accents', () => {
    for (const [code, label] of Object.entries(CATEGORY_LABELS)) {
      expect(parseCategory(label)).toBe(code);
      expect(parseCategory(label.toUpperCase())).toBe(code);
    }
    for (const [code, label] of Object.entries(UNIT_KIND_LABELS)) expect(parseUnitKind(label)).toBe(code);
    expect(parseCategory('vien chuc')).toBe('public_employee');
    expect(parseGender('Nữ')).toBe('female');
    expect(parseGender('nu')).toBe('female');
    expect(parseLeader('Có')).toBe('yes');
    expect(parseLeader('không')).toBe('no');
    expect(parseCategory('Học sinh')).toBeUndefined();
  });
});
