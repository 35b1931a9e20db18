import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pdfPageSizes, pdfText } from '../../../tests/support/pdf-text.ts';
import { newPdf } from '../../server/pdf.ts';
import { AppError } from '../../shared/errors.ts';
import { PRINTED_FIELDS, blanks, loadBlanks } from './blanks.ts';
import { normaliseCode, randomCode } from './codes.ts';
import { FLOOR_PT, type TextLayout, fitText } from './layout.ts';
import { type CertificatePrint, layoutCertificate, renderCertificates } from './render.ts';

const merit = () => blanks().byCode.get('certificate_of_merit_a3')!;

/** The layout stays inside its box: every line no wider, all lines no taller, and no letter lost or added. */
function expectInside(l: TextLayout, text: string) {
  for (const line of l.lines) {
    expect(line.x).toBeGreaterThanOrEqual(l.box.x - 0.001);
    expect(line.x + line.width).toBeLessThanOrEqual(l.box.x + l.box.w + 0.001);
    expect(line.y).toBeGreaterThanOrEqual(l.box.y - 0.001);
  }
  expect(l.lines.length * l.lineHeight).toBeLessThanOrEqual(l.box.h + 0.001);
  expect(l.lines.map((x) => x.text).join('').replace(/\s+/g, '')).toBe(text.normalize('NFC').replace(/\s+/g, ''));
}

const sample = (more: Partial<CertificatePrint> = {}): CertificatePrint => ({
  awardCode: 'ministerial_provincial_certificate_of_merit', awardName: 'Bằng khen của Bộ, ban, ngành, tỉnh', awardText: 'Đã có thành tích xuất sắc trong công tác năm 2025',
  fullName: 'Nguyễn Văn A', unitName: 'Phường Hoàn Kiếm', decisionNumber: '01/QĐ-UBND', decidedOn: '2026-01-15', registerNumber: 7, year: 2026,
  authorityName: 'Ủy ban nhân dân thành phố Hà Nội', signerTitle: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH', signerName: 'Hà Minh Hải', shortCode: 'ABCDEFGHJK',
  verifyUrl: 'https://example.vn/verify/ABCDEFGHJKMNPQRSTUVW', ...more,
});

