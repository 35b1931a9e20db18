import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../server/app.ts';
import { actorOf, authorize, fileResponse } from '../../server/http.ts';
import { AppError } from '../../shared/errors.ts';
import { resolveScope } from '../auth/scope.ts';
import { loadInScope } from '../decisions/view.ts';
import { MAX_SIGNED_PDF_BYTES, signedCopies, signedCopyFile, uploadSignedCopy } from './commands.ts';
import * as s from './schema.ts';
import { addTrustRoot, listTrustRoots, loadConfiguredRoots, removeTrustRoot } from './trust.ts';

const tags = ['signatures'];

/** Signed copies of issued decisions (upload verified, list, download) and the trusted roots admins add. */
export function signatureRoutes({ db, config }: ModuleDeps): FastifyPluginAsync {
  // Read at start-up: a configured bundle that cannot be read stops the server instead of refusing every upload.
  const configured = loadConfiguredRoots(config.signatureTrustRoots);
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/decisions/:id/signed-copies', { schema: { tags, params: s.ZDecisionParams, response: { 200: s.ZSignedCopies } } }, async (req) => {
      const scope = await authorize(req, db, 'decision.read');
      const items = await signedCopies(db, scope, req.params.id);
      const issueScope = req.user ? await resolveScope(db, req.user, 'decision.issue') : { all: false as const, unitIds: [] };
      // Out of the issue scope loadInScope answers NOT_FOUND: then the reader only reads.
      const decision = await loadInScope(db, issueScope, req.params.id).catch(() => null);
      return { items, canUpload: decision?.status === 'issued' };
    });

    app.post('/decisions/:id/signed-copies', { schema: { tags, params: s.ZDecisionParams, response: { 201: s.ZSignedCopy } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'decision.issue');
      const file = await req.file({ limits: { fileSize: MAX_SIGNED_PDF_BYTES } });
      if (!file) throw new AppError('VALIDATION_FAILED', { issues: [{ field: 'file', rule: 'required' }] });
      let content: Buffer;
      try {
        content = await file.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', { limit: `${MAX_SIGNED_PDF_BYTES / 1_048_576} MB`, field: 'file' });
        throw error;
      }
      const fileName = file.filename.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'quyet-dinh-da-ky.pdf';
      const made = await uploadSignedCopy(db, actorOf(req), scope, req.params.id, { fileName, content }, configured);
      reply.status(201);
      return made;
    });

    // Never rendered by the browser: a download of the PDF as stored, with no sniffing of its type.
    app.get('/decisions/:id/signed-copies/:copyId/file', { schema: { tags, params: s.ZCopyParams, response: { 200: fileResponse('application/pdf', 'The signed PDF as uploaded') } } }, async (req, reply) => {
      const scope = await authorize(req, db, 'decision.read');
      const file = await signedCopyFile(db, scope, req.params.id, req.params.copyId);
      const ascii = file.fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'quyet-dinh-da-ky.pdf';
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('content-security-policy', "default-src 'none'; sandbox");
      return reply.send(file.content);
    });

    app.get('/signature-roots', { schema: { tags, response: { 200: s.ZTrustRoots } } }, async (req) => {
      await authorize(req, db, 'document.template');
      return { items: await listTrustRoots(db), configuredCount: configured.length };
    });

    app.post('/signature-roots', { schema: { tags, body: s.ZAddTrustRootRequest, response: { 201: s.ZTrustRoot } } }, async (req, reply) => {
      await authorize(req, db, 'document.template');
      const made = await addTrustRoot(db, actorOf(req), req.body);
      reply.status(201);
      return made;
    });

    app.delete('/signature-roots/:id', { schema: { tags, params: s.ZRootParams, querystring: s.ZVersionQuery, response: { 200: s.ZRemoved } } }, async (req) => {
      await authorize(req, db, 'document.template');
      await removeTrustRoot(db, actorOf(req), req.params.id, req.query.version);
      return { removed: true as const };
    });
  };
}
