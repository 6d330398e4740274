'use strict';
// Where `require('handrail')` (and every `require('handrail/...')`) lands: Handrail ships only
// ES modules, so instead of Node's ERR_PACKAGE_PATH_NOT_EXPORTED the caller is told what to do.
const error = new Error(
  "handrail is an ES module package and cannot be loaded with require(). Use `import { handrail } from 'handrail'` " +
    '(an .mjs file, or "type": "module" in your package.json), or `const { handrail } = await import(\'handrail\')` ' +
    'from CommonJS. With TypeScript, set "module" to "NodeNext" (or "ESNext" with a bundler).',
);
error.code = 'ERR_HANDRAIL_ESM_ONLY';
throw error;
