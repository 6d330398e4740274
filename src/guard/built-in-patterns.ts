import { crisisPatterns } from './detectors/crisis-topic.js';
import { defaultTopics } from './detectors/default-topics.js';
import { catalogueExceptions } from './detectors/learned-intent.js';
import { offTopicRequests } from './detectors/off-topic-requests.js';
import { guardPatterns } from './text/guard-pattern.js';

/**
 * The module-level regular expressions of the built-in detectors: the registered guard patterns,
 * the topic catalogue's patterns, the crisis patterns, the catalogue's exceptions and the
 * off-topic kinds.
 */
export function builtInPatterns(): RegExp[] {
  const catalogue = defaultTopics.flatMap((topic) => [
    ...(topic.patterns ?? []),
    ...(topic.exclude ?? []),
    ...(topic.routine?.unless ? [topic.routine.unless] : []),
  ]);
  return [
    ...guardPatterns,
    ...catalogue.filter((pattern): pattern is RegExp => pattern instanceof RegExp),
    ...crisisPatterns,
    ...catalogueExceptions,
    ...offTopicRequests.map(({ pattern }) => pattern),
  ];
}
