import { SYSTEM_ACTOR } from '../../modules/audit/audit.ts';
import { assertStrongPassword } from '../../modules/auth/password-policy.ts';
import { generatePassword } from '../../modules/auth/passwords.ts';
import { createUser } from '../../modules/auth/users.ts';
import { createUnit } from '../../modules/org/commands.ts';
import type { Db } from '../../server/db.ts';
import { migrate } from '../../server/migrate.ts';
import { AppError } from '../../shared/errors.ts';
import { errorMessage } from '../../shared/i18n/messages.ts';
import { stringOption } from '../args.ts';
import type { Command } from '../command.ts';
import { type CliContext, withDb } from '../context.ts';

/** The unit with the given code, or the oldest active top unit (one without a parent). */
async function findUnit(db: Db, code: string | undefined): Promise<{ id: number; name: string } | null> {
  const rows = await db.query<{ id: number; name: string }>(
    code
      ? `select u.id, v.name from org_unit u join org_unit_version v on v.unit_id = u.id and v.valid_to is null where u.code = $1`
      : `select u.id, v.name from org_unit u join org_unit_version v on v.unit_id = u.id and v.valid_to is null
          where v.parent_id is null and u.dissolved_on is null order by u.id limit 1`,
    code ? [code] : [],
  );
  return rows[0] ? { id: Number(rows[0].id), name: rows[0].name } : null;
}

/** On an empty database: the top unit (e.g. the city people's committee) the first administrator is bound to. */
async function createTopUnit(db: Db, args: Parameters<Command['run']>[0]): Promise<{ id: number; name: string } | null> {
  const code = stringOption(args, 'org-code');
  const name = stringOption(args, 'org-name');
  if (!code || !name || stringOption(args, 'unit')) return null;
  const unit = await createUnit(db, SYSTEM_ACTOR, { all: true }, { code, name, kind: 'city_committee', parentId: null, establishedOn: stringOption(args, 'org-established', '2008-08-01') as string });
  return { id: unit.id, name: unit.name };
}

/** Asks twice, hidden; returns null when the two differ or the password is too weak. */
async function askPassword(ctx: CliContext): Promise<string | null> {
  const first = await ctx.readHidden('Mật khẩu mới (new password): ');
  try {
    await assertStrongPassword(first);
  } catch (error) {
    ctx.err(`create-admin: ${error instanceof AppError ? errorMessage(error.code, error.details, 'en') : String(error)}`);
    return null;
  }
  const second = await ctx.readHidden('Nhập lại (repeat): ');
  if (first !== second) {
    ctx.err('create-admin: the two passwords differ');
    return null;
  }
  return first;
}

export const createAdminCommand: Command = {
  name: 'create-admin',
  usage: 'create-admin [--username admin] [--unit CODE | --org-code HN --org-name "Ủy ban nhân dân thành phố Hà Nội"] [--name "Quản trị hệ thống"] [--generate]',
  summary: 'Tạo tài khoản quản trị hệ thống (create a system administrator); asks for a password on a terminal, else generates one',
  booleans: ['generate'],
  run: (args, ctx) =>
    withDb(ctx, async (db) => {
      await migrate(db);
      const username = stringOption(args, 'username', 'admin') as string;
      const unit = (await findUnit(db, stringOption(args, 'unit'))) ?? (await createTopUnit(db, args));
      if (!unit) {
        ctx.err(`create-admin: no organisation unit ${stringOption(args, 'unit') ?? 'without a parent'} exists; give the top unit with --org-code CODE --org-name "Ủy ban nhân dân …" (or run \`vinhdanh seed\`)`);
        return 1;
      }
      const generate = args.options.get('generate') === true || !ctx.interactive;
      const password = generate ? generatePassword() : await askPassword(ctx);
      if (!password) return 1;
      try {
        await createUser(db, SYSTEM_ACTOR, { all: true }, {
          username,
          displayName: stringOption(args, 'name', 'Quản trị hệ thống') as string,
          password,
          roles: [{ role: 'system_admin', orgUnitId: unit.id }],
          // A generated password was shown on screen: it must be replaced at the first sign-in.
          mustChangePassword: generate,
        });
      } catch (error) {
        if (error instanceof AppError && error.code === 'DUPLICATE_USERNAME') {
          ctx.err(`create-admin: the username ${username} is taken`);
          return 1;
        }
        throw error;
      }
      ctx.out(`create-admin: created ${username} (system_admin at ${unit.name})`);
      if (generate) ctx.out(`Mật khẩu (password, shown once; change it at first sign-in): ${password}`);
      return 0;
    }),
};
