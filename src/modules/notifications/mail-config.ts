import type { Config } from '../../server/config.ts';

/**
 * Whether notifications go out by e-mail too: set from SMTP_URL when the routes are built (server/app.ts), read
 * by `notify` to enqueue the e-mail job. Configuration, not state: every process reads the same environment.
 */
let enabled = false;

export function configureMail(config: Pick<Config, 'smtpUrl'>): void {
  enabled = !!config.smtpUrl;
}

export const mailEnabled = (): boolean => enabled;
