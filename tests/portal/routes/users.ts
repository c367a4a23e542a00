/**
 * `GET /{tenant}/api/users` as src/Controller/Rest/UsersAPIController.php::getUsersAction (129-240)
 * serves the citizens' part of it, behind the `api_secure` firewall (config/packages/security.yaml: a
 * token is required; no role is checked for citizens):
 * - `roles` (comma separated, default `user`, Dto/User::USER_TYPE_CPS); `cf` with a `roles` that lacks
 *   `user` -> 400 {type, title: "Invalid cf query parameter", description};
 * - `cf` compared lower-cased on both sides (`lower(user.codiceFiscale) = :cf`), no paging, a plain array;
 * - a citizen asking sees only themself (`user.username = :username`);
 * - each as Dto/User::fromEntity (497-527): `id`, `codice_fiscale`, `nome`, `cognome`, `full_name`, ...,
 *   `role: "user"`.
 * Not reproduced: operators and admins (`roles=operator,admin`, `username`, `user_group_id`), the
 * other verbs (POST, PUT, PATCH, DELETE).
 */
import { HttpError, type RouteModule } from '../router';

interface CitizenRow {
  id: string;
  fiscal_code: string | null;
  name: string | null;
  surname: string | null;
  email: string | null;
}

export const userRoutes: RouteModule = (ctx) => [
  {
    method: 'GET',
    path: '/{tenant}/api/users',
    access: 'any-user',
    handle(req) {
      const roles = (req.query.get('roles') ?? 'user').split(',');
      const cf = req.query.get('cf');
      if (cf && !roles.includes('user')) {
        throw new HttpError(400, { type: 'error', title: 'Invalid cf query parameter', description: 'You cannot search for a user by cf if you do not select the user role ' });
      }
      if (!roles.includes('user')) return { status: 200, json: [] };
      const where = ["role = 'citizen'"];
      const args: string[] = [];
      if (req.caller!.role === 'citizen') {
        where.push('id = ?');
        args.push(req.caller!.id);
      }
      if (cf) {
        where.push('lower(fiscal_code) = lower(?)');
        args.push(cf);
      }
      const rows = ctx.db.prepare(`SELECT id, fiscal_code, name, surname, email FROM users WHERE ${where.join(' AND ')} ORDER BY rowid`).all(...args) as CitizenRow[];
      const json = rows.map((u) => ({
        id: u.id,
        codice_fiscale: u.fiscal_code,
        nome: u.name,
        cognome: u.surname,
        full_name: [u.name, u.surname].filter(Boolean).join(' '),
        email: u.email,
        role: 'user',
      }));
      return { status: 200, json };
    },
  },
];
