/**
 * The vocabulary of criteria (DESIGN.md "The law is data"): small pure predicates over the derived facts. Each
 * answers met / unmet / review with a reason that names the year and the fact, in Vietnamese and English, and,
 * when unmet, how far the subject is from meeting it (`gap`) and what is missing.
 */
import { DISCIPLINE_RANK, type DisciplineLevel, RATING_RANK, type Rating, SCOPE_RANK, type Scope, type YearFacts } from './contract.ts';
import { type Facts, countFrom, countsForMerit, periodOf } from './facts.ts';
import { longTraining, newRecruit, stillServing } from './predicates-work-time.ts';
import { DISCIPLINE_EN, DISCIPLINE_VI, RATING_EN, RATING_VI, SCOPE_EN, SCOPE_VI, viDate, yearsText } from './text.ts';

/** Texts of an outcome, built only when someone reads them (discovery screens millions of checks). */
export type OutcomeText = () => [vi: string, en: string, missingVi?: string, missingEn?: string];

export interface PredicateOutcome {
  status: 'met' | 'unmet' | 'review';
  text: OutcomeText;
  gap?: number;
  /** For the duplicate check: what the achievement was already given (or is pending for). */
  duplicate?: 'same' | 'higher' | 'pending';
  /** An alternative that does not apply to the subject at all (no such course): left out of its group's reason. */
  quiet?: boolean;
}

/** Evaluates another award's own criteria for the same year (e.g. "meets the Advanced worker standard"). */
export type AwardEvaluator = (code: string) => { status: 'met' | 'unmet' | 'review'; gap: number; text: () => [vi: string, en: string] };

export type Params = Record<string, unknown>;
export type Predicate = (f: Facts, p: Params, evaluateAward: AwardEvaluator) => PredicateOutcome;

const INF = Number.POSITIVE_INFINITY;
const met = (text: OutcomeText): PredicateOutcome => ({ status: 'met', text });
const review = (text: OutcomeText): PredicateOutcome => ({ status: 'review', text });
const unmet = (gap: number, text: OutcomeText): PredicateOutcome => ({ status: 'unmet', gap, text });

const str = (p: Params, k: string) => String(p[k]);
const num = (p: Params, k: string, d = 0) => (typeof p[k] === 'number' ? (p[k] as number) : d);
const yearOf = (f: Facts, y: number): YearFacts | undefined => f.byYear.get(y);
const titleName = (f: Facts, code: string, lang: 'vi' | 'en') => {
  const a = f.catalogue.byCode.get(code);
  return a ? (lang === 'vi' ? a.nameVi : a.nameEn) : code;
};
const holds = (f: Facts, y: number, title: string) => (yearOf(f, y)?.titles ?? []).includes(title);

/** First year of a window: the year under review, or the first of the last N years of a chain, never before countFrom. */
function windowStart(f: Facts, p: Params): number {
  return Math.max(countFrom(f), p.window === 'chain' ? f.year - num(p, 'chainYears', 1) + 1 : f.year, f.year - 60);
}

/** The years a window covers. */
function windowYears(f: Facts, p: Params): number[] {
  const out: number[] = [];
  for (let y = windowStart(f, p); y <= f.year; y++) out.push(y);
  return out;
}

/** Start year of a "since the previous award" window (Art 73(1)(b), 44(1)(e)). */
function sinceYear(f: Facts, p: Params): number {
  const base = countFrom(f);
  if (p.since !== 'prior' || !f.prior) return base;
  return Math.max(base, f.prior.end + 1);
}

const notUnderReview: Predicate = (f) => {
  const r = f.input.subject.underReview;
  if (r === true) return unmet(INF, () => ['Đang bị xem xét kỷ luật, điều tra, thanh tra hoặc có khiếu nại, tố cáo chưa kết luận: chưa xét khen thưởng', 'Under discipline review, investigation, inspection or an open complaint: no award until concluded', 'Chờ kết luận xem xét, điều tra', 'Wait for the review to conclude']);
  if (r === undefined) return review(() => ['Chưa rõ có đang bị xem xét kỷ luật, điều tra, khiếu nại hay không', 'Unknown whether the subject is under review, investigation or complaint']);
  return met(() => ['Không đang bị xem xét kỷ luật, điều tra, thanh tra, khiếu nại', 'Not under discipline review, investigation, inspection or complaint']);
};

