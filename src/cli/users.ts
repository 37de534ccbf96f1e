/**
 * Accounts from the command line, for operators: `npm run users -- <command>`.
 *   add NAME --role ROLE     create an account and print its generated password once
 *   list                     list accounts
 *   set-role NAME ROLE       change a role (viewer, editor, admin)
 *   disable NAME / enable NAME
 *   password NAME            give NAME a new generated password, printed once
 *   token NAME [LABEL]       print a new API token for NAME as the last line
 * Uses the server's database: PostgreSQL when DATABASE_URL is set, otherwise the SQLite file of RETOUCHE_DB.
 */
import { changeRole, createApiToken, createUser, resetPassword, setUserDisabled } from '../services/accounts.js';
import { ServiceError } from '../services/errors.js';
import { readConfig } from '../config.js';
import { openStorage } from '../storage/open-storage.js';
import type { Storage } from '../storage/types.js';

const USAGE = `Usage: npm run users -- <command>
  add NAME --role viewer|editor|admin   create an account (prints its password once)
  list                                  list accounts
  set-role NAME ROLE                    change an account's role
  disable NAME | enable NAME            stop or allow an account (ends its sessions)
  password NAME                         give NAME a new generated password (last line)
  token NAME [LABEL]                    print a new API token for NAME (last line)`;

async function run(storage: Storage, args: readonly string[]): Promise<string[]> {
  const [command, name, ...rest] = args;
  switch (command) {
    case 'add': {
      const roleIndex = rest.indexOf('--role');
      const role = roleIndex >= 0 ? rest[roleIndex + 1] : 'editor';
      const { user, password } = await createUser(storage, { name, role });
      return [`Created ${user.name} (${user.role}). Password, shown this once:`, password];
    }
    case 'list': {
      const users = await storage.users.list();
      return users.length === 0 ? ['No accounts.'] : users.map((user) => `${user.name}\t${user.role}\t${user.disabled ? 'disabled' : 'active'}`);
    }
    case 'set-role': {
      const user = await changeRole(storage, name, rest[0]);
      return [`${user.name} is now ${user.role}.`];
    }
    case 'disable':
    case 'enable': {
      const user = await setUserDisabled(storage, name, command === 'disable');
      return [`${user.name} is ${user.disabled ? 'disabled' : 'enabled'}.`];
    }
    case 'password': {
      const { user, password } = await resetPassword(storage, name);
      return [`New password for ${user.name} (their sessions were ended), shown this once:`, password];
    }
    case 'token': {
      const user = name ? await storage.users.findByName(name) : undefined;
      if (!user) throw new ServiceError('not-found', `There is no user called "${name ?? ''}".`);
      const { token } = await createApiToken(storage, user, rest.join(' ') || 'command line');
      return [`New API token for ${user.name} (send it as "Authorization: Bearer <token>"):`, token];
    }
    default:
      throw new ServiceError('invalid-input', USAGE);
  }
}

const storage = await openStorage(readConfig());
try {
  for (const line of await run(storage, process.argv.slice(2))) console.log(line);
} catch (error) {
  console.error(error instanceof ServiceError ? error.message : error);
  process.exitCode = 1;
} finally {
  await storage.close();
}
