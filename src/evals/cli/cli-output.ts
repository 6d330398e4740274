import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Writes a report file, creating its folder. */
export async function writeOutput(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
}

/** A progress bar on a terminal stream, redrawn at most every 80 ms. */
export function progressBar(stream: NodeJS.WriteStream) {
  let last = 0;
  return {
    update(done: number, total: number) {
      const now = Date.now();
      if (done !== total && now - last < 80) return;
      last = now;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 30));
      const filled = Math.round((done / total) * width);
      stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${((done / total) * 100).toFixed(0)}%`,
      );
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}