const disciplineWindow: Predicate = (f) => {
  const d = f.ongoingDiscipline;
  if (d) {
    const until = d.to ? ` đến ${viDate(d.to)}` : '';
    return unmet(INF, () => [`Đang chấp hành kỷ luật ${DISCIPLINE_VI[d.level]} từ ${viDate(d.from)}${until}`, `Serving a ${DISCIPLINE_EN[d.level]} from ${d.from}${d.to ? ` to ${d.to}` : ''}`, 'Chấp hành xong kỷ luật; thành tích tính từ khi chấp hành xong', 'Serve the discipline; achievements count from its end']);
  }
  if (f.disciplineStart > f.year) {
    const last = f.disciplines.filter((x) => x.to).reduce((m, x) => ((x.to as string) > (m.to as string) ? x : m));
    return unmet(INF, () => [`${f.year}: bị kỷ luật ${DISCIPLINE_VI[last.level]} từ ${viDate(last.from)} đến ${viDate(last.to as string)}; thành tích chỉ tính từ năm ${f.disciplineStart}`, `${f.year}: ${DISCIPLINE_EN[last.level]} from ${last.from} to ${last.to}; achievements count only from ${f.disciplineStart}`, ]);
  }
  if (f.disciplines.length > 0) {
    return met(() => [`Kỷ luật đã chấp hành xong; thành tích tính từ năm ${f.disciplineStart}`, `Discipline served; achievements count from ${f.disciplineStart}`]);
  }
  return met(() => ['Không bị kỷ luật trong thời gian tính thành tích', 'No discipline in the achievement period']);
};

function ladderIndex(f: Facts, code: string): number {
  return f.catalogue.formRank.get(code) ?? -1;
}

const notAlreadyAwarded: Predicate = (f) => {
  const code = f.award.code;
  const y = f.year;
  const name = f.award.nameVi;
  if (f.award.kind !== 'form') {
    if (holds(f, y, code)) return { ...unmet(INF, () => [`${y}: đã được công nhận ${name}`, `${y}: already holds ${f.award.nameEn}`]), duplicate: 'same' };
  } else {
    const rank = ladderIndex(f, code);
    const sameOrHigher = (c: string) => c === code || (rank >= 0 && ladderIndex(f, c) >= rank);
    const covers = (a: { decisionDate?: string; periodFrom?: number | null; periodTo?: number | null }) => {
      const [from, to] = periodOf(a);
      return from <= y && y <= to;
    };
    const got = f.input.awards.find((a) => sameOrHigher(a.code) && countsForMerit(a) && covers(a));
    if (got) {
      const [from, to] = periodOf(got);
      const outcome = unmet(INF, () => [`Thành tích ${yearsText(from === to ? [from] : [from, to])} đã được khen ${titleName(f, got.code, 'vi')} (quyết định ngày ${viDate(got.decisionDate)}${got.decisionNo ? `, số ${got.decisionNo}` : ''}): một thành tích chỉ khen một hình thức`, `The achievement of ${from === to ? from : `${from}–${to}`} was already awarded ${titleName(f, got.code, 'en')} (decided ${got.decisionDate}): one achievement, one form`, ]);
      return { ...outcome, duplicate: got.code === code ? 'same' : 'higher' };
    }
  }
  const pending = f.input.pending.find((p) => {
    const rank = ladderIndex(f, code);
    const same = p.code === code || (f.award.kind === 'form' && rank >= 0 && ladderIndex(f, p.code) >= rank);
    const [from, to] = p.periodFrom || p.periodTo ? periodOf(p) : [y, y];
    return same && from <= y && y <= to;
  });
  if (pending) return { duplicate: 'pending', ...unmet(INF, () => [`Đang có trong hồ sơ đề nghị ${titleName(f, pending.code, 'vi')}${pending.reference ? ` (${pending.reference})` : ''} cho cùng thành tích`, `Already in a pending proposal for ${titleName(f, pending.code, 'en')}${pending.reference ? ` (${pending.reference})` : ''} for the same achievement`]) };
  return met(() => [`Thành tích năm ${y} chưa được khen thưởng hình thức này hoặc cao hơn`, `The ${y} achievement has not been given this or a higher award`]);
};

