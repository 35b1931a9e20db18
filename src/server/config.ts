import { DEFAULT_CITY_TIME_ZONE } from '../shared/clock.ts';

/** Configuration from environment variables; every one is listed in README.md. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  trustProxy: boolean;
  cookieSecure: 'auto' | boolean;
  sessionHours: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
  loginRateLimitPerMinute: number;
  /** Public certificate verifications per client address per minute (certificates' GET /public/verify/:code). */
  verifyRateLimitPerMinute: number;
  /** Second factor required of system_admin and board roles (on with a PostgreSQL server, off in the embedded demo). */
  mfaRequired: boolean;
  /** Days a browser that passed the second factor may skip it ("remember this device"); 0 = never. */
  mfaRememberDays: number;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  logLevel: string;
  /** IANA zone of the city whose calendar day is "today" everywhere (shared/clock.ts). */
  cityTimeZone: string;
  seedDemo: boolean;
  webDist: string;
  /** Seconds between polls of a job queue when no NOTIFY wakes it (server/jobs.ts). */
  jobsPollSeconds: number;
  /** Run background job handlers in this process (an instance that only serves requests sets JOBS_WORKERS=0). */
  jobsWorkers: boolean;
  /** SMTP server for e-mail notifications (`smtp://user:pass@host:587`, `smtps://…`); none: in-app only. */
  smtpUrl?: string;
  /** The sender of those e-mails. */
  mailFrom: string;
  /** The app's address as users reach it, for links in e-mails (e.g. `https://thiduakhenthuong.hanoi.gov.vn`). */
  publicUrl: string;
  /**
   * Path of a PEM bundle of the root certificates a decision's digital signature must chain to (signatures module;
   * e.g. the national root CA of Vietnam's digital signature services); admins may add more roots in the app. None: only those.
   */
  signatureTrustRoots?: string;
}

const bool = (v: string | undefined, fallback: boolean) => (v === undefined || v === '' ? fallback : ['1', 'true', 'yes'].includes(v.toLowerCase()));

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: env.DATA_DIR ?? './data',
    databaseUrl,
    trustProxy: bool(env.TRUST_PROXY, false),
    cookieSecure: env.COOKIE_SECURE === undefined ? 'auto' : bool(env.COOKIE_SECURE, false),
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    lockoutAttempts: Number(env.LOGIN_LOCKOUT_ATTEMPTS ?? 5),
    lockoutMinutes: Number(env.LOGIN_LOCKOUT_MINUTES ?? 15),
    loginRateLimitPerMinute: Number(env.LOGIN_RATE_LIMIT ?? 20),
    verifyRateLimitPerMinute: Number(env.VERIFY_RATE_LIMIT ?? 60),
    mfaRequired: bool(env.MFA_REQUIRED, !!databaseUrl),
    mfaRememberDays: Number(env.MFA_REMEMBER_DAYS ?? 30),
    bodyLimitBytes: Number(env.BODY_LIMIT_BYTES ?? 1_048_576),
    uploadLimitBytes: Number(env.UPLOAD_LIMIT_BYTES ?? 40 * 1_048_576),
    logLevel: env.LOG_LEVEL ?? 'info',
    cityTimeZone: env.CITY_TIME_ZONE || DEFAULT_CITY_TIME_ZONE,
    // The embedded demo seeds itself; a PostgreSQL server is seeded only when asked (`npm run seed`).
    seedDemo: bool(env.SEED_DEMO, !databaseUrl),
    webDist: env.WEB_DIST ?? new URL('../../web/dist/', import.meta.url).pathname,
    jobsPollSeconds: Math.max(0.5, Number(env.JOBS_POLL_SECONDS ?? 5)),
    jobsWorkers: bool(env.JOBS_WORKERS, true),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'vinhdanh <no-reply@localhost>',
    publicUrl: (env.PUBLIC_URL || `http://localhost:${Number(env.PORT ?? 3000)}`).replace(/\/+$/, ''),
    signatureTrustRoots: env.SIGNATURE_TRUST_ROOTS || undefined,
  };
}
