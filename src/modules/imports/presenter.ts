import { type Locale, issueMessage } from '../../shared/i18n/messages.ts';
import type { JobRow } from './jobs.ts';

/** What a job looks like on the wire; errors carry a sentence in the request's locale. */
export function presentJob(job: JobRow, locale: Locale) {
  const summary = job.summary ?? {};
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    fileName: job.file_name,
    totalRows: job.total_rows,
    processedRows: job.processed_rows,
    progress: Math.round(Number(job.progress) * 1000) / 1000,
    counts: summary.counts ?? null,
    applied: summary.applied ?? null,
    errorCount: job.error_count,
    errors: (job.errors ?? []).map((issue) => ({ ...issue, message: issueMessage(issue, locale) })),
    preview: summary.preview ?? [],
    failure: summary.failure ?? null,
    interrupted: summary.interrupted ?? null,
    createdAt: job.created_at,
    finishedAt: job.finished_at,
    appliedAt: job.applied_at,
  };
}
