/**
 * Header a client sends on `POST /chat` while it listens to the conversation's events
 * (`handrail/client` does): agents' messages reach it there, so the answer does not repeat them.
 */
export const liveEventsHeader = 'x-handrail-live-events';
