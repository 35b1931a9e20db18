/**
 * The texts of a check, built only when asked (discovery screens millions of checks and explains the rows it
 * shows): a group's reason from its children's, the criteria tree as the contract shows it, the summary a list
 * row needs, and the full EligibilityResult with its alternatives and reward money.
 */
import type { AwardDef, AwardRules, RuleSet } from '../catalogue/catalogue.ts';
import type { CriterionResult, EligibilityInput, EligibilityResult } from './contract.ts';
import { withBasis } from './compile.ts';
import type { Context, Node, NodeText } from './evaluate.ts';
import { rewardAmount } from './money.ts';

/** A group's reason: the met alternative of an any_of, every part of a met all_of, what is missing when unmet. */
export function groupText(mode: 'any' | 'all', status: CriterionResult['status'], children: Node[]): NodeText {
  const texts = children.map((c) => ({ c, t: c.text() }));
  const of = (s: CriterionResult['status']) => texts.filter((x) => x.c.status === s);
  const join = (xs: typeof texts) => ({ vi: xs.map((x) => x.t.vi).join('; '), en: xs.map((x) => x.t.en).join('; ') });
  if (status === 'met') return { ...join(mode === 'any' ? of('met').slice(0, 1) : texts), missingVi: [], missingEn: [] };
  if (status === 'review') return { ...join(of('review')), missingVi: [], missingEn: [] };
  if (mode === 'all') {
    const bad = of('unmet');
    return { ...join(bad), missingVi: bad.flatMap((x) => x.t.missingVi), missingEn: bad.flatMap((x) => x.t.missingEn) };
  }
  // Alternatives that do not apply to the subject (e.g. no long course at all) are not worth a word; a single
  // alternative left is said as it is.
  const applicable = texts.filter((x) => !x.c.quiet);
  const all = join(applicable.length > 0 ? applicable : texts);
  const alts = texts.filter((x) => x.t.missingVi.length > 0);
  return {
    vi: applicable.length === 1 ? all.vi : `Chưa đạt điều kiện nào: ${all.vi}`,
    en: applicable.length === 1 ? all.en : `None met: ${all.en}`,
    missingVi: alts.length > 1 ? [`Một trong: ${alts.map((x) => x.t.missingVi.join(' và ')).join('; hoặc ')}`] : (alts[0]?.t.missingVi ?? []),
    missingEn: alts.length > 1 ? [`One of: ${alts.map((x) => x.t.missingEn.join(' and ')).join('; or ')}`] : (alts[0]?.t.missingEn ?? []),
  };
}

/** The criterion as the contract shows it, with its children. */
export function explainNode(n: Node): CriterionResult {
  const t = n.text();
  const r: CriterionResult = { id: n.id, met: n.status === 'met', status: n.status, reason: t.vi, reasonEn: t.en, basis: n.basis };
  if (n.status === 'unmet' && Number.isFinite(n.gap)) r.gap = n.gap;
  if (n.duplicate) r.duplicate = n.duplicate;
  if (n.children.length) r.children = n.children.map(explainNode);
  return r;
}

/** The result for an award whose criteria the catalogue does not encode: the council judges. */
export function notEvaluated(award: AwardDef, ruleSet: RuleSet, year: number): EligibilityResult {
  const reason = `Tiêu chuẩn chi tiết của ${award.nameVi} chưa được mã hoá trong danh mục: Hội đồng xem xét theo ${award.legalBasis}`;
  const reasonEn = `The detailed criteria of ${award.nameEn} are not encoded: the council judges under ${award.legalBasis}`;
  return {
    award: award.code, awardName: award.nameVi, awardNameEn: award.nameEn, ruleSet: ruleSet.id, ruleSetUncertain: ruleSet.uncertain === true, year,
    eligible: 'needs_review', evaluated: false,
    criteria: [{ id: 'criteria_not_encoded', met: false, status: 'review', reason, reasonEn, basis: award.legalBasis }],
    missing: [], missingEn: [], stepsAway: 0, reasonVi: `Cần Hội đồng xem xét: ${reason}.`, reasonEn: `Needs the council's review: ${reasonEn}.`, alternatives: [], reward: null, duplicate: null,
  };
}

/** What a list row shows of a result: the reason and what is missing, without every criterion's text. */
export interface ScreenSummary {
  award: string;
  awardName: string;
  awardNameEn: string;
  reasonVi: string;
  reasonEn: string;
  missing: string[];
  missingEn: string[];
  /** The duplicate criterion's reason, when `duplicate` is set. */
  duplicateText: { vi: string; en: string } | null;
}

/** The quick answer (statuses only) with a way to build the full, explained result. */
export interface Screened {
  eligible: EligibilityResult['eligible'];
  stepsAway: number | null;
  year: number;
  /** Set when the only unmet criterion is the duplicate check: what the achievement already got or awaits. */
  duplicate: CriterionResult['duplicate'] | null;
  explain: () => EligibilityResult;
  /** The texts a list row needs (the same as `explain()`'s), built without the criteria tree. */
  summary: () => ScreenSummary;
}

