import type { Widen } from '../widen.ts';

/** Texts of the documents module's pages (Vietnamese first; English must have the same keys). */
export const documentsVi = {
  title: 'Văn bản',
} as const;

export const documentsEn: Widen<typeof documentsVi> = {
  title: 'Documents',
};
