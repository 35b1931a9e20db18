import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDeps } from '../../server/app.ts';
import { actorOf, authorize, requireUser } from '../../server/http.ts';
import { cityYear } from '../../shared/clock.ts';
import { addDay, presentDay, removeDay } from './commands.ts';
import { daysOfYear } from './repo.ts';
import * as s from './schema.ts';

const tags = ['calendar'];

/** The working-day calendar: everyone signed in reads it (deadlines), the system admin edits it (calendar.manage). */
export function calendarRoutes({ db }: ModuleDeps): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/calendar/days', { schema: { tags, querystring: s.ZDaysQuery, response: { 200: s.ZDaysResponse } } }, async (req) => {
      requireUser(req);
      const year = req.query.year ?? cityYear();
      return { year, weekendsOff: true as const, days: (await daysOfYear(db, year)).map(presentDay) };
    });

    app.post('/calendar/days', { schema: { tags, body: s.ZAddDayRequest, response: { 201: s.ZCalendarDay } } }, async (req, reply) => {
      await authorize(req, db, 'calendar.manage');
      reply.status(201);
      return addDay(db, actorOf(req), req.body);
    });

    app.delete('/calendar/days/:date', { schema: { tags, params: s.ZDayParams, querystring: s.ZVersionQuery, response: { 200: s.ZRemoved } } }, async (req) => {
      await authorize(req, db, 'calendar.manage');
      await removeDay(db, actorOf(req), req.params.date, req.query.version);
      return { date: req.params.date, removed: true as const };
    });
  };
}
