/**
 * The store of the sign-in throttle (@fastify/rate-limit, `config.rateLimit` on the routes that check a password or a
 * code): counters in the database instead of the plugin's in-process LRU, so two app instances behind one address
 * count the same attempts and a client cannot double its budget by landing on both (issue 12 §8). A fixed window per
 * client address and route, like the plugin's own store (its continueExceeding/exponentialBackoff are not used here).
 */
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Queryable } from '../../server/db.ts';

type Answer = { current: number; ttl: number };
type Callback = (error: Error | null, answer?: Answer) => void;
// What the plugin hands `child` at run time: the route's merged options, the route itself under `routeInfo`.
interface RouteParams { routeInfo?: { method?: string | string[]; url?: string } }

/** The store class the plugin instantiates (`new Store(globalParams)`), bound to the app's database. */
export function sharedThrottleStore(q: Queryable) {
  return class SharedThrottleStore implements FastifyRateLimitStore {
    readonly prefix: string;
    constructor(params: object = {}) {
      const route = (params as RouteParams).routeInfo;
      this.prefix = route?.url ? `${String(route.method)} ${route.url}|` : '';
    }

    /** One more hit for `key` in its window (a new window once the last one ended); answers the count and the ms left. */
    incr(key: string, cb: Callback, timeWindow: number): void {
      q.query<Answer>(
        `insert into request_throttle (key, hits, window_ends) values ($1, 1, now() + make_interval(secs => $2::double precision / 1000))
         on conflict (key) do update set
           hits = case when request_throttle.window_ends <= now() then 1 else request_throttle.hits + 1 end,
           window_ends = case when request_throttle.window_ends <= now() then excluded.window_ends else request_throttle.window_ends end
         returning hits as current, greatest(0, ceil(extract(epoch from window_ends - now()) * 1000))::int as ttl`,
        [`${this.prefix}${key}`, timeWindow],
      ).then(([row]) => {
        cb(null, row);
        // Windows long over are dropped now and then (a handful of rows per client address).
        if (Math.random() < 0.01) void q.query("delete from request_throttle where window_ends < now() - interval '1 hour'").catch(() => undefined);
      }, (error: Error) => cb(error));
    }

    /** A route's own counters (the plugin calls this for each route with a `rateLimit` config). */
    child(params: object): SharedThrottleStore {
      return new SharedThrottleStore(params);
    }
  };
}
