import type { Widen } from '../widen.ts';

/** Texts of the revocation module's pages (Vietnamese first; English must have the same keys). */
export const revocationVi = {
  title: 'Hủy bỏ, thu hồi khen thưởng',
} as const;

export const revocationEn: Widen<typeof revocationVi> = {
  title: 'Revocation',
};
