import type { FieldIssue } from '../../shared/errors.ts';

/** Collects the problems of one file, each naming the row and the template's column header. */
export class IssueList {
  readonly items: FieldIssue[] = [];
  add(row: number, field: string, header: string, rule: string, params?: Record<string, unknown>): void {
    this.items.push({ field, row, column: header, rule, ...(params ? { params } : {}) });
  }
}
