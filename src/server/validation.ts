import type { z } from 'zod';
import type { FieldIssue } from '../shared/errors.ts';

type ZodIssueLike = z.core.$ZodIssue;

/** Maps one Zod issue to the app's FieldIssue (stable rule codes the client translates). */
export function zodIssueToFieldIssue(issue: ZodIssueLike, prefix = ''): FieldIssue[] {
  const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ field: [path, key].filter(Boolean).join('.'), rule: 'unknown_field' }));
    case 'invalid_type':
      return [{ field: path || 'body', rule: issue.input === undefined ? 'required' : 'invalid_type', params: { expected: issue.expected } }];
    case 'too_big':
      return [{ field: path, rule: issue.origin === 'string' ? 'too_long' : 'too_big', params: { max: Number(issue.maximum) } }];
    case 'too_small':
      return [{ field: path, rule: issue.origin === 'string' && Number(issue.minimum) === 1 ? 'required' : issue.origin === 'string' ? 'too_short' : 'too_small', params: { min: Number(issue.minimum) } }];
    case 'invalid_value':
      return [{ field: path, rule: 'invalid_value', params: { allowed: issue.values.map(String) } }];
    case 'invalid_format':
      return [{ field: path, rule: issue.format === 'date' ? 'invalid_date' : 'invalid_format', params: { format: issue.format } }];
    case 'custom':
      return [{ field: path, rule: issue.message || 'invalid_value', params: (issue.params as Record<string, unknown>) ?? {} }];
    default:
      return [{ field: path, rule: 'invalid_value' }];
  }
}