const ratingAtLeast: Predicate = (f, p) => {
  const want = str(p, 'rating') as Rating;
  const r = yearOf(f, f.year)?.rating;
  if (r === null || r === undefined) return review(() => [`${f.year}: chưa có kết quả đánh giá mức độ hoàn thành nhiệm vụ`, `${f.year}: no task-completion rating yet`]);
  if (RATING_RANK[r] >= RATING_RANK[want]) return met(() => [`${f.year}: xếp loại "${RATING_VI[r]}"`, `${f.year}: rated '${RATING_EN[r]}'`]);
  return unmet(INF, () => [`${f.year}: xếp loại "${RATING_VI[r]}", thấp hơn "${RATING_VI[want]}"`, `${f.year}: rated '${RATING_EN[r]}', below '${RATING_EN[want]}'`, `Xếp loại "${RATING_VI[want]}" trở lên`, `A rating of '${RATING_EN[want]}' or better`]);
};

const categoryIs: Predicate = (f, p) => {
  const want = str(p, 'category');
  const c = f.input.subject.category;
  if (c === undefined) return review(() => ['Chưa rõ đối tượng (lực lượng vũ trang hay không)', 'Category unknown']);
  return c === want ? met(() => ['Thuộc lực lượng vũ trang', 'Member of the armed forces']) : unmet(INF, () => ['Không thuộc lực lượng vũ trang', 'Not in the armed forces']);
};

const confirmedAtReview: Predicate = (_f, p) => met(() => [`${str(p, 'vi')}: Hội đồng xác nhận khi bình xét (không có vi phạm trong dữ liệu)`, `${str(p, 'en')}: confirmed by the council at its review (no breach recorded)`]);

const judgement: Predicate = (_f, p) => review(() => [`${str(p, 'vi')}: cần Hội đồng xem xét, đánh giá`, `${str(p, 'en')}: needs the council's judgement`]);

const meetsAward: Predicate = (f, p, evaluateAward) => {
  const code = str(p, 'award');
  const nameVi = () => titleName(f, code, 'vi');
  const nameEn = () => titleName(f, code, 'en');
  if (holds(f, f.year, code)) return met(() => [`${f.year}: đã được công nhận ${nameVi()}`, `${f.year}: holds ${nameEn()}`]);
  const r = evaluateAward(code);
  if (r.status === 'met') return met(() => { const [vi, en] = r.text(); return [`${f.year}: đạt tiêu chuẩn ${nameVi()} (${vi})`, `${f.year}: meets the ${nameEn()} standard (${en})`]; });
  if (r.status === 'review') return review(() => { const [vi, en] = r.text(); return [`${f.year}: tiêu chuẩn ${nameVi()} cần xem xét (${vi})`, `${f.year}: the ${nameEn()} standard needs review (${en})`]; });
  return unmet(r.gap, () => { const [vi, en] = r.text(); return [`${f.year}: chưa đạt tiêu chuẩn ${nameVi()} (${vi})`, `${f.year}: does not meet the ${nameEn()} standard (${en})`, `Đạt tiêu chuẩn ${nameVi()} năm ${f.year}`, `Meet the ${nameEn()} standard in ${f.year}`]; });
};

/** An initiative counts once: if it already supported another award it does not count again (CV 5007/BNV-TĐKT);
 *  between two emulation titles reuse is not expressly banned, so a title may count one used for another title. */
function initiativeUsable(f: Facts, usedFor: string | null | undefined, exclude: string[]): boolean {
  if (usedFor === null || usedFor === undefined || usedFor === '') return true;
  if (exclude.includes(usedFor)) return false;
  if (usedFor === f.award.code) return true;
  const other = f.catalogue.byCode.get(usedFor);
  return f.award.kind === 'title' && other?.kind === 'title';
}

/** The initiatives or science works of a window that count, by year (a year listed once per work). */
interface WorkCount {
  found: number[];
  unknownAcceptance: number[];
  usedElsewhere: number;
}

const NO_WORKS: WorkCount = Object.freeze({ found: [], unknownAcceptance: [], usedElsewhere: 0 }) as WorkCount;

