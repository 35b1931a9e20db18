import { foldVietnamese, nfc, personSortKey } from '../../shared/vietnamese.ts';

/** Columns derived from a name: leading space so each query token matches a word start ("% an%"). */
export function nameColumns(fullName: string): { fullName: string; searchText: string; sortKey: string } {
  const name = nfc(fullName);
  return { fullName: name, searchText: ` ${foldVietnamese(name)}`, sortKey: personSortKey(name) };
}
