/**
 * The vocabulary of criteria, by the name rule-sets.yaml uses in `check` (decision 0005). Each predicate declares
 * its parameters with Zod (vocabulary.ts); the files group them by topic. A new predicate is the exception: an
 * amendment is YAML and tests.
 */
import { disciplineWindow, noDisciplineEver } from './predicates-discipline.ts';
import { notAlreadyAwarded, notReceivedBefore, priorAward } from './predicates-awards.ts';
import { collectiveFact, memberShare, memberTitleCount, membersCompletedAll, noMemberDisciplined } from './predicates-collective.ts';
import { ratingAtLeast, ratingChain, ratingCount } from './predicates-ratings.ts';
import { categoryIs, confirmedAtReview, judgement, notUnderReview, residentOfCapital } from './predicates-subject.ts';
import { meetsAward, titleChain, titleCount } from './predicates-titles.ts';
import { longTraining, newRecruit, stillServing } from './predicates-work-time.ts';
import { initiative, scienceProject } from './predicates-works.ts';
import type { PredicateDef } from './vocabulary.ts';

export type { AwardEvaluator, OutcomeText, PredicateDef, PredicateOutcome } from './vocabulary.ts';

export const PREDICATES: Readonly<Record<string, PredicateDef<unknown>>> = {
  // the subject
  not_under_review: notUnderReview,
  category_is: categoryIs,
  resident_of_capital: residentOfCapital,
  confirmed_at_review: confirmedAtReview,
  judgement,
  // disciplines
  discipline_window: disciplineWindow,
  no_discipline_ever: noDisciplineEver,
  // awards held or pending
  not_already_awarded: notAlreadyAwarded,
  prior_award: priorAward,
  not_received_before: notReceivedBefore,
  // ratings
  rating_at_least: ratingAtLeast,
  rating_chain: ratingChain,
  rating_count: ratingCount,
  // titles
  title_chain: titleChain,
  title_count: titleCount,
  meets_award: meetsAward,
  // initiatives and science works
  initiative,
  science_project: scienceProject,
  // time in service
  new_recruit: newRecruit,
  long_training: longTraining,
  still_serving: stillServing,
  // collectives
  member_share: memberShare,
  members_completed_all: membersCompletedAll,
  member_title_count: memberTitleCount,
  no_member_disciplined: noMemberDisciplined,
  collective_fact: collectiveFact,
};

/** The predicate a check names, or undefined (own keys only: "constructor" is no check). */
export function predicateNamed(check: string): PredicateDef<unknown> | undefined {
  return Object.hasOwn(PREDICATES, check) ? PREDICATES[check] : undefined;
}
