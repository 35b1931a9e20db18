/** SQL of the `document` table (the documents module owns it). */
import type { Queryable } from '../../server/db.ts';
import type { AnyContent } from './content.ts';
import type { DocumentKind } from './model.ts';

export interface DocumentRow {
  id: number;
  kind: DocumentKind;
  refId: number;
  status: 'draft' | 'issued';
  content: AnyContent;
  docxSha256: string | null;
  pdfSha256: string | null;
  issuedAt: string | null;
  issuedBy: number | null;
  version: number;
  updatedAt: string;
}

const COLUMNS = `id, kind, ref_id as "refId", status, content, docx_sha256 as "docxSha256", pdf_sha256 as "pdfSha256",
  issued_at as "issuedAt", issued_by as "issuedBy", version, updated_at as "updatedAt"`;

export async function findDocument(q: Queryable, kind: DocumentKind, refId: number, lock = false): Promise<DocumentRow | null> {
  const rows = await q.query<DocumentRow>(`select ${COLUMNS} from document where kind = $1 and ref_id = $2${lock ? ' for update' : ''}`, [kind, refId]);
  return rows[0] ?? null;
}

/** The row of a document, made (empty draft) when missing, and locked: every writer of a document serialises on it. */
export async function lockDocument(q: Queryable, kind: DocumentKind, refId: number): Promise<DocumentRow> {
  await q.query(`insert into document (kind, ref_id) values ($1, $2) on conflict (kind, ref_id) do nothing`, [kind, refId]);
  return (await findDocument(q, kind, refId, true)) as DocumentRow;
}

export async function saveContent(q: Queryable, id: number, content: AnyContent): Promise<void> {
  await q.query(`update document set content = $2::jsonb, version = version + 1, updated_at = now() where id = $1 and status = 'draft'`, [id, JSON.stringify(content)]);
}

export async function markIssued(q: Queryable, id: number, f: { content: AnyContent; docx: Buffer; pdf: Buffer; docxSha256: string; pdfSha256: string; actorId: number | null }): Promise<void> {
  await q.query(
    `update document set status = 'issued', content = $2::jsonb, docx = $3, pdf = $4, docx_sha256 = $5, pdf_sha256 = $6,
            issued_at = now(), issued_by = $7, version = version + 1, updated_at = now()
      where id = $1 and status = 'draft'`,
    [id, JSON.stringify(f.content), f.docx, f.pdf, f.docxSha256, f.pdfSha256, f.actorId],
  );
}

/** The bytes as issued, or null when the document was not issued. */
export async function issuedBytes(q: Queryable, kind: DocumentKind, refId: number, format: 'docx' | 'pdf'): Promise<Buffer | null> {
  const rows = await q.query<{ bytes: Uint8Array }>(`select ${format === 'docx' ? 'docx' : 'pdf'} as bytes from document where kind = $1 and ref_id = $2 and status = 'issued'`, [kind, refId]);
  return rows[0] ? Buffer.from(rows[0].bytes) : null;
}
