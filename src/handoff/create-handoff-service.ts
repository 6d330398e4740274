import { type BriefInput, type BriefWriter, buildExtractiveBrief, type HandoffBrief } from '../brief/index.js';
import type { HandoffPartData, HandoffReason } from '../chat/conversation.js';
import { toTranscript } from '../chat/transcript.js';
import { ConversationNotFoundError } from '../errors/conversation-not-found-error.js';
import { HandoffStateError } from '../errors/handoff-state-error.js';
import { detectLanguage, sentimentTrend } from '../guard/index.js';
import type { Logger } from '../logger.js';
import { buildHandoffEvent, type HandoffEventType, type Outbox } from '../notify/index.js';
import { estimateWaitSeconds, queueAhead, type RouteResult, routeHandoff, type Team } from '../routing/index.js';
import type {
  ConversationSummary,
  CustomerIdentity,
  HandoffRecord,
  Store,
  StoredConversation,
} from '../store/store.js';
import { updateConversation } from '../store/update-conversation.js';
import {
  type AgentIdentity,
  type HandoffOutcome,
  type HandoffRequest,
  type HandoffService,
  handoffNotice,
  lastUserText,
} from './handoff-service.js';
import {
  agentJoinedMessage,
  backToBotMessage,
  closedMessage,
  crisisMessage,
  crisisWaitMessage,
  formatReplyBy,
  offlineMessage,
  otherLanguageNote,
  ticketCreatedMessage,
  transitionMessage,
  waitingMessage,
} from './messages.js';
import { nextPreHandoffQuestion, type PreHandoffField } from './pre-handoff-questions.js';

/** Dependencies of {@link createHandoffService}. */
export interface HandoffServiceOptions {
  store: Store;
  clock: () => Date;
  logger: Logger;
  generateId: () => string;
  teams: Team[];
  /** Null when no notifier is configured. */
  outbox: Outbox | null;
  briefWriter: BriefWriter | null;
  preHandoffQuestions: PreHandoffField[];
  defaultHandlingSeconds: number;
  consoleUrl?: string;
  /** Keeps background work (model brief, notifications) alive after the response. */
  waitUntil: (promise: Promise<unknown>) => void;
}

const activeStates = new Set(['queued', 'assigned', 'human']);

/** The longest wait a user in crisis is told as a wait; beyond it they are told to use the crisis resources now. */
const criticalAnswerSeconds = 10 * 60;

/**
 * Creates the handoff lifecycle. Every state change is a conditional write, so two
 * escalations of one conversation make one handoff and two claims give it to one agent.
 */