function tallyWorks(f: Facts, p: Params, kind: 'initiative' | 'science'): WorkCount {
  const scope = str(p, 'scope') as Scope;
  const exclude = Array.isArray(p.excludeUsedFor) ? (p.excludeUsedFor as string[]) : [];
  let out = NO_WORKS; // most people have no work in the window: nothing is allocated for them
  for (let y = windowStart(f, p); y <= f.year; y++) {
    const facts = yearOf(f, y);
    const works = kind === 'initiative' ? facts?.initiatives : facts?.scienceProjects;
    if (!works?.length) continue;
    if (out === NO_WORKS) out = { found: [], unknownAcceptance: [], usedElsewhere: 0 };
    if (kind === 'initiative') {
      for (const i of facts?.initiatives ?? []) {
        if (SCOPE_RANK[i.scope] < SCOPE_RANK[scope]) continue;
        if (initiativeUsable(f, i.usedFor, exclude)) out.found.push(y);
        else out.usedElsewhere++;
      }
    } else {
      for (const s of facts?.scienceProjects ?? []) {
        if (SCOPE_RANK[s.scope] < SCOPE_RANK[scope]) continue;
        if (s.accepted === true) out.found.push(y);
        else if (s.accepted === undefined) out.unknownAcceptance.push(y);
      }
    }
  }
  return out;
}

function countWorks(f: Facts, p: Params, kind: 'initiative' | 'science'): PredicateOutcome {
  const scope = str(p, 'scope') as Scope;
  const need = num(p, 'count', 1);
  const c = tallyWorks(f, p, kind);
  const words = () => {
    const years = windowYears(f, p);
    return {
      span: years.length === 0 ? `${f.year}` : yearsText(years),
      whatVi: kind === 'initiative' ? `sáng kiến ${SCOPE_VI[scope]}` : `đề tài khoa học ${SCOPE_VI[scope]} đã nghiệm thu`,
      whatEn: kind === 'initiative' ? `${SCOPE_EN[scope]} initiative(s)` : `accepted ${SCOPE_EN[scope]} science work(s)`,
      used: c.usedElsewhere > 0 ? `; ${c.usedElsewhere} sáng kiến đã dùng cho khen thưởng khác không được tính lại` : '',
      usedEn: c.usedElsewhere > 0 ? `; ${c.usedElsewhere} initiative(s) already used for another award do not count again` : '',
    };
  };
  const { found, unknownAcceptance } = c;
  if (found.length >= need) {
    return met(() => {
      const w = words();
      return [`${w.span}: có ${found.length} ${w.whatVi} (năm ${yearsText(found)})${w.used}`, `${w.span}: ${found.length} ${w.whatEn} (${yearsText(found)})${w.usedEn}`];
    });
  }
  const gap = need - found.length;
  // Projects whose acceptance (nghiệm thu) is not recorded could close the gap: the fact is needed, not assumed.
  if (unknownAcceptance.length >= gap) {
    return review(() => [`${yearsText(unknownAcceptance)}: chưa rõ đề tài khoa học đã được nghiệm thu hay chưa`, `${yearsText(unknownAcceptance)}: unknown whether the science work was accepted`]);
  }
  return unmet(gap, () => {
    const w = words();
    return [`${w.span}: có ${found.length}/${need} ${w.whatVi}${w.used}`, `${w.span}: ${found.length} of ${need} ${w.whatEn}${w.usedEn}`, `Thêm ${gap} ${w.whatVi}`, `${gap} more ${w.whatEn}`];
  });
}

const initiative: Predicate = (f, p) => countWorks(f, p, 'initiative');
const scienceProject: Predicate = (f, p) => countWorks(f, p, 'science');

/** Consecutive occurrences of a title ending at the year under review (every `spanYears` years for multi-year titles). */
const titleChain: Predicate = (f, p) => {
  const title = str(p, 'title');
  const times = num(p, 'times', 1);
  const span = num(p, 'spanYears', 1);
  const from = countFrom(f);
  const run: number[] = [];
  for (let y = f.year; y >= from && run.length < times; y -= span) {
    if (!holds(f, y, title)) break;
    run.push(y);
  }
  const limited = Number.isFinite(from) && from > f.year - times * span + 1;
  if (run.length >= times) return met(() => [`${times} lần liên tục ${titleName(f, title, 'vi')}: ${yearsText(run)}`, `${times} consecutive ${titleName(f, title, 'en')}: ${yearsText(run)}`]);
  const gap = times - run.length;
  return unmet(gap, () => {
    const nameVi = titleName(f, title, 'vi');
    const nameEn = titleName(f, title, 'en');
    const have = run.length ? `${run.length} lần liên tục (${yearsText(run)})` : `năm ${f.year} chưa có`;
    const haveEn = run.length ? `${run.length} consecutive (${yearsText(run)})` : `none in ${f.year}`;
    const limit = limited ? `; chỉ tính từ năm ${from}` : '';
    const limitEn = limited ? `; counting starts in ${from}` : '';
    return [`${nameVi}: ${have}, cần ${times} lần liên tục${limit}`, `${nameEn}: ${haveEn}, ${times} consecutive needed${limitEn}`, `Thêm ${gap} lần liên tục ${nameVi}`, `${gap} more consecutive ${nameEn}`];
  });
};

