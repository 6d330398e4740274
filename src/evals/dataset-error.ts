/** A line of a dataset that could not be read, with where it is. */
export interface DatasetIssue {
  file: string;
  /** 1-based line number. */
  line: number;
  message: string;
}

/** `file:line: message`, the way compilers print it. */
export function formatDatasetIssue(issue: DatasetIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}

/** Thrown by the loaders in strict mode when any line is invalid. */
export class DatasetError extends Error {
  readonly issues: DatasetIssue[];

  constructor(issues: DatasetIssue[]) {
    super(`${issues.length} invalid dataset line(s):\n${issues.map(formatDatasetIssue).join('\n')}`);
    this.name = 'DatasetError';
    this.issues = issues;
  }
}
