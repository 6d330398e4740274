/**
 * The `handrail-postgres` command line, `npx handrail-postgres migrate [--url postgres://…]
 * [--schema handrail]`: applies the shipped Postgres migrations (the same ones the store applies
 * on first connect) and prints the schema version. The URL defaults to `DATABASE_URL`. Exits 2 on a usage mistake, 1 when migrating fails.
 */
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { migratePostgres } from './migrate-postgres.js';

const usage = 'usage: handrail-postgres migrate [--url postgres://user@host/db] [--schema handrail]\n';

/** Where the command line writes. @default process.stdout and process.stderr */
export interface CliOutput {
  out(text: string): void;
  error(text: string): void;
}

const processOutput: CliOutput = {
  out: (text) => process.stdout.write(text),
  error: (text) => process.stderr.write(text),
};

/** Runs the command line; answers the exit code. */
export async function runMigrateCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  output: CliOutput = processOutput,
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    output.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const { positionals, values } = parsed;
  const url = values.url ?? env.DATABASE_URL;
  if (positionals[0] !== 'migrate' || positionals.length !== 1 || !url) {
    output.error(url ? usage : `Pass --url or set DATABASE_URL.\n${usage}`);
    return 2;
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const result = await migratePostgres(sql, values.schema ?? 'handrail');
    const what = result.applied.length > 0 ? `applied ${result.applied.join(', ')}` : 'already up to date';
    output.out(`handrail-postgres: schema at version ${result.version} (${what})\n`);
    return 0;
  } catch (error) {
    output.error(`handrail-postgres: migration failed: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: { url: { type: 'string' }, schema: { type: 'string' } },
  });
}
