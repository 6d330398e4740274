import { catalogueExceptions } from './detectors/learned-intent.js';
import { offTopicRequests } from './detectors/off-topic-requests.js';
import { guardPatterns } from './text/guard-pattern.js';

/**
 * The module-level regular expressions of the built-in detectors, which they may give text of
 * either string representation: the registered guard patterns, the catalogue's exceptions (the
 * learned-intent detector's too) and the off-topic kinds. (The topic detector warms the catalogue's
 * own patterns, crisis ones included, for the representations it gives them.)
 */
export function builtInPatterns(): RegExp[] {
  return [...guardPatterns, ...catalogueExceptions, ...offTopicRequests.map(({ pattern }) => pattern)];
}
