/** A bad option, value or input file: the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The guard, app or model could not be loaded or created: the CLI exits 3. */
export class RunError extends Error {
  override name = 'RunError';
}
