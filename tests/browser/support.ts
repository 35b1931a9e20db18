import { cccdPrefix } from '../../src/shared/cccd.ts';
import type { Page } from 'playwright-core';
import { baseUrl } from './harness.ts';

/** Calls the JSON API with the page's session (writes need the Origin header). */
export async function apiCall<T>(page: Page, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
  const res = await page.request.fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers: { origin: baseUrl(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok()) throw new Error(`${method} ${path} → ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The id of a unit by code in today's tree. */
export async function unitIdByCode(page: Page, code: string): Promise<number> {
  const tree = await apiCall<{ units: { id: number; code: string }[] }>(page, 'GET', '/org/tree');
  const unit = tree.units.find((u) => u.code === code);
  if (!unit) throw new Error(`no unit ${code}`);
  return unit.id;
}

let n = 0;
/** A short suffix unique to this run, for codes and names. */
export const uniq = () => `${Date.now().toString(36).slice(-5)}${++n}`.toUpperCase();

/** A valid, random CCCD of a Hà Nội (001) person. */
export function randomCccd(gender: 'male' | 'female', birthYear: number): string {
  return `${cccdPrefix('001', gender, birthYear)}${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
}
