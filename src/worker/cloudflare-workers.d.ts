// The `cloudflare:workers` module as the Workers runtime provides it, typed from the
// importable `@cloudflare/workers-types` so the project's global types stay Node + DOM.
declare module 'cloudflare:workers' {
  import type { CloudflareWorkersModule } from '@cloudflare/workers-types';

  export const DurableObject: typeof CloudflareWorkersModule.DurableObject;
  export type DurableObject<Env = unknown> = CloudflareWorkersModule.DurableObject<Env>;
  /** The Worker's bindings, readable at module scope. */
  export const env: unknown;
}