/** Consecutive years rated at least R ending at the year under review (within the window). */
const ratingChain: Predicate = (f, p) => {
  const want = str(p, 'rating') as Rating;
  const need = num(p, 'years', 1);
  const start = sinceYear(f, p);
  const run: number[] = [];
  let unknownAt: number | null = null;
  let brokeAt: { year: number; rating: Rating | null } | null = null;
  for (let y = f.year; y >= start && y > f.year - 80; y--) {
    const r = yearOf(f, y)?.rating;
    if (r === null || r === undefined) {
      if (yearOf(f, y) && run.length < need) unknownAt = y;
      else brokeAt = { year: y, rating: null };
      break;
    }
    if (RATING_RANK[r] < RATING_RANK[want]) {
      brokeAt = { year: y, rating: r };
      break;
    }
    run.push(y);
    if (run.length >= need) break;
  }
  const prior = p.since === 'prior' ? f.prior : null;
  const since = () => (prior ? ` sau thời gian tính thành tích của ${titleName(f, prior.code, 'vi')} (đến năm ${prior.end})` : '');
  const sinceEn = () => (prior ? ` after the period of ${titleName(f, prior.code, 'en')} (to ${prior.end})` : '');
  if (run.length >= need) return met(() => [`${need} năm liên tục xếp loại "${RATING_VI[want]}" trở lên${since()}: ${yearsText(run)}`, `${need} consecutive years rated '${RATING_EN[want]}' or better${sinceEn()}: ${yearsText(run)}`]);
  if (unknownAt !== null) return review(() => [`${unknownAt}: chưa có kết quả đánh giá; đã có ${run.length}/${need} năm liên tục`, `${unknownAt}: no rating; ${run.length} of ${need} consecutive years so far`]);
  const gap = need - run.length;
  return unmet(gap, () => {
    const have = run.length ? `${run.length} năm liên tục (${yearsText(run)})` : `năm ${f.year} chưa đạt`;
    const haveEn = run.length ? `${run.length} consecutive years (${yearsText(run)})` : `not in ${f.year}`;
    const broke = !brokeAt ? (Number.isFinite(start) ? `; chỉ tính từ năm ${start}` : '') : brokeAt.rating ? `; ${brokeAt.year}: xếp loại "${RATING_VI[brokeAt.rating]}", thấp hơn "${RATING_VI[want]}"` : `; ${brokeAt.year}: không có kết quả đánh giá`;
    const brokeEn = !brokeAt ? (Number.isFinite(start) ? `; counting starts in ${start}` : '') : brokeAt.rating ? `; ${brokeAt.year}: rated '${RATING_EN[brokeAt.rating]}', below '${RATING_EN[want]}'` : `; ${brokeAt.year}: no rating`;
    return [`Xếp loại "${RATING_VI[want]}" trở lên${since()}: ${have}, cần ${need} năm${broke}`, `Rated '${RATING_EN[want]}' or better${sinceEn()}: ${haveEn}, ${need} needed${brokeEn}`, `Thêm ${gap} năm liên tục xếp loại "${RATING_VI[want]}" trở lên`, `${gap} more consecutive year(s) rated '${RATING_EN[want]}' or better`];
  });
};

