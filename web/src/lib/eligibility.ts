import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Locale } from '../../../src/shared/i18n/messages.ts';
import { get } from '../api.ts';
import type { EligibilityAward, EligibilityResult } from '../types.ts';
import { cityYear } from './clock.ts';
import { useLocale } from './locale.tsx';

/** What the panel shows for one result: eligible, council review, already awarded for this achievement, or not (yet) eligible. */
export type ResultStatus = 'eligible' | 'needs_review' | 'awarded' | 'not_eligible';

export const statusOf = (r: Pick<EligibilityResult, 'eligible'> & { duplicate?: EligibilityResult['duplicate'] }): ResultStatus =>
  r.eligible === true ? 'eligible' : r.eligible === 'needs_review' ? 'needs_review' : r.duplicate === 'same' ? 'awarded' : 'not_eligible';

/** Tag colours of result and discovery statuses. */
export const STATUS_COLORS: Record<string, string> = { eligible: 'green', needs_review: 'orange', awarded: 'geekblue', not_eligible: 'red', near: 'blue' };

/** The Vietnamese or English text of a pair, in the UI language. */
export const pick = (locale: Locale, vi: string, en: string | undefined | null): string => (locale === 'en' && en ? en : vi);

/** The achievement year proposed by default: last year in the city (titles are awarded after the year ends). */
export const lastYear = () => cityYear() - 1;

/** Year options, newest first: this year in the city back to 15 years ago. */
export function yearOptions(): { value: number; label: string }[] {
  const now = cityYear();
  return Array.from({ length: 16 }, (_, i) => ({ value: now - i, label: String(now - i) }));
}

/** The awards the engine knows (/eligibility/awards), and their names in the UI language. */
export function useAwards() {
  const { locale } = useLocale();
  const query = useQuery({
    queryKey: ['eligibility-awards'],
    queryFn: () => get<{ awards: EligibilityAward[] }>('/eligibility/awards'),
    staleTime: 10 * 60_000,
  });
  const nameOf = useMemo(() => {
    const byCode = new Map((query.data?.awards ?? []).map((a) => [a.code, a]));
    return (code: string, fallback?: string) => {
      const a = byCode.get(code);
      return a ? pick(locale, a.nameVi, a.nameEn) : (fallback ?? code);
    };
  }, [query.data, locale]);
  return { awards: query.data?.awards ?? [], nameOf, isLoading: query.isLoading, error: query.error };
}
