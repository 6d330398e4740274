import { DurableObject } from 'cloudflare:workers';
import type { CloudflareWorkersModule } from '@cloudflare/workers-types';

/**
 * The runtime's `DurableObject` base class (from `cloudflare:workers`), typed from the importable
 * `@cloudflare/workers-types`. Handrail's Durable Objects extend it through this name so that their
 * published declarations import only `@cloudflare/workers-types`, never `cloudflare:workers`: a Worker
 * project type-checks `handrail/worker` whether its `cloudflare:workers` comes from the ambient
 * `@cloudflare/workers-types`, from `wrangler types`, or from nowhere (a project on Node and DOM types
 * that imports `@cloudflare/workers-types`, as this one does).
 */
export const DurableObjectBase: typeof CloudflareWorkersModule.DurableObject = DurableObject;