const titleCount: Predicate = (f, p) => {
  const title = str(p, 'title');
  const need = num(p, 'times', 1);
  const start = sinceYear(f, p);
  const years = [...f.byYear.keys()].filter((y) => y >= start && y <= f.year && holds(f, y, title)).sort((a, b) => a - b);
  const words = () => ({
    nameVi: titleName(f, title, 'vi'), nameEn: titleName(f, title, 'en'),
    where: Number.isFinite(start) ? `từ năm ${start}` : 'trong thời gian xét', whereEn: Number.isFinite(start) ? `since ${start}` : 'in the period',
  });
  if (years.length >= need) return met(() => { const w = words(); return [`${years.length} lần ${w.nameVi} ${w.where}: ${yearsText(years)}`, `${years.length} × ${w.nameEn} ${w.whereEn}: ${yearsText(years)}`]; });
  const gap = need - years.length;
  return unmet(gap, () => { const w = words(); return [`${w.nameVi} ${w.where}: ${years.length}/${need} lần${years.length ? ` (${yearsText(years)})` : ''}`, `${w.nameEn} ${w.whereEn}: ${years.length} of ${need}`, `Thêm ${gap} lần ${w.nameVi}`, `${gap} more ${w.nameEn}`]; });
};

const ratingCount: Predicate = (f, p) => {
  const want = str(p, 'rating') as Rating;
  const need = num(p, 'min', 1);
  const start = sinceYear(f, p);
  const years = [...f.byYear.entries()].filter(([y, v]) => y >= start && y <= f.year && v.rating && RATING_RANK[v.rating] >= RATING_RANK[want]).map(([y]) => y).sort((a, b) => a - b);
  if (years.length >= need) return met(() => [`Có ${years.length} năm xếp loại "${RATING_VI[want]}": ${yearsText(years)}`, `${years.length} year(s) rated '${RATING_EN[want]}': ${yearsText(years)}`]);
  const gap = need - years.length;
  return unmet(gap, () => [`Chưa có năm nào xếp loại "${RATING_VI[want]}" trong thời gian xét`, `No year rated '${RATING_EN[want]}' in the period`, `${gap} năm xếp loại "${RATING_VI[want]}"`, `${gap} year(s) rated '${RATING_EN[want]}'`]);
};

const priorAward: Predicate = (f, p) => {
  const code = str(p, 'award');
  if (f.prior && f.prior.code === code) {
    const { award: a, end } = f.prior;
    return met(() => [`Đã được tặng ${titleName(f, code, 'vi')} (quyết định ngày ${viDate(a.decisionDate)}${a.decisionNo ? `, số ${a.decisionNo}` : ''}; thành tích đến năm ${end})`, `Received ${titleName(f, code, 'en')} (decided ${a.decisionDate}; achievement period to ${end})`]);
  }
  return unmet(2, () => {
    const nameVi = titleName(f, code, 'vi');
    const nameEn = titleName(f, code, 'en');
    const other = f.input.awards.find((a) => a.code === code && !countsForMerit(a));
    const why = other ? ` (${nameVi} ngày ${viDate(other.decisionDate)} là khen thưởng đột xuất/chuyên đề, không làm căn cứ khen công trạng — NĐ 152 Điều 4 khoản 3)` : '';
    const whyEn = other ? ` (the ${other.decisionDate} award was sudden/thematic and does not count toward merit awards — Decree 152 Art 4(3))` : '';
    return [`Chưa được tặng ${nameVi}${why}`, `Has not received ${nameEn}${whyEn}`, `Được tặng ${nameVi} trước, rồi tính tiếp thời gian`, `Receive ${nameEn} first; the window starts after it`];
  });
};

/** A collective's member statistics are read for the year under review only: discovery loads no other year's
 *  (HistoryOptions.memberStatsFrom); a criterion over other years' members must change that first. */
function collectiveOf(f: Facts) {
  return yearOf(f, f.year)?.collective;
}
const noCollectiveData = (f: Facts) => review(() => [`${f.year}: chưa có số liệu thành viên của tập thể`, `${f.year}: no member figures for the collective`]);

/** Every count of `collective` is optional (the contract): an unknown one that decides answers review, naming it. */
const noMemberCount = (f: Facts) => review(() => [`${f.year}: chưa có tổng số thành viên của tập thể`, `${f.year}: the collective's number of members is unknown`]);

/** The count of members holding the title named by the params, or the outcome to answer when it is unknown. */
function membersWith(f: Facts, p: Params): { members: number | undefined; have: number; title: string } | PredicateOutcome {
  const c = collectiveOf(f);
  if (!c) return noCollectiveData(f);
  if (c.memberTitles === undefined) return review(() => [`${f.year}: chưa có số thành viên đạt danh hiệu`, `${f.year}: members' titles unknown`]);
  const title = str(p, 'title');
  return { members: c.members, have: c.memberTitles[title] ?? 0, title };
}

