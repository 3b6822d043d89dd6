// The records service's libraries are optional peer dependencies of consentry: a website that
// installs consentry for its banner compiles and downloads none of them. Each is loaded when the
// service starts, with a message naming what to install when it is missing.

type Hono = typeof import('hono');
type Kysely = typeof import('kysely');
type BetterSqlite3 = typeof import('better-sqlite3');
type Pg = typeof import('pg');
type NodeServer = typeof import('@hono/node-server');

const INSTALL = (packages: string, what: string): string =>
  `consentry serve needs ${packages} ${what}: install ${packages.includes(' ') ? 'them' : 'it'} next to consentry with \`npm i ${packages}\`.`;

async function load<T>(importer: () => Promise<T>, message: string): Promise<T> {
  try {
    return await importer();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code == 'ERR_MODULE_NOT_FOUND' || code == 'MODULE_NOT_FOUND') throw new Error(message);
    throw error;
  }
}

export const loadHono = (): Promise<Hono> => load(() => import('hono'), INSTALL('hono', 'for its HTTP routes'));

export const loadNodeServer = (): Promise<NodeServer> =>
  load(() => import('@hono/node-server'), INSTALL('@hono/node-server', 'to listen on a port'));

export const loadKysely = (): Promise<Kysely> =>
  load(() => import('kysely'), INSTALL('kysely', 'for its database queries'));

/** better-sqlite3 12.x: 13.x needs Node 22. */
export const loadSqlite = async (): Promise<BetterSqlite3> =>
  (await load(() => import('better-sqlite3'), INSTALL('better-sqlite3@12', 'for the embedded database')))
    .default as unknown as BetterSqlite3;

/** node-postgres, a CommonJS module: its API is the default export. */
export const loadPg = async (): Promise<Pg> => {
  const module = (await load(() => import('pg'), INSTALL('pg', 'to use PostgreSQL (DATABASE_URL)'))) as unknown;
  return ((module as { default?: Pg }).default ?? module) as Pg;
};
