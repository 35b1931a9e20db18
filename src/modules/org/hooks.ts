import type { ReorgHandler } from './types.ts';

const handlers: ReorgHandler[] = [];

/**
 * Lets modules above org (people, later records) follow a merge or split in the same transaction,
 * without org knowing their tables.
 */
export function onReorganise(handler: ReorgHandler): void {
  if (!handlers.includes(handler)) handlers.push(handler);
}

export function reorgHandlers(): readonly ReorgHandler[] {
  return handlers;
}