const memberShare: Predicate = (f, p) => {
  const m = membersWith(f, p);
  if ('status' in m) return m;
  const { have, title, members } = m;
  if (members === undefined) return noMemberCount(f);
  const pct = num(p, 'pct', 70);
  const share = members > 0 ? (100 * have) / members : 0;
  const needCount = Math.ceil((pct * members) / 100 - 1e-9);
  const shareText = (Math.round(share * 10) / 10).toString().replace('.', ',');
  const nameVi = titleName(f, title, 'vi');
  const nameEn = titleName(f, title, 'en');
  if (members > 0 && have >= needCount) return met(() => [`${f.year}: ${have}/${members} thành viên (${shareText}%) đạt ${nameVi}, từ ${pct}% trở lên`, `${f.year}: ${have} of ${members} members (${share.toFixed(1)}%) are ${nameEn}, at least ${pct}%`]);
  const gap = Math.max(1, needCount - have);
  return unmet(gap, () => [`${f.year}: ${have}/${members} thành viên (${shareText}%) đạt ${nameVi}, dưới ${pct}%`, `${f.year}: ${have} of ${members} members (${share.toFixed(1)}%) are ${nameEn}, under ${pct}%`, `Thêm ${gap} thành viên đạt ${nameVi} (cần ${needCount}/${members})`, `${gap} more member(s) with ${nameEn} (${needCount} of ${members} needed)`]);
};

const membersCompletedAll: Predicate = (f) => {
  const c = collectiveOf(f);
  if (!c) return noCollectiveData(f);
  if (c.membersCompletedTasks === undefined) return review(() => [`${f.year}: chưa có số thành viên hoàn thành nhiệm vụ`, `${f.year}: the number of members who completed their tasks is unknown`]);
  if (c.members === undefined) return noMemberCount(f);
  const members = c.members;
  if (members > 0 && c.membersCompletedTasks >= members) return met(() => [`${f.year}: 100% thành viên (${members}/${members}) hoàn thành nhiệm vụ`, `${f.year}: all ${members} members completed their tasks`]);
  const gap = Math.max(1, members - c.membersCompletedTasks);
  return unmet(gap, () => [`${f.year}: ${c.membersCompletedTasks}/${members} thành viên hoàn thành nhiệm vụ, chưa đủ 100%`, `${f.year}: ${c.membersCompletedTasks} of ${members} members completed their tasks, not 100%`, 'Toàn bộ thành viên hoàn thành nhiệm vụ', 'Every member completing their tasks']);
};

const memberTitleCount: Predicate = (f, p) => {
  const m = membersWith(f, p);
  if ('status' in m) return m;
  const { have, title } = m;
  const need = num(p, 'min', 1);
  const nameVi = titleName(f, title, 'vi');
  const nameEn = titleName(f, title, 'en');
  if (have >= need) return met(() => [`${f.year}: ${have} thành viên đạt ${nameVi}`, `${f.year}: ${have} member(s) are ${nameEn}`]);
  return unmet(need - have, () => [`${f.year}: không có thành viên đạt ${nameVi}`, `${f.year}: no member is ${nameEn}`, `${need - have} thành viên đạt ${nameVi}`, `${need - have} member(s) with ${nameEn}`]);
};

const noMemberDisciplined: Predicate = (f, p) => {
  const c = collectiveOf(f);
  if (!c) return noCollectiveData(f);
  if (c.membersDisciplined === undefined) return review(() => [`${f.year}: chưa có số thành viên bị kỷ luật`, `${f.year}: members' discipline unknown`]);
  const floor = DISCIPLINE_RANK[str(p, 'level') as DisciplineLevel];
  const hits = Object.entries(c.membersDisciplined).filter(([lvl, n]) => n > 0 && (DISCIPLINE_RANK[lvl as DisciplineLevel] ?? 0) >= floor);
  const levelVi = DISCIPLINE_VI[str(p, 'level') as DisciplineLevel];
  const levelEn = DISCIPLINE_EN[str(p, 'level') as DisciplineLevel];
  if (hits.length === 0) return met(() => [`${f.year}: không có thành viên bị kỷ luật từ ${levelVi} trở lên`, `${f.year}: no member disciplined at ${levelEn} or above`]);
  const list = hits.map(([lvl, n]) => `${n} ${DISCIPLINE_VI[lvl as DisciplineLevel] ?? lvl}`).join(', ');
  const listEn = hits.map(([lvl, n]) => `${n} ${DISCIPLINE_EN[lvl as DisciplineLevel] ?? lvl}`).join(', ');
  return unmet(INF, () => [`${f.year}: có thành viên bị kỷ luật (${list})`, `${f.year}: members disciplined (${listEn})`]);
};

