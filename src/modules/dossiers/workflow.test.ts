import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { pdfProblem, samplePdf } from './pdf.ts';
import { DOSSIER_STATES, consultationRule, loadWorkflows, requiredParts, transitionsFrom, workflowOn, workflows } from './workflow.ts';

const ORIGINAL = readFileSync(new URL('./data/workflow.yaml', import.meta.url), 'utf8');

/** The workflow file with one planted edit, and the line the planted text is on. */
function planted(from: string, to: string): { url: URL; line: number } {
  const at = ORIGINAL.indexOf(from);
  if (at < 0) throw new Error(`"${from}" is not in workflow.yaml`);
  const text = ORIGINAL.slice(0, at) + to + ORIGINAL.slice(at + from.length);
  const dir = mkdtempSync(join(tmpdir(), 'vinhdanh-wf-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'workflow.yaml'), text);
  return { url: pathToFileURL(join(dir, 'workflow.yaml')), line: text.slice(0, at).split('\n').length };
}

describe('workflow.yaml', () => {
  it('loads: every state declared, every state but the terminal ones left by some step, a version in force today', () => {
    const wf = workflowOn('2026-12-07');
    expect(Object.keys(wf.states).sort()).toEqual([...DOSSIER_STATES].sort());
    for (const s of DOSSIER_STATES) expect(transitionsFrom(wf, s, 'merit').length > 0, s).toBe(!wf.states[s].terminal);
    expect(workflows()).toHaveLength(1);
  });

  it('holds the consultation windows of law.md §0.0: 10 working days for state-level awards, 7 for Công dân Thủ đô ưu tú, none for a Bằng khen', () => {
    const wf = workflowOn('2026-12-07');
    expect(consultationRule(wf, 'labor_order_3rd_class')).toMatchObject({ days: 10, basis: expect.stringContaining('Điều 44 khoản 2') });
    expect(consultationRule(wf, 'outstanding_capital_citizen')?.days).toBe(7);
    expect(consultationRule(wf, 'ministerial_provincial_certificate_of_merit')).toBeNull();
    expect(requiredParts(wf, 'sudden').map((p) => p.kind)).toEqual(['submission_letter']);
  });

  it('names file and line of a mistake: an unknown guard, an unknown state, an unknown award, an action declared twice', () => {
    const guard = planted('guards: [reason_given]}', 'guards: [reason_givn]}');
    expect(() => loadWorkflows(guard.url)).toThrow(new RegExp(`workflow.yaml:${guard.line}: .*guards`));
    const state = planted('to: received, at: receiver', 'to: recieved, at: receiver');
    expect(() => loadWorkflows(state.url)).toThrow(new RegExp(`workflow.yaml:${state.line}: `));
    const award = planted('[outstanding_capital_citizen]', '[outstanding_capital_citizn]');
    expect(() => loadWorkflows(award.url)).toThrow(new RegExp(`workflow.yaml:${award.line}: unknown award code "outstanding_capital_citizn"`));
    const twice = planted('{action: start_appraisal,', '{action: receive,');
    expect(() => loadWorkflows(twice.url)).toThrow(new RegExp(`workflow.yaml:${twice.line}: action "receive" is declared twice`));
  });
});

describe('PDF checks', () => {
  it('accepts a real PDF and refuses text, HTML, a bare header and a truncated file, naming the check', () => {
    expect(pdfProblem(samplePdf())).toBeNull();
    expect(pdfProblem(Buffer.from('hello'))).toBe('not_pdf_header');
    expect(pdfProblem(Buffer.from('<!doctype html><html></html>'))).toBe('not_pdf_header');
    expect(pdfProblem(Buffer.from('%PDF-1.7\n%%EOF'))).toBe('no_objects');
    expect(pdfProblem(samplePdf().subarray(0, 200))).toBe('no_eof_marker');
    expect(pdfProblem(Buffer.alloc(0))).toBe('empty');
  });
});
