import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { z } from 'zod';
import { DatasetError, type DatasetIssue } from './dataset-error.js';
import { type EvalCase, evalCaseSchema, type ScopeUtterance, scopeUtteranceSchema } from './eval-case.js';

/** A valid record of a JSONL file and where it was read. */
export interface LineRecord<T> {
  value: T;
  file: string;
  /** 1-based line number. */
  line: number;
}

/** Lines read from a JSONL file: the valid records and the lines that were not. */
export interface ParsedLines<T> {
  records: LineRecord<T>[];
  issues: DatasetIssue[];
}

/**
 * Parses JSONL text with a zod schema. Blank lines are ignored; a line that is not JSON
 * or fails the schema becomes an issue and never throws.
 */
export function parseJsonLines<T>(text: string, file: string, schema: z.ZodType<T>): ParsedLines<T> {
  const records: LineRecord<T>[] = [];
  const issues: DatasetIssue[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      issues.push({ file, line: index + 1, message: `invalid JSON: ${(error as Error).message}` });
      continue;
    }
    const result = schema.safeParse(value);
    if (result.success) {
      records.push({ value: result.data, file, line: index + 1 });
    } else {
      const message = result.error.issues
        .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
        .join('; ');
      issues.push({ file, line: index + 1, message });
    }
  }
  return { records, issues };
}

/** Options of {@link loadDataset} and {@link loadScope}. */
export interface LoadOptions {
  /** Throw a {@link DatasetError} when any line is invalid, instead of skipping it. @default false */
  strict?: boolean;
  /** Reads a file; injected for tests. @default fs.readFile as UTF-8 */
  readText?: (file: string) => Promise<string>;
}

const readUtf8 = (file: string) => readFile(file, 'utf8');

async function loadLines<T>(files: readonly string[], schema: z.ZodType<T>, readText = readUtf8) {
  const records: LineRecord<T>[] = [];
  const issues: DatasetIssue[] = [];
  for (const file of files) {
    const parsed = parseJsonLines(await readText(file), file, schema);
    records.push(...parsed.records);
    issues.push(...parsed.issues);
  }
  return { records, issues };
}

/**
 * Loads labelled cases from JSONL files. Invalid lines, and later copies of a case id
 * already seen, are reported in `issues` with file and line and skipped; with `strict`
 * any issue fails the load with a {@link DatasetError}. A case without `source` gets its
 * file's name (without extension). A missing file rejects with the file system's error.
 */
export async function loadDataset(
  files: readonly string[],
  options: LoadOptions = {},
): Promise<{ cases: EvalCase[]; issues: DatasetIssue[] }> {
  const { records, issues } = await loadLines(files, evalCaseSchema, options.readText);
  const seen = new Set<string>();
  const cases: EvalCase[] = [];
  for (const record of records) {
    if (seen.has(record.value.id)) {
      issues.push({ file: record.file, line: record.line, message: `duplicate case id "${record.value.id}"` });
      continue;
    }
    seen.add(record.value.id);
    cases.push(
      record.value.source ? record.value : { ...record.value, source: basename(record.file, extname(record.file)) },
    );
  }
  issues.sort((a, b) => (a.file === b.file ? a.line - b.line : files.indexOf(a.file) - files.indexOf(b.file)));
  if (options.strict && issues.length > 0) throw new DatasetError(issues);
  return { cases, issues };
}

/** Loads scope files (`{ text, intent }` per line): what the bot handles. Same error rules as {@link loadDataset}. */
export async function loadScope(
  files: readonly string[],
  options: LoadOptions = {},
): Promise<{ utterances: ScopeUtterance[]; issues: DatasetIssue[] }> {
  const { records, issues } = await loadLines(files, scopeUtteranceSchema, options.readText);
  if (options.strict && issues.length > 0) throw new DatasetError(issues);
  return { utterances: records.map((record) => record.value), issues };
}
