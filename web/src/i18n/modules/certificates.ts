import type { Widen } from '../widen.ts';

/** Texts of the certificates module's pages (Vietnamese first; English must have the same keys). */
export const certificatesVi = {
  title: 'Bằng, giấy chứng nhận',
} as const;

export const certificatesEn: Widen<typeof certificatesVi> = {
  title: 'Certificates',
};
