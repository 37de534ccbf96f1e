import { createApiToken, createUser, openSession } from '../../src/services/accounts.js';
import type { UserRole } from '../../src/model.js';
import type { Storage } from '../../src/storage/types.js';

/** The password every test account gets, so browser tests can log in through the form. */
export const TEST_PASSWORD = 'correct horse battery staple';

/** The role of a test account from its name: "viewer" and "admin" are what they say, anyone else edits. */
export function roleOf(name: string): UserRole {
  return name === 'viewer' ? 'viewer' : name === 'admin' ? 'admin' : 'editor';
}

/**
 * Test accounts made on first use, with an API token each; `tester` is the default editor.
 * They go straight through the account services, as the users CLI does.
 */
export function createTestAccounts(openStorage: () => Storage) {
  const tokens = new Map<string, string>();
  const ensureUser = async (storage: Storage, name: string) => {
    const existing = await storage.users.findByName(name);
    return existing ?? (await createUser(storage, { name, role: roleOf(name), password: TEST_PASSWORD })).user;
  };
  return {
    /** An API token for `name`, creating the account the first time. */
    async tokenFor(name: string): Promise<string> {
      const known = tokens.get(name);
      if (known) return known;
      const storage = openStorage();
      const { token } = await createApiToken(storage, await ensureUser(storage, name), 'tests');
      tokens.set(name, token);
      return token;
    },
    /** A browser session for `name`: the Cookie header to send and the CSRF token its forms carry. */
    async sessionFor(name: string): Promise<{ cookie: string; csrfToken: string }> {
      const storage = openStorage();
      const session = await openSession(storage, await ensureUser(storage, name));
      return { cookie: `retouche_session=${session.token}`, csrfToken: session.csrfToken };
    },
    async ensureUser(name: string): Promise<void> {
      await ensureUser(openStorage(), name);
    },
  };
}
