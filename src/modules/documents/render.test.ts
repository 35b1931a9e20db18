import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { convertDocxToPdf } from '../../../tests/support/libreoffice.ts';
import { pdfPageSizes, pdfPages, pdfText } from '../../../tests/support/pdf-text.ts';
import type { DecisionView } from '../decisions/types.ts';
import { type AnnexEntry, type DecisionData, decisionDefaults, decisionModel } from './compose-decision.ts';
import { checkDecree30 } from './decree30-check.ts';
import { padNumber, placeDate, signatureTitles } from './format.ts';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';
import type { ResolvedWording } from './wording.ts';

const WORDING: ResolvedWording = {
  unitId: 1, unitName: 'Ủy ban nhân dân thành phố Hà Nội', wordingId: 1, parentBody: '', issuingBody: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', bodyAbbrev: 'UBND',
  place: 'Hà Nội', headTitle: 'CHỦ TỊCH', authorityLine: 'CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI', collectiveLine: '',
  bases: ['Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022'], proposer: 'Theo đề nghị của Giám đốc Sở Nội vụ',
  executors: 'Giám đốc Sở Nội vụ và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này', recipients: ['Như Điều 3'], archive: 'VT, SNV',
};

function decision(entries: AnnexEntry[], more: Partial<DecisionView> = {}): DecisionData {
  return {
    decision: {
      id: 1, authorityUnitId: 1, authorityName: WORDING.unitName, kind: 'QĐ-UBND', status: 'issued', year: 2026, number: 1234, numberText: '1234/QĐ-UBND',
      externalAuthority: null, decidedOn: '2026-03-09', signerName: 'Nguyễn Văn Chủ', signerTitle: 'Chủ tịch', summary: null, awardCode: 'advanced_worker',
      awardName: 'Lao động tiên tiến', awardType: 'merit', periodFrom: 2025, periodTo: 2025, version: 1, createdAt: '', issuedAt: '', awardees: [], ...more,
    },
    wording: WORDING, entries,
  };
}
const MERIT = 'ministerial_provincial_certificate_of_merit';
const person = (name: string, unit = 'Sở Nội vụ'): AnnexEntry => ({ name, position: 'Chuyên viên', unit, collective: false, awardCode: 'advanced_worker', awardName: 'Lao động tiên tiến' });

