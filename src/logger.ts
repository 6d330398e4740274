/** Where Handrail writes what it decides. Fields never contain secrets. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const levels = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof levels)[number];

/** A logger that writes one JSON line per entry to the console, from `level` up. */
export function createConsoleLogger({ level = 'info' }: { level?: LogLevel } = {}): Logger {
  const threshold = levels.indexOf(level);
  const write = (entryLevel: LogLevel) => (message: string, fields?: Record<string, unknown>) => {
    if (levels.indexOf(entryLevel) < threshold) return;
    const line = JSON.stringify({ level: entryLevel, time: new Date().toISOString(), message, ...fields });
    if (entryLevel === 'error' || entryLevel === 'warn') console.error(line);
    else console.log(line);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** A logger that drops everything. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
