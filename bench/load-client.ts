/**
 * The load generator of the overhead benchmark, run as a child process (`fork` with tsx) so the
 * server's process measures only its own CPU time. It waits for `{ options }` messages, runs
 * autocannon with them and answers `{ result }` (or `{ error }`); it exits when the parent
 * disconnects.
 */
import autocannon, { type AutocannonOptions } from 'autocannon';

process.on('message', async (message: { options: AutocannonOptions }) => {
  try {
    const result = await autocannon(message.options);
    process.send?.({ result });
  } catch (error) {
    process.send?.({ error: error instanceof Error ? error.message : String(error) });
  }
});
process.on('disconnect', () => process.exit(0));