export function createHandoffService(options: HandoffServiceOptions): HandoffService {
  const { store, clock, logger, generateId, teams, outbox } = options;
  const now = () => clock();

  async function mustGet(conversationId: string): Promise<StoredConversation> {
    const conversation = await store.getConversation(conversationId);
    if (!conversation) throw new ConversationNotFoundError({ conversationId });
    return conversation;
  }

  function languageOf(conversation: StoredConversation): string {
    return conversation.language ?? detectLanguage(lastUserText(conversation) || '');
  }

  /**
   * The conversation with a new handoff opened on it (queued, with the extractive brief), or
   * null when it already has an active one. Pure: it runs again when a write must be retried.
   */
  function openHandoff(
    current: StoredConversation,
    opened: { id: string; at: Date; request: HandoffRequest; question?: string },
  ): StoredConversation | null {
    if (activeStates.has(current.state) && current.handoff) return null;
    const record: HandoffRecord = {
      id: opened.id,
      createdAt: opened.at.toISOString(),
      reasons: opened.request.reasons,
      urgency: opened.request.urgency,
      team: null,
      brief: null,
      ...(opened.question ? { collecting: true, askedQuestions: [opened.question] } : {}),
    };
    const withRecord: StoredConversation = {
      ...current,
      language: current.language ?? detectLanguage(lastUserText(current)),
      state: 'queued',
      handoff: record,
      pastHandoffs: current.handoff ? [...(current.pastHandoffs ?? []), current.handoff] : current.pastHandoffs,
      updatedAt: opened.at.toISOString(),
    };
    record.brief = buildExtractiveBrief(briefInput(withRecord, record, opened.request.topic));
    record.briefSource = 'extractive';
    return withRecord;
  }

  /** Conversations with people or waiting for them: the queue and every agent's load. */
  function activeConversations() {
    return store.listConversations({ states: ['queued', 'assigned', 'human'] });
  }

  // Handling times (claim to resolve) of the last handoffs per team, seen by this instance: an
  // estimate needs recent history, not every conversation ever stored.
  const recentHandling = new Map<string, number[]>();
  function recordHandling(handoff: HandoffRecord) {
    if (!handoff.claimedAt || !handoff.resolvedAt) return;
    const key = handoff.team ?? '';
    const times = recentHandling.get(key) ?? [];
    times.push((Date.parse(handoff.resolvedAt) - Date.parse(handoff.claimedAt)) / 1000);
    recentHandling.set(key, times.slice(-20));
  }

  async function route(
    conversation: StoredConversation,
    record: HandoffRecord,
    topic?: string,
    active?: ConversationSummary[],
  ) {
    if (teams.length === 0) return null;
    active ??= await activeConversations();
    const load: Record<string, number> = {};
    for (const summary of active) {
      const agentId = summary.handoff?.agentId;
      if (agentId) load[agentId] = (load[agentId] ?? 0) + 1;
    }
    return routeHandoff({
      teams,
      reasons: record.reasons,
      ...(topic ? { topic } : {}),
      language: languageOf(conversation),
      now: now(),
      load,
    });
  }

  /** The wait of `handoff` counting only those before it in the queue's order (a critical one goes first). */
  function waitSeconds(
    conversationId: string,
    handoff: HandoffRecord,
    teamId: string | null,
    availableAgents: number,
    active: ConversationSummary[],
  ): number {
    const waiting = active.flatMap((summary) =>
      summary.id !== conversationId &&
      summary.state === 'queued' &&
      summary.handoff &&
      !summary.handoff.collecting &&
      (summary.handoff.team ?? null) === teamId
        ? [summary.handoff]
        : [],
    );
    return estimateWaitSeconds({
      queueAhead: queueAhead(handoff, waiting),
      availableAgents: Math.max(1, availableAgents),
      recentHandlingSeconds: recentHandling.get(teamId ?? '') ?? [],
      defaultHandlingSeconds: options.defaultHandlingSeconds,
    });
  }

  function briefInput(conversation: StoredConversation, record: HandoffRecord, topic?: string): BriefInput {
    const transcript = conversation.messages
      .filter((message) => message.metadata?.author !== 'system')
      .map((message) => ({
        role: message.role === 'user' ? ('user' as const) : ('assistant' as const),
        content: message.parts.map((part) => (part.type === 'text' ? part.text : '')).join(''),
        author: message.role === 'user' ? undefined : (message.metadata?.author ?? 'bot'),
        ...(message.metadata?.createdAt ? { at: message.metadata.createdAt } : {}),
      }))
      .filter((turn) => turn.content);
    return {
      conversationId: conversation.id,
      createdAt: new Date(record.createdAt),
      transcript,
      reasons: record.reasons,
      urgency: record.urgency,
      identity: conversation.identity ?? null,
      language: languageOf(conversation),
      sentiment: sentimentTrend(toTranscript(conversation.messages)),
      suggestedTeam: record.team,
      skills: record.skills ?? [],
      ...(topic ? { topic } : {}),
    };
  }

  /**
   * Writes the model brief when it arrives, with its `handoff.brief_ready` notification in the
   * same write; runs after the response. The handoff was announced already, with the
   * extractive brief: a slow or failing model never delays or loses the first notification.
   */
  function writeModelBrief(conversation: StoredConversation, record: HandoffRecord) {
    const writer = options.briefWriter;
    if (!writer) return;
    const task = (async () => {
      const written = await writer.write(briefInput(conversation, record));
      const fromModel = written.source === 'model';
      const briefAt = now().toISOString();
      await updateConversation(
        store,
        conversation.id,
        (current) => {
          if (!current?.handoff || current.handoff.id !== record.id) return null;
          const { briefError: _error, ...handoff } = current.handoff;
          // The model failed: the extractive brief stays, and the record says why.
          if (!fromModel)
            return written.error ? { ...current, handoff: { ...handoff, briefError: written.error } } : null;
          return { ...current, handoff: { ...handoff, brief: written.brief, briefSource: written.source, briefAt } };
        },
        { deliveries: async (next) => (fromModel ? announce('handoff.brief_ready')(next) : []) },
      );
      if (fromModel) flushSoon();
    })().catch((error: unknown) =>
      logger.error('handoff-background-error', { conversationId: conversation.id, error: String(error) }),
    );
    options.waitUntil(task);
  }

  /**
   * The notifications of a change, built from the state it writes, for `updateConversation`:
   * they are stored in the same write as the change (the transactional outbox).
   */
  function announce(type: HandoffEventType) {
    return async (next: StoredConversation) => {
      if (!outbox || !next.handoff) return [];
      const link = options.consoleUrl ? `${options.consoleUrl.replace(/\/$/, '')}/agent#${next.id}` : undefined;
      return outbox.build(
        buildHandoffEvent({
          type,
          conversationId: next.id,
          handoff: next.handoff,
          ...(link ? { link } : {}),
          now: now(),
        }),
      );
    };
  }

  /** Sends what the outbox holds, after the response. */
  function flushSoon() {
    if (outbox) options.waitUntil(outbox.flush());
  }

  /** Routes a handoff whose questions are answered, and tells the user what happens next. */
  /**
   * Routes a handoff and tells the user what happens next: the handoff the conversation holds
   * (its questions answered), or the one `opening` opens on it, in a single write with its
   * announcement, so no handoff is ever stored unannounced. When another request opened one
   * first, `opening` answers null and the outcome is that handoff's, not created.
   */
  async function complete(
    conversationId: string,
    topic?: string,
    userMessage?: string,
    opening?: (current: StoredConversation) => StoredConversation | null,
  ): Promise<HandoffOutcome> {
    const read = await mustGet(conversationId);
    const conversation = opening ? opening(read) : read;
    if (!conversation) return { part: waitingPart(read), record: read.handoff, conversation: read, created: false };
    const pending = conversation.handoff;
    if (!pending) throw new HandoffStateError({ code: 'no_handoff', message: 'The conversation has no handoff.' });
    const active = await activeConversations();
    const routed: RouteResult | null = await route(conversation, pending, topic, active);
    const language = languageOf(conversation);
    const team = routed?.team ?? null;
    const availableAgents = team ? team.agents.filter((agent) => agent.status === 'online').length : 1;
    const available = routed ? routed.available : true;
    // Without teams nobody is known to be online: no wait is promised.
    const etaSeconds =
      available && team ? waitSeconds(conversationId, pending, team.id, availableAgents, active) : undefined;
    const at = now();
    const knownContact = conversation.identity?.email ? conversation.identity : null;

    // A user in crisis is never told to wait long: if nobody can answer soon, the resources come first.
    const crisisWithoutSoonAnswer =
      pending.urgency === 'critical' && (etaSeconds === undefined || etaSeconds > criticalAnswerSeconds);
    let part: HandoffPartData;
    const record: HandoffRecord = {
      ...pending,
      collecting: false,
      team: team?.id ?? null,
      skills: team?.skills ?? [],
      ...(etaSeconds !== undefined && !crisisWithoutSoonAnswer ? { etaSeconds } : {}),
    };
    const reasons = record.reasons.map(({ reason, source, detail }) => ({ reason, source, detail }));
    if (available && crisisWithoutSoonAnswer) {
      part = {
        status: 'queued',
        reasons,
        ...(team ? { team: team.id } : {}),
        message: crisisWaitMessage({ language }),
      };
    } else if (available) {
      part = {
        status: 'queued',
        reasons,
        ...(team ? { team: team.id } : {}),
        ...(etaSeconds !== undefined ? { etaSeconds } : {}),
        message: transitionMessage({
          language,
          teamName: team?.name,
          teamNames: team?.names,
          ...(etaSeconds !== undefined ? { etaSeconds } : {}),
        }),
      };
    } else if (knownContact) {
      const ticket = {
        id: `T-${generateId().slice(0, 10).toUpperCase()}`,
        createdAt: at.toISOString(),
        replyBy: (routed?.replyBy ?? at).toISOString(),
        ...(knownContact.name ? { name: knownContact.name } : {}),
        ...(knownContact.email ? { email: knownContact.email } : {}),
      };
      record.ticket = ticket;
      part = {
        status: 'offline',
        reasons,
        ...(team ? { team: team.id } : {}),
        ticketId: ticket.id,
        message: offlineMessage({
          language,
          replyBy: new Date(ticket.replyBy),
          now: at,
          timeZone: team?.businessHours.timeZone ?? 'UTC',
          needsContact: false,
        }),
      };
    } else {
      record.awaitingContact = true;
      part = {
        status: 'offline',
        reasons,
        ...(team ? { team: team.id } : {}),
        message: offlineMessage({
          language,
          replyBy: routed?.replyBy ?? at,
          now: at,
          timeZone: team?.businessHours.timeZone ?? 'UTC',
          needsContact: true,
        }),
      };
    }
    // The person who answers may not speak the user's language: say so rather than promise it.
    if (available && routed?.speaksLanguage === false) {
      part = { ...part, message: `${part.message} ${otherLanguageNote({ language })}` };
    }
    if (!available && crisisWithoutSoonAnswer)
      part = { ...part, message: `${crisisWaitMessage({ language })} ${part.message}` };
    part = { ...part, language };
    if (userMessage) part = { ...part, message: `${userMessage}\n\n${part.message}` };

    record.routedAt = at.toISOString();
    const stored = await updateConversation(
      store,
      conversationId,
      (current) => {
        const base = current && opening ? opening(current) : current;
        if (!base?.handoff || base.handoff.id !== record.id) return null;
        return { ...base, state: 'queued', handoff: record, updatedAt: at.toISOString() };
      },
      { deliveries: announce(record.ticket ? 'ticket.created' : 'handoff.created') },
    );
    if (stored && opening && stored.handoff?.id !== record.id) {
      return { part: waitingPart(stored), record: stored.handoff, conversation: stored, created: false };
    }
    if (!stored) throw new HandoffStateError({ code: 'handoff_changed', message: 'The handoff changed meanwhile.' });
    flushSoon();
    writeModelBrief(stored, record);
    logger.info('handoff-routed', {
      conversationId,
      handoffId: record.id,
      team: record.team,
      available,
      why: routed?.why ?? 'no teams configured',
    });
    return { part, record, conversation: stored, created: true };
  }

  return {
    async startHandoff(conversationId: string, request: HandoffRequest): Promise<HandoffOutcome> {
      const at = now();
      const handoffId = generateId();
      const current = await mustGet(conversationId);
      if (activeStates.has(current.state) && current.handoff) {
        return { part: waitingPart(current), record: current.handoff, conversation: current, created: false };
      }
      const question =
        request.urgency === 'critical'
          ? null
          : nextPreHandoffQuestion({
              required: options.preHandoffQuestions,
              transcript: toTranscript(current.messages),
              asked: [],
              urgency: request.urgency,
            });
      logger.info('handoff-start', {
        conversationId,
        handoffId,
        urgency: request.urgency,
        reasons: request.reasons.map((reason) => reason.reason),
      });
      const opening = (latest: StoredConversation) =>
        openHandoff(latest, { id: handoffId, at, request, ...(question ? { question: question.field } : {}) });
      if (!question) {
        const message =
          request.urgency === 'critical'
            ? (request.userMessage ?? crisisMessage({ language: languageOf(current) }))
            : request.userMessage;
        return complete(conversationId, request.topic, message, opening);
      }
      // Questions first: nothing is announced until they are answered and the handoff completes.
      const stored = await updateConversation(store, conversationId, (latest) => (latest ? opening(latest) : null));
      if (!stored) throw new ConversationNotFoundError({ conversationId });
      if (stored.handoff?.id !== handoffId) {
        return { part: waitingPart(stored), record: stored.handoff, conversation: stored, created: false };
      }
      return {
        part: { status: 'collecting', reasons: partReasons(request.reasons), message: question.question },
        record: stored.handoff,
        conversation: stored,
        created: true,
      };
    },

    async continueHandoff(conversation: StoredConversation, userText: string): Promise<HandoffPartData> {
      const handoff = conversation.handoff;
      if (!handoff) return waitingPart(conversation);
      if (handoff.collecting) {
        const asked = handoff.askedQuestions ?? [];
        const next =
          asked.length >= 2
            ? null
            : nextPreHandoffQuestion({
                required: options.preHandoffQuestions,
                transcript: toTranscript(conversation.messages),
                asked,
                urgency: handoff.urgency,
              });
        if (next) {
          await updateConversation(store, conversation.id, (current) =>
            current?.handoff?.id === handoff.id
              ? { ...current, handoff: { ...current.handoff, askedQuestions: [...asked, next.field] } }
              : null,
          );
          return { status: 'collecting', reasons: partReasons(handoff.reasons), message: next.question };
        }
        return (await complete(conversation.id)).part;
      }
      if (handoff.awaitingContact) {
        const contact = contactFromText(userText);
        if (!contact.email) {
          const team = teams.find((candidate) => candidate.id === handoff.team);
          const routed = await route(conversation, handoff);
          return {
            status: 'offline',
            reasons: partReasons(handoff.reasons),
            ...(handoff.team ? { team: handoff.team } : {}),
            message: offlineMessage({
              language: languageOf(conversation),
              replyBy: routed?.replyBy ?? now(),
              now: now(),
              timeZone: team?.businessHours.timeZone ?? 'UTC',
              needsContact: true,
            }),
          };
        }
        return (await this.submitContact(conversation.id, contact)).part;
      }
      return waitingPart(conversation);
    },

    async raiseToCrisis(conversation: StoredConversation, request: HandoffRequest): Promise<HandoffPartData> {
      const at = now().toISOString();
      let collecting = false;
      const stored = await updateConversation(
        store,
        conversation.id,
        (current) => {
          const handoff = current?.handoff;
          if (!current || !handoff || !activeStates.has(current.state) || handoff.urgency === 'critical') return null;
          collecting = handoff.collecting === true;
          const known = new Set(handoff.reasons.map((reason) => reason.reason));
          const { collecting: _asking, ...rest } = handoff;
          return {
            ...current,
            handoff: {
              ...rest,
              urgency: 'critical',
              reasons: [...request.reasons.filter((reason) => !known.has(reason.reason)), ...handoff.reasons],
              escalatedAt: at,
            },
            updatedAt: at,
          };
        },
        // Still collecting: the handoff is announced when it completes, critical, just below.
        { deliveries: async (next) => (next.handoff?.routedAt ? announce('handoff.escalated')(next) : []) },
      );
      const current = stored ?? conversation;
      const message = request.userMessage ?? crisisMessage({ language: languageOf(current) });
      if (!stored?.handoff) return { ...waitingPart(current), message };
      logger.info('handoff-escalated', { conversationId: conversation.id, handoffId: stored.handoff.id });
      // Still collecting details: the questions stop and the handoff completes now, critical.
      if (collecting) return (await complete(conversation.id, request.topic, message)).part;
      flushSoon();
      return { ...waitingPart(stored), message };
    },

    async updateBrief(conversationId: string, newReasons: HandoffReason[]): Promise<void> {
      await updateConversation(store, conversationId, (current) => {
        const handoff = current?.handoff;
        if (!current || !handoff || !activeStates.has(current.state) || handoff.collecting) return null;
        const known = new Set(handoff.reasons.map((reason) => reason.reason));
        const added = newReasons.filter((reason) => !known.has(reason.reason));
        const reasons = [...handoff.reasons, ...added];
        const fresh = buildExtractiveBrief(briefInput(current, { ...handoff, reasons }));
        const previous = handoff.brief as HandoffBrief | null;
        const brief =
          previous?.source === 'model'
            ? { ...fresh, summary: previous.summary, intent: previous.intent, source: 'model' as const }
            : fresh;
        if (added.length === 0 && JSON.stringify(brief) === JSON.stringify(previous)) return null;
        return { ...current, handoff: { ...handoff, reasons, brief } };
      });
    },

    async submitContact(conversationId: string, contact: CustomerIdentity): Promise<HandoffOutcome> {
      const conversation = await mustGet(conversationId);
      const handoff = conversation.handoff;
      if (!handoff || !activeStates.has(conversation.state)) {
        throw new HandoffStateError({ code: 'no_handoff', message: 'The conversation is not waiting for a person.' });
      }
      const at = now();
      const team = teams.find((candidate) => candidate.id === handoff.team);
      const routed = await route(conversation, handoff);
      const replyBy = routed?.replyBy ?? at;
      const ticket = handoff.ticket ?? {
        id: `T-${generateId().slice(0, 10).toUpperCase()}`,
        createdAt: at.toISOString(),
        replyBy: replyBy.toISOString(),
        ...(contact.name ? { name: contact.name } : {}),
        ...(contact.email ? { email: contact.email } : {}),
      };
      const stored = await updateConversation(
        store,
        conversationId,
        (current) => {
          if (!current?.handoff || current.handoff.id !== handoff.id) return null;
          return {
            ...current,
            identity: { ...current.identity, ...contact },
            handoff: { ...current.handoff, ticket, awaitingContact: false },
            updatedAt: at.toISOString(),
          };
        },
        { deliveries: async (next) => (handoff.ticket ? [] : announce('ticket.created')(next)) },
      );
      if (!stored?.handoff)
        throw new HandoffStateError({ code: 'handoff_changed', message: 'The handoff changed meanwhile.' });
      if (!handoff.ticket) {
        flushSoon();
        writeModelBrief(stored, stored.handoff);
      }
      return {
        part: {
          status: 'offline',
          reasons: partReasons(handoff.reasons),
          ...(handoff.team ? { team: handoff.team } : {}),
          ticketId: ticket.id,
          message: `${ticketCreatedMessage({
            language: languageOf(stored),
            ticketId: ticket.id,
            ...(ticket.email ? { email: ticket.email } : {}),
          })} (${formatReplyBy({
            language: languageOf(stored),
            replyBy: new Date(ticket.replyBy),
            now: at,
            timeZone: team?.businessHours.timeZone ?? 'UTC',
          })})`,
        },
        record: stored.handoff,
        conversation: stored,
        created: !handoff.ticket,
      };
    },

    async claim(conversationId: string, agent: AgentIdentity): Promise<StoredConversation> {
      const at = now().toISOString();
      let notice: HandoffPartData | null = null;
      const stored = await updateConversation(
        store,
        conversationId,
        (current) => {
          if (!current) throw new ConversationNotFoundError({ conversationId });
          const handoff = current.handoff;
          if (!handoff || !activeStates.has(current.state)) {
            throw new HandoffStateError({
              code: 'not_handed_off',
              message: 'The conversation is not waiting for a person.',
            });
          }
          if (handoff.agentId) {
            if (handoff.agentId === agent.id) return null;
            throw new HandoffStateError({
              code: 'already_claimed',
              message: 'Another agent has already claimed this conversation.',
            });
          }
          notice = {
            status: 'assigned',
            reasons: partReasons(handoff.reasons),
            ...(handoff.team ? { team: handoff.team } : {}),
            message: agentJoinedMessage({ language: languageOf(current), agentName: agent.name ?? agent.id }),
          };
          return {
            ...current,
            state: 'assigned',
            handoff: { ...handoff, agentId: agent.id, claimedAt: at, collecting: false, awaitingContact: false },
            messages: [...current.messages, handoffNotice(generateId(), notice, at)],
            updatedAt: at,
          };
        },
        { deliveries: announce('handoff.claimed') },
      );
      if (!stored) throw new ConversationNotFoundError({ conversationId });
      if (notice) flushSoon();
      return stored;
    },

    async sendAgentMessage(conversationId: string, agent: AgentIdentity, text: string): Promise<StoredConversation> {
      const at = now().toISOString();
      const stored = await updateConversation(store, conversationId, (current) => {
        if (!current) throw new ConversationNotFoundError({ conversationId });
        const handoff = current.handoff;
        if (!handoff || (current.state !== 'assigned' && current.state !== 'human')) {
          throw new HandoffStateError({
            code: 'not_claimed',
            message: 'Claim the conversation before writing to the user.',
          });
        }
        if (handoff.agentId !== agent.id) {
          throw new HandoffStateError({ code: 'claimed_by_other', message: 'Another agent has this conversation.' });
        }
        return {
          ...current,
          state: 'human',
          handoff: { ...handoff, firstAgentReplyAt: handoff.firstAgentReplyAt ?? at },
          messages: [
            ...current.messages,
            {
              id: generateId(),
              role: 'assistant',
              parts: [{ type: 'text', text }],
              metadata: { author: 'agent', agentId: agent.id, agentName: agent.name ?? agent.id, createdAt: at },
            },
          ],
          updatedAt: at,
        };
      });
      if (!stored) throw new ConversationNotFoundError({ conversationId });
      return stored;
    },

    async resolve(conversationId: string, agent: AgentIdentity, to: 'bot' | 'closed'): Promise<StoredConversation> {
      const at = now().toISOString();
      const stored = await updateConversation(
        store,
        conversationId,
        (current) => {
          if (!current) throw new ConversationNotFoundError({ conversationId });
          const handoff = current.handoff;
          if (!handoff || !activeStates.has(current.state)) {
            throw new HandoffStateError({ code: 'not_handed_off', message: 'The conversation is not with a person.' });
          }
          if (handoff.agentId && handoff.agentId !== agent.id) {
            throw new HandoffStateError({ code: 'claimed_by_other', message: 'Another agent has this conversation.' });
          }
          const language = languageOf(current);
          const part: HandoffPartData = {
            status: 'resolved',
            resolution: to,
            reasons: partReasons(handoff.reasons),
            ...(handoff.team ? { team: handoff.team } : {}),
            language,
            message: to === 'bot' ? backToBotMessage({ language }) : closedMessage({ language }),
          };
          return {
            ...current,
            state: to === 'bot' ? 'bot' : 'resolved',
            handoff: { ...handoff, agentId: handoff.agentId ?? agent.id, resolvedAt: at, resolution: to },
            messages: [...current.messages, handoffNotice(generateId(), part, at)],
            updatedAt: at,
          };
        },
        { deliveries: announce('handoff.resolved') },
      );
      if (!stored?.handoff) throw new ConversationNotFoundError({ conversationId });
      recordHandling(stored.handoff);
      flushSoon();
      return stored;
    },
  };

  function waitingPart(conversation: StoredConversation): HandoffPartData {
    const handoff = conversation.handoff;
    const language = languageOf(conversation);
    return {
      status: 'waiting',
      reasons: handoff ? partReasons(handoff.reasons) : [],
      ...(handoff?.team ? { team: handoff.team } : {}),
      language,
      ...(handoff?.etaSeconds !== undefined && conversation.state === 'queued'
        ? { etaSeconds: handoff.etaSeconds }
        : {}),
      // While a person has the conversation, the notice is the data part alone: their reply is the answer.
      message:
        conversation.state === 'queued'
          ? waitingMessage({
              language,
              ...(handoff?.etaSeconds !== undefined ? { etaSeconds: handoff.etaSeconds } : {}),
            })
          : '',
    };
  }
}

function partReasons(reasons: HandoffReason[]): HandoffPartData['reasons'] {
  return reasons.map(({ reason, source, detail }) => ({ reason, source, detail }));
}

const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

/** Name and email from a free-text answer ("Jane Doe, jane@example.com"). */
export function contactFromText(text: string): CustomerIdentity {
  const email = text.match(emailPattern)?.[0];
  const rest = text
    .replace(emailPattern, ' ')
    .replace(/\b(?:my name is|i am|i'm|name:|email:|mail:|me llamo|je m'appelle|ich heiße|meu nome é)\b/gi, ' ')
    .replace(/[,;:()<>]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const name = /^[\p{L}][\p{L}'’ .-]{0,60}$/u.test(rest) ? rest : undefined;
  return { ...(email ? { email } : {}), ...(name ? { name } : {}) };
}