describe('the decree\'s small formats', () => {
  it('pads the day and only months 1 and 2, leaves a draft\'s date blank, pads a typed number', () => {
    expect(placeDate('Hà Nội', '2026-01-05', 2026)).toBe('Hà Nội, ngày 05 tháng 01 năm 2026');
    expect(placeDate('Hà Nội', '2026-03-09', 2026)).toBe('Hà Nội, ngày 09 tháng 3 năm 2026');
    expect(placeDate('Ba Đình', '2026-12-25', 2026)).toBe('Ba Đình, ngày 25 tháng 12 năm 2026');
    expect(placeDate('Hà Nội', null, 2027)).toMatch(/^Hà Nội, ngày +tháng +năm 2027$/);
    expect(padNumber('7')).toBe('07');
    expect(padNumber('123')).toBe('123');
  });

  it('signs as the table of who decides says', () => {
    expect(signatureTitles('CHỦ TỊCH', '', 'Chủ tịch')).toEqual(['CHỦ TỊCH']);
    expect(signatureTitles('CHỦ TỊCH', '', 'Phó Chủ tịch')).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(signatureTitles('CHỦ TỊCH', 'TM. Ủy ban nhân dân', 'Phó Chủ tịch')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(signatureTitles('GIÁM ĐỐC', '', null)).toEqual(['GIÁM ĐỐC']);
  });
});

describe('a decision with 1,000 names and very long ones', () => {
  it('lists every name, wraps long ones whole, numbers pages from 2 and the annex from 1 again', async () => {
    const longUnit = `Trung tâm Phát triển Quỹ đất, Hạ tầng Kỹ thuật và Dịch vụ Công ích ${'khu vực phía Tây Nam thành phố Hà Nội mở rộng '.repeat(3)}`.trim();
    const longName = `Tôn Nữ ${'Huyền Trân Ngọc Diệp Khuê Tường Vy '.repeat(4)}Ỹ`.trim();
    const entries = [
      ...Array.from({ length: 998 }, (_, i) => person(`Nguyễn Thị Số ${i + 1}`)),
      { ...person(longName, longUnit), awardCode: MERIT, awardName: 'Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh' },
      { ...person('Phòng Giáo dục và Đào tạo', longUnit), position: '', collective: true, awardCode: MERIT, awardName: 'Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh' },
    ];
    const data = decision(entries);
    const model = decisionModel(data, decisionDefaults(data));
    const [docx, pdf] = await Promise.all([renderDocx(model), renderPdf(model)]);
    expect(checkDecree30(docx, model.expect)).toEqual([]);

    const pages = await pdfPages(pdf);
    const flat = pages.join(' ').replace(/\s+/g, ' ');
    expect(flat).toContain('Tổng số: 1 tập thể, 999 cá nhân');
    expect(flat).toContain('Nguyễn Thị Số 998');
    expect(flat).toContain(longName);
    expect(flat).toContain(longUnit);
    // Grouped by award in the catalogue's order, collectives before individuals within an award, numbered per group.
    const at = (s: string) => flat.indexOf(s);
    expect(at('I. LAO ĐỘNG TIÊN TIẾN B. CÁ NHÂN (998)')).toBeGreaterThan(0);
    expect(at('II. BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN CẤP TỈNH A. TẬP THỂ (1) 1 Phòng Giáo dục và Đào tạo')).toBeGreaterThan(at('Nguyễn Thị Số 998'));
    expect(at('B. CÁ NHÂN (1)')).toBeGreaterThan(at('A. TẬP THỂ (1)'));
    expect(at(longName)).toBeGreaterThan(at('B. CÁ NHÂN (1)'));
    expect(flat).toContain('Hà Nội, ngày 09 tháng 3 năm 2026');
    // Body: one page; annex: page 1 unnumbered, then 2, 3 … at the top of each page.
    expect(pages.length).toBeGreaterThan(20);
    expect(pages[1]).toMatch(/^DANH SÁCH/);
    // (drawn after the page's content, so read last)
    const pageNo = (t: string) => t.trim().split(/\s+/).at(-1);
    expect(pageNo(pages[2])).toBe('2');
    expect(pageNo(pages.at(-1) as string)).toBe(String(pages.length - 1));
    expect(pageNo(pages[1])).not.toBe('1');
    expect((await pdfPageSizes(pdf)).every(([w, h]) => w === 595 && h === 842)).toBe(true);

    // LibreOffice opens the .docx and lays the same 1,000 names out.
    const lo = (await pdfText(convertDocxToPdf({ 'big.docx': docx })['big.docx'])).replace(/\s+/g, ' ');
    expect(lo).toContain('Nguyễn Thị Số 998');
    expect(lo).toContain(longName);
  }, 240_000);
});

describe('the Decree 30 checks', () => {
  async function tampered(docx: Buffer, change: (xml: string) => string): Promise<Buffer> {
    const zip = await JSZip.loadAsync(docx);
    zip.file('word/document.xml', change(await (zip.file('word/document.xml') as JSZip.JSZipObject).async('string')));
    return zip.generateAsync({ type: 'nodebuffer' });
  }

  it('fail a file whose page, font, number, date or signature break the rules', async () => {
    const data = decision([person('Lê Văn Một')], { numberText: '05/QĐ-UBND', decidedOn: '2026-02-03', signerTitle: 'Phó Chủ tịch' });
    const model = decisionModel(data, decisionDefaults(data));
    const docx = await renderDocx(model);
    expect(checkDecree30(docx, model.expect)).toEqual([]);
    const checks = async (change: (xml: string) => string, expect = model.expect) => checkDecree30(await tampered(docx, change), expect).map((f) => f.check);

    expect(await checks((x) => x.replace(/w:left="1701"/g, 'w:left="1134"'))).toContain('page.margin.left');
    expect(await checks((x) => x.replace(/w:w="11906"/, 'w:w="12240"'))).toContain('page.a4');
    expect(await checks((x) => x.replace(/Times New Roman/, 'Arial'))).toContain('font');
    expect(await checks((x) => x.replace(/<w:titlePg\/>/g, ''))).toContain('page.number.first');
    expect(await checks((x) => x.replace(/w:val="000000"/, 'w:val="FF0000"'))).toContain('colour');
    const wrong = { ...model.expect, numberLine: 'Số: 5/QĐ-UBND', placeDate: 'Hà Nội, ngày 3 tháng 2 năm 2026', bases: ['Căn cứ A.', 'Căn cứ B;'], signatureLines: ['PHÓ CHỦ TỊCH'], recipients: ['- Như Điều 3;', '- Lưu hồ sơ;'] };
    const failed = checkDecree30(docx, wrong).map((f) => f.check);
    for (const c of ['number', 'number.padding', 'place-date', 'place-date.padding', 'bases', 'signature.prefix', 'recipients.archive']) expect(failed).toContain(c);
    // The place-and-date line set upright is caught.
    expect(await checks((x) => x.replace(/<w:i\/>(<w:iCs\/>)?(?=[\s\S]{0,400}Hà Nội, ngày 03 tháng 02)/, ''))).toContain('place-date');
  });
});
