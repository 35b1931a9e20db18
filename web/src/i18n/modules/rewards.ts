import type { Widen } from '../widen.ts';

/** Texts of the rewards module's pages (Vietnamese first; English must have the same keys). */
export const rewardsVi = {
  title: 'Tiền thưởng',
} as const;

export const rewardsEn: Widen<typeof rewardsVi> = {
  title: 'Reward money',
};
