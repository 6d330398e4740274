#!/usr/bin/env node
// The `handrail-postgres` bin (package.json): see migrate-cli.ts.
import { runMigrateCli } from './migrate-cli.js';

process.exitCode = await runMigrateCli(process.argv.slice(2));
