/** A locale's shape: the Vietnamese texts' keys with string values (so English must have every key). */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
