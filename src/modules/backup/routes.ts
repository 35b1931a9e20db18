import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../server/app.ts';
import { actorOf, authorize, fileResponse } from '../../server/http.ts';
import { AppError } from '../../shared/errors.ts';
import { audit } from '../audit/audit.ts';
import { backupBytes, defaultBackupName, takeBackup } from './take.ts';

/**
 * `POST /admin/backup`: the whole database as a backup file (take.ts), streamed. The way to back up a running
 * embedded server (its data directory is locked to it, so the CLI cannot open it); works on PostgreSQL too.
 * A read of everything: only a system administrator whose scope is everything, and audited before it happens.
 */
export function backupRoutes({ db, config }: ModuleDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.post('/admin/backup', {
      schema: { tags: ['admin'], summary: 'Sao lưu toàn bộ cơ sở dữ liệu (backup file, application/x-tar)', response: { 200: fileResponse('application/x-tar', 'The backup file: manifest.json, then the database') } },
    }, async (req, reply) => {
      const scope = await authorize(req, db, 'users.manage');
      if (!scope.all) throw new AppError('FORBIDDEN', { permission: 'system.backup' });
      // Refused before the audit entry: a backup that cannot start is not one to record.
      if (db.kind === 'postgresql' && !config.databaseUrl) throw new AppError('BACKUP_UNAVAILABLE', { tool: 'pg_dump', reason: 'DATABASE_URL is not set' });
      const fileName = defaultBackupName();
      await db.tx((q) => audit(q, actorOf(req), [{ action: 'system.backup', entity: 'system', entityId: null, before: null, after: { engine: db.kind, fileName } }]));
      const backup = await takeBackup(db, config.databaseUrl);
      const body = backupBytes(backup);
      body.on('close', () => void backup.cleanup());
      return reply
        .type('application/x-tar')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'no-store')
        .send(body);
    });
  };
}