describe('fitting a text into a field box', () => {
  it('keeps a short name on one line at the box’s size', () => {
    const doc = newPdf({ autoFirstPage: false });
    const l = fitText(doc, merit(), 'name', 'Lê Văn Tám', { x: 0, y: 0 });
    expect(l).toMatchObject({ size: 30, wrapped: false });
    expect(l.lines).toHaveLength(1);
    expectInside(l, 'Lê Văn Tám');
  });

  it('shrinks a longer name on one line before wrapping it, never below min_size on one line', () => {
    const doc = newPdf({ autoFirstPage: false });
    const name = 'Công Tằng Tôn Nữ Thị Huyền Trang Khánh Ngọc Bảo Quỳnh Như Ý Phương Thảo';
    const l = fitText(doc, merit(), 'name', name, { x: 0, y: 0 });
    expect(l.wrapped).toBe(false);
    expect(l.size).toBeLessThan(30);
    expect(l.size).toBeGreaterThanOrEqual(18);
    expectInside(l, name);
  });

  it('wraps at min_size a text too long for one line, and goes smaller only when wrapped it is still too tall', () => {
    const doc = newPdf({ autoFirstPage: false });
    const unit = 'Phòng Quản lý đô thị, Tài nguyên và Môi trường, Kinh tế, Hạ tầng, Văn hóa, Khoa học và Thông tin thuộc Ủy ban nhân dân phường Ngọc Hà, thành phố Hà Nội, và các đơn vị trực thuộc';
    const l = fitText(doc, merit(), 'unit', unit, { x: 0, y: 0 });
    expect(l.wrapped).toBe(true);
    expect(l.size).toBe(12);
    expect(l.lines.length).toBeGreaterThan(1);
    expectInside(l, unit);
    const huge = Array.from({ length: 60 }, () => 'Ủy ban nhân dân phường Ngọc Hà').join(', ');
    const small = fitText(doc, merit(), 'unit', huge, { x: 0, y: 0 });
    expect(small.size).toBeLessThan(12);
    expect(small.size).toBeGreaterThanOrEqual(FLOOR_PT);
    expectInside(small, huge);
  });

  it('splits a single word wider than the box between letters rather than overflow', () => {
    const doc = newPdf({ autoFirstPage: false });
    const word = 'Nghiêng'.repeat(30);
    const l = fitText(doc, merit(), 'decision', word, { x: 0, y: 0 });
    expectInside(l, word);
  });

  it('refuses a text that fits in no size, naming the field', () => {
    const doc = newPdf({ autoFirstPage: false });
    const err = (() => { try { fitText(doc, merit(), 'register', 'chữ '.repeat(5000), { x: 0, y: 0 }); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CERTIFICATE_TEXT_TOO_LONG');
    expect((err as AppError).details.field).toBe('register');
  });

  it('lays out every field of a certificate inside its box and the sheet, calibrated or not', () => {
    const doc = newPdf({ autoFirstPage: false });
    const long = sample({ fullName: 'Tôn Nữ Thị Huyền Trang Khánh Ngọc Bảo Quỳnh Như Ý Phương Thảo Minh Châu', unitName: 'Trường Trung học phổ thông chuyên Hà Nội - Amsterdam, Sở Giáo dục và Đào tạo thành phố Hà Nội' });
    for (const variant of ['blank', 'colour'] as const) {
      const { blank, layouts } = layoutCertificate(doc, long, variant, { x: 3, y: -2 });
      for (const l of layouts) {
        expect(l.box.x + l.box.w).toBeLessThanOrEqual(blank.sheet.width_mm * (72 / 25.4) + 0.001);
        for (const line of l.lines) expect(line.x + line.width).toBeLessThanOrEqual(l.box.x + l.box.w + 0.001);
        expect(l.lines.length * l.lineHeight).toBeLessThanOrEqual(l.box.h + 0.001);
      }
      expect(layouts.find((l) => l.field === 'signer_title')?.lines.map((x) => x.text)).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    }
  });

  it('refuses an offset that pushes a field off the sheet, naming the field', () => {
    const doc = newPdf({ autoFirstPage: false });
    expect(() => layoutCertificate(doc, sample(), 'blank', { x: 45, y: 0 })).toThrow(expect.objectContaining({ code: 'CERTIFICATE_FIELD_OFF_SHEET', details: expect.objectContaining({ field: 'place_date' }) }));
  });

  it('renders 1 page per certificate with every diacritic read back', async () => {
    const all = 'Ắ Ằ Ẳ Ẵ Ặ ấ ầ ẩ ẫ ậ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự ý ỳ ỷ ỹ ỵ Đđ';
    const bytes = await renderCertificates([sample({ fullName: all }), sample({ awardCode: 'certificate_of_commendation' })], { variant: 'colour' });
    expect(await pdfPageSizes(bytes)).toEqual([[1191, 842], [842, 595]]);
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    expect(text).toContain(all);
    expect(text).toContain('KT. CHỦ TỊCH PHÓ CHỦ TỊCH');
    expect(text).toContain('Mã xác minh: ABCDE-FGHJK');
  });
});

describe('codes', () => {
  it('are drawn from the 31-letter alphabet, 20 letters for the QR (≥ 80 bits) and 10 for typing', () => {
    const codes = Array.from({ length: 2000 }, () => randomCode(20));
    expect(new Set(codes).size).toBe(2000);
    expect(20 * Math.log2(31)).toBeGreaterThan(80);
    const letters = new Set(codes.join(''));
    expect([...letters].sort().join('')).toBe('23456789ABCDEFGHJKMNPQRSTUVWXYZ');
    expect(normaliseCode('abcde-fghjk')).toEqual({ kind: 'short', value: 'ABCDEFGHJK' });
    expect(normaliseCode('ABCDEFGHJKMNPQRSTUVW')).toEqual({ kind: 'code', value: 'ABCDEFGHJKMNPQRSTUVW' });
    expect(normaliseCode('ABCDE-FGHJ0')).toBeNull();
    expect(normaliseCode('ABC')).toBeNull();
  });
});

describe('blanks data', () => {
  it('holds every printed field on each blank, inside its sheet', () => {
    for (const b of blanks().list) for (const f of PRINTED_FIELDS) expect(b.fields[f].x + b.fields[f].w).toBeLessThanOrEqual(b.sheet.width_mm);
    expect(blanks().forAward('advanced_worker').code).toBe('certificate_a4');
    expect(blanks().forAward('certificate_of_commendation').code).toBe('certificate_of_commendation_a4');
  });

  it('names the file and line of a mistake', () => {
    const dir = mkdtempSync(join(tmpdir(), 'blanks-'));
    const file = join(dir, 'blanks.yaml');
    const field = (y: number) => `{ x: 10, y: ${y}, w: 50, h: 10, size: 12, min_size: 8 }`;
    const fields = (extra: string) => ['name', 'unit', 'award_text', 'decision', 'register', 'place_date', 'signer_title', 'signer_name', 'short_code', 'qr', 'national', 'motto', 'issuer', 'give', 'award_title']
      .map((f, i) => `      ${f}: ${f === 'unit' ? extra : field(10 + i * 10)}`);
    const write = (unit: string, award = 'certificate_of_commendation') => writeFileSync(file, [
      'place: Hà Nội',
      'blanks:',
      '  - code: x',
      '    name: X',
      '    default: true',
      `    awards: [${award}]`,
      '    sheet: { width_mm: 297, height_mm: 210 }',
      '    give_text: TẶNG',
      '    award_text: "{award}"',
      '    fields:',
      ...fields(unit),
    ].join('\n'));
    write('{ x: 260, y: 10, w: 50, h: 10, size: 12, min_size: 8 }');
    expect(() => loadBlanks(pathToFileURL(file))).toThrow(/blanks\.yaml:12: fields\.unit lies outside the 297 × 210 mm sheet/);
    write('{ x: 10, y: 10, w: 50, h: 10, size: 12, min_size: -1 }');
    expect(() => loadBlanks(pathToFileURL(file))).toThrow(/blanks\.yaml:12: .*min_size/);
    write(field(20), 'no_such_award');
    expect(() => loadBlanks(pathToFileURL(file))).toThrow(/blanks\.yaml:6: unknown award code no_such_award/);
  });
});