const FACT_TEXT: Record<string, [string, string]> = { ledCluster: ['dẫn đầu cụm, khối thi đua', 'led its emulation cluster/block'], exceededTargets: ['hoàn thành vượt mức các chỉ tiêu, nhiệm vụ', 'exceeded its targets and tasks'] };
const collectiveFact: Predicate = (f, p) => {
  const fact = str(p, 'fact') as 'ledCluster' | 'exceededTargets';
  const [vi, en] = FACT_TEXT[fact] ?? [fact, fact];
  const v = collectiveOf(f)?.[fact];
  if (v === undefined) return review(() => [`${f.year}: chưa rõ có ${vi} hay không`, `${f.year}: unknown whether it ${en}`]);
  return v ? met(() => [`${f.year}: ${vi}`, `${f.year}: ${en}`]) : unmet(INF, () => [`${f.year}: không ${vi}`, `${f.year}: did not ${en.replace(/^led/, 'lead').replace(/^exceeded/, 'exceed')}`]);
};

const notReceivedBefore: Predicate = (f, p) => {
  const code = str(p, 'award');
  const asAward = f.input.awards.find((a) => a.code === code);
  const asTitle = [...f.byYear.entries()].find(([, v]) => (v.titles ?? []).includes(code));
  const nameVi = titleName(f, code, 'vi');
  if (asAward || asTitle) {
    const when = asAward ? `ngày ${viDate(asAward.decisionDate)}` : `năm ${asTitle?.[0]}`;
    return unmet(INF, () => [`Đã được tặng ${nameVi} (${when}); danh hiệu chỉ tặng một lần`, `Already received ${titleName(f, code, 'en')}; awarded once per person`]);
  }
  return met(() => [`Chưa được tặng ${nameVi}`, `Has not received ${titleName(f, code, 'en')}`]);
};

const noDisciplineEver: Predicate = (f, p) => {
  const floor = DISCIPLINE_RANK[str(p, 'level') as DisciplineLevel];
  const d = f.disciplines.find((x) => DISCIPLINE_RANK[x.level] >= floor);
  if (d) return unmet(INF, () => [`Đã bị kỷ luật ${DISCIPLINE_VI[d.level]} từ ${viDate(d.from)}`, `Disciplined (${DISCIPLINE_EN[d.level]}) from ${d.from}`]);
  return met(() => ['Chưa bị kỷ luật từ khiển trách trở lên', 'Never disciplined at reprimand or above']);
};

const residentOfCapital: Predicate = (f) => {
  const r = f.input.subject.residentOfCapital;
  if (r === undefined) return review(() => ['Chưa xác nhận đang cư trú tại Hà Nội', 'Residence in Hà Nội not confirmed']);
  return r ? met(() => ['Cư trú tại Hà Nội', 'Resides in Hà Nội']) : unmet(INF, () => ['Không cư trú tại Hà Nội', 'Does not reside in Hà Nội']);
};

/** The vocabulary, by the name rule-sets.yaml uses in `check`. */
export const PREDICATES: Record<string, Predicate> = {
  not_under_review: notUnderReview,
  discipline_window: disciplineWindow,
  not_already_awarded: notAlreadyAwarded,
  rating_at_least: ratingAtLeast,
  new_recruit: newRecruit,
  long_training: longTraining,
  still_serving: stillServing,
  category_is: categoryIs,
  confirmed_at_review: confirmedAtReview,
  judgement,
  meets_award: meetsAward,
  initiative,
  science_project: scienceProject,
  title_chain: titleChain,
  rating_chain: ratingChain,
  title_count: titleCount,
  rating_count: ratingCount,
  prior_award: priorAward,
  member_share: memberShare,
  members_completed_all: membersCompletedAll,
  member_title_count: memberTitleCount,
  no_member_disciplined: noMemberDisciplined,
  collective_fact: collectiveFact,
  not_received_before: notReceivedBefore,
  no_discipline_ever: noDisciplineEver,
  resident_of_capital: residentOfCapital,
};