/** What a check keeps to explain itself later: the subject, the rule set, the award, the settings. */
export abstract class CheckOf {
  readonly year: number;
  protected readonly input: EligibilityInput;
  protected readonly ruleSet: RuleSet;
  protected readonly award: AwardDef;
  protected readonly ctx: Context;
  constructor(input: EligibilityInput, ruleSet: RuleSet, award: AwardDef, ctx: Context, year: number) {
    this.input = input;
    this.ruleSet = ruleSet;
    this.award = award;
    this.ctx = ctx;
    this.year = year;
  }
}

/** A check evaluated to the end: statuses now, texts (`summary`, `explain`) when asked. A class, not closures:
 *  discovery makes millions of these and explains a few. */
export class Screening extends CheckOf implements Screened {
  readonly eligible: EligibilityResult['eligible'];
  readonly stepsAway: number | null;
  readonly duplicate: EligibilityResult['duplicate'];
  private readonly rules: AwardRules;
  private readonly nodes: Node[];
  private readonly unmet: Node[];
  private readonly reviews: Node[];
  constructor(input: EligibilityInput, ruleSet: RuleSet, award: AwardDef, rules: AwardRules, ctx: Context, year: number, nodes: Node[]) {
    super(input, ruleSet, award, ctx, year);
    this.rules = rules;
    this.nodes = nodes;
    this.unmet = nodes.filter((n) => n.status === 'unmet');
    this.reviews = nodes.filter((n) => n.status === 'review');
    this.eligible = this.unmet.length > 0 ? false : this.reviews.length > 0 ? 'needs_review' : true;
    const steps = this.unmet.reduce((sum, n) => sum + n.gap, 0);
    this.stepsAway = this.eligible === false ? (Number.isFinite(steps) ? steps : null) : 0;
    this.duplicate = (this.unmet.length === 1 && this.unmet[0].duplicate) || null;
  }

  summary(): ScreenSummary {
    const { award, year } = this;
    const unmetTexts = this.unmet.map((n) => n.text());
    let reasonVi: string;
    let reasonEn: string;
    if (this.eligible === true) {
      reasonVi = `Đủ điều kiện đề nghị ${award.nameVi} (thành tích năm ${year}).`;
      reasonEn = `Eligible for ${award.nameEn} (achievements of ${year}).`;
    } else if (this.eligible === false) {
      reasonVi = `Chưa đủ điều kiện ${award.nameVi}: ${unmetTexts[0].vi}.`;
      reasonEn = `Not eligible for ${award.nameEn}: ${unmetTexts[0].en}.`;
    } else {
      const first = this.reviews[0].text();
      reasonVi = `Cần Hội đồng xem xét (${award.nameVi}): ${first.vi}.`;
      reasonEn = `Needs the council's review (${award.nameEn}): ${first.en}.`;
    }
    return {
      award: award.code, awardName: award.nameVi, awardNameEn: award.nameEn, reasonVi, reasonEn,
      missing: unmetTexts.flatMap((t) => t.missingVi), missingEn: unmetTexts.flatMap((t) => t.missingEn),
      duplicateText: this.duplicate ? { vi: unmetTexts[0].vi, en: unmetTexts[0].en } : null,
    };
  }

  explain(): EligibilityResult {
    const { award, ruleSet, ctx } = this;
    const { reasonVi, reasonEn, missing, missingEn } = this.summary();
    const reward = rewardAmount({ award: award.code, subjectKind: this.input.subject.kind, decisionDate: this.input.decidedOn ?? this.input.asOf }, { catalogue: ctx.cat, settings: ctx.settings });
    return {
      award: award.code, awardName: award.nameVi, awardNameEn: award.nameEn, ruleSet: ruleSet.id, ruleSetUncertain: ruleSet.uncertain === true, year: this.year,
      eligible: this.eligible, evaluated: true, criteria: this.nodes.map(explainNode), missing, missingEn, stepsAway: this.stepsAway, reasonVi, reasonEn, duplicate: this.duplicate,
      alternatives: (this.rules.alternatives ?? []).map((x) => ({ textVi: x.vi, textEn: x.en, basis: withBasis(x.basis, ruleSet) })),
      reward: reward ? { amount: reward.amount, coefficient: reward.coefficient, baseSalary: reward.baseSalary, basis: reward.basis } : null,
    };
  }
}

/** An award whose criteria the catalogue does not encode: the council judges. */
export class NotEvaluated implements Screened {
  readonly eligible: EligibilityResult['eligible'];
  readonly stepsAway: number | null;
  readonly year: number;
  readonly duplicate = null;
  private readonly r: EligibilityResult;
  constructor(r: EligibilityResult) {
    this.r = r;
    this.eligible = r.eligible;
    this.stepsAway = r.stepsAway;
    this.year = r.year;
  }
  explain(): EligibilityResult { return this.r; }
  summary(): ScreenSummary {
    const r = this.r;
    return { award: r.award, awardName: r.awardName, awardNameEn: r.awardNameEn, reasonVi: r.reasonVi, reasonEn: r.reasonEn, missing: r.missing, missingEn: r.missingEn, duplicateText: null };
  }
}
