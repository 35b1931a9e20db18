/**
 * Vietnamese text helpers: accent folding for search and a collation key for sorting names.
 * Both run in the application so that PGlite and PostgreSQL sort and match identically,
 * whatever ICU collations the server has.
 */

/**
 * Lower-cases, strips diacritics and maps đ to d, so "Nguyễn Văn Đức" and "nguyen van duc" match.
 * @example foldVietnamese('Đặng Thị Hoà') // 'dang thi hoa'
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Vietnamese alphabet order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y
const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
const LETTER_RANK = new Map(ALPHABET.map((letter, i) => [letter, i]));
// Tone order in Vietnamese dictionaries: ngang, huyền, hỏi, ngã, sắc, nặng.
const TONE_RANK: Record<string, number> = { '': 0, '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };
const TONE_MARKS = /[\u0300\u0309\u0303\u0301\u0323]/g;

/** Base letters (with their vowel marks kept) and the tone of one syllable. */
function splitTone(syllable: string): { letters: string; tone: number } {
  const decomposed = syllable.toLowerCase().normalize('NFD');
  const tone = decomposed.match(TONE_MARKS)?.[0] ?? '';
  return { letters: decomposed.replace(TONE_MARKS, '').normalize('NFC'), tone: TONE_RANK[tone] ?? 0 };
}

/** A byte-sortable key for one word: letters by Vietnamese alphabet first, tone as tie-breaker. */
function wordKey(word: string): string {
  const { letters, tone } = splitTone(word);
  let key = '';
  for (const ch of letters) {
    const rank = LETTER_RANK.get(ch);
    key += rank === undefined ? ch : String.fromCharCode(0x41 + rank); // A.. for letters, others as they are
  }
  return `${key}${tone}`;
}

/** A key comparing word lists in order, each word by Vietnamese collation. */
export function vietnameseKey(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(wordKey)
    .join(' ');
}

/**
 * Sort key for a person's full name: given name first, then family and middle names,
 * as Vietnamese lists are ordered ("Trần Văn An" before "Lê Thị Bình").
 * @example personSortKey('Nguyễn Văn An') < personSortKey('Lê Thị Bình') // true
 */
export function personSortKey(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const given = words.at(-1) ?? '';
  return `${vietnameseKey(given)}|${vietnameseKey(words.slice(0, -1).join(' '))}`;
}

/** Compares two strings by Vietnamese collation (for in-memory sorting of short lists). */
export function compareVietnamese(a: string, b: string): number {
  const ka = vietnameseKey(a);
  const kb = vietnameseKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Normalises user text to NFC (Vietnamese input methods may send decomposed marks). */
export function nfc(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
