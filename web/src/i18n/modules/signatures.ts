import type { Widen } from '../widen.ts';

/** Texts of the signatures module's pages (Vietnamese first; English must have the same keys). */
export const signaturesVi = {
  title: 'Văn bản đã ký số',
} as const;

export const signaturesEn: Widen<typeof signaturesVi> = {
  title: 'Signed documents',
};
