import { afterAll, describe, expect, it } from 'vitest';
import { baseUrl, login, newPage, screenshot, useBrowser } from './harness.ts';
import { apiCall, uniq, unitIdByCode } from './support.ts';

// Issue 13 §1 (H1): under a draft decision the clerk edits the document's text, downloads it, issues the decision
// and downloads the issued files; a dossier's page lists its papers; the Board edits the wording of an authority.

const POLL = { timeout: 20_000 };

describe('documents in the Decree 30 format (issue 13)', () => {
  const browser = useBrowser();
  const pages: { close(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const p of pages) await p.close();
  });

  it('edits a draft decision\'s text, issues it, downloads the stored files; lists a dossier\'s papers', async () => {
    const page = await newPage(browser());
    pages.push(page);
    await login(page, 'admin');
    const city = await unitIdByCode(page, 'HN');
    const unit = await apiCall<{ id: number }>(page, 'POST', '/org/units', { code: `VB${uniq()}`, kind: 'other', name: `Phòng Văn bản thử ${uniq()}`, parentId: city, establishedOn: '2020-01-01' });
    const people = await apiCall<{ items: { id: number; fullName: string }[] }>(page, 'GET', '/people?limit=2&offset=200');
    const draft = await apiCall<{ id: number }>(page, 'POST', '/decisions', {
      authorityUnitId: unit.id, kind: 'QĐ-PVB', awardCode: 'advanced_worker', awardType: 'merit', periodFrom: 2013, periodTo: 2013,
      signerName: 'Lê Thị Ký', signerTitle: 'Phó Trưởng phòng', awardees: people.items.map((p) => ({ personId: p.id })),
    });

    await page.goto(`${baseUrl()}/decisions/${draft.id}`);
    await page.getByTestId('document-panel').waitFor(POLL);
    await expect.poll(() => page.getByTestId('decision-document-status').innerText(), POLL).toBe('Dự thảo');
    await page.getByTestId('decision-document-edit').click();
    await page.getByTestId('document-field-summary').fill('Về việc tặng danh hiệu Lao động tiên tiến năm 2013 (bản sửa)');
    await page.locator('.ant-modal:visible .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('decision-document').innerText(), POLL).toContain('Đã sửa: Trích yếu');
    await screenshot(page, 'documents-decision-draft');

    const pdf = await page.request.get(`${baseUrl()}/api/v1/decisions/${draft.id}/document/file?format=pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    await page.getByTestId('decision-issue').click();
    await page.locator('.ant-popover:visible .ant-popconfirm-buttons .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('decision-status').innerText(), POLL).toBe('Đã ban hành');
    await expect.poll(() => page.getByTestId('decision-document-status').innerText(), POLL).toContain('Đã ban hành');
    expect(await page.getByTestId('decision-document-edit').count()).toBe(0);
    const docx = await page.request.get(`${baseUrl()}/api/v1/decisions/${draft.id}/document/file?format=docx`);
    expect(docx.status()).toBe(200);
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
    await screenshot(page, 'documents-decision-issued');

    const dossiers = await apiCall<{ items: { id: number }[] }>(page, 'GET', '/dossiers?limit=1');
    if (dossiers.items[0]) {
      await page.goto(`${baseUrl()}/dossiers/${dossiers.items[0].id}`);
      await page.getByTestId('dossier-documents').waitFor(POLL);
      await page.getByTestId('doc-submission-letter-pdf').waitFor(POLL);
      await page.getByTestId('doc-dossier-cover-docx').waitFor(POLL);
      await screenshot(page, 'documents-dossier');
    }
  });

  it('lets the Board edit an authority\'s wording', async () => {
    const page = await newPage(browser());
    pages.push(page);
    await login(page, 'admin');
    await page.goto(`${baseUrl()}/admin/document-wordings`);
    await page.getByTestId('wordings-page').waitFor(POLL);
    await page.locator('.ant-table-row', { hasText: 'ỦY BAN NHÂN DÂN {UNIT}' }).first().waitFor(POLL);
    await screenshot(page, 'documents-wordings');
  });
});
