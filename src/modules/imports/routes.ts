import type { FastifyPluginAsync } from 'fastify';
import type { ModuleDeps } from '../../server/app.ts';

/** Excel import/export routes (template, upload, preview, apply, progress, list export). */
export function importRoutes(_deps: ModuleDeps): FastifyPluginAsync {
  return async () => {};
}
