// Binding typed handlers to a socket: every payload is parsed by its schema before a handler sees it,
// every answer is an ack, unknown events are refused, and a socket that floods is throttled.

import type { Ack, ErrorBody, ErrorCode, FieldError } from '@hddt/protocol';
import type { AckOf, EventSpecs, PayloadOf } from '@hddt/protocol/schemas';
import { errorBody } from '@hddt/protocol';
import type { Socket } from 'socket.io';
import type { ZodError } from 'zod';
import { clientText } from './client-text';

/** One event's handler: the payload already parsed by the event's schema, the answer its typed ack. */
export type HandlerFn<Ctx, P, A> = (payload: P, ctx: Ctx) => Promise<Ack<A>> | Ack<A>;

/**
 * A namespace's handlers, keyed by event name and checked against its description in protocol
 * (socket-events.ts): a missing or extra event, a payload read wrongly or an ack of the wrong type is a
 * compile error.
 */
export type HandlerMap<M extends EventSpecs, Ctx> = { [K in keyof M]: HandlerFn<Ctx, PayloadOf<M[K]>, AckOf<M[K]>> };

export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: `Giá trị không hợp lệ: ${issue.message}`,
    messageEn: `Invalid value: ${issue.message}`,
  }));
}

export function fail(code: ErrorCode): ErrorBody {
  return errorBody(code);
}

/** Token bucket: `rate` events per second with bursts up to `burst`. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
    this.last = Date.now();
  }

  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export interface BindOptions {
  onRefused?: (event: string, code: ErrorCode) => void;
  onError?: (event: string, error: unknown) => void;
  /**
   * Called once when a socket keeps flooding after being throttled; the socket is disconnected once what it
   * returns has settled (the refusal on record), and nothing it sends meanwhile is handled.
   */
  onFlood?: () => unknown;
}

/** Events refused for rate within FLOOD_WINDOW_MS after which the socket is cut off. */
const FLOOD_LIMIT = 200;
const FLOOD_WINDOW_MS = 2000;

export function bindHandlers<M extends EventSpecs, Ctx>(socket: Socket, events: M, handlers: HandlerMap<M, Ctx>, ctx: Ctx, options: BindOptions = {}): void {
  const bucket = new TokenBucket(20, 40);
  let limitedNotified = 0;
  let floodWindowStart = 0;
  let floodCount = 0;
  let cutOff = false;

  /** Rate gate for every incoming event, known or not. false: refused (and answered, unless cut off). */
  const admit = (event: string, ack: ((a: ErrorBody) => void) | null): boolean => {
    if (cutOff) return false;
    if (bucket.take()) return true;
    const now = Date.now();
    if (now - limitedNotified > 5000) {
      limitedNotified = now;
      options.onRefused?.(event, 'RATE_LIMITED');
    }
    if (now - floodWindowStart > FLOOD_WINDOW_MS) {
      floodWindowStart = now;
      floodCount = 0;
    }
    floodCount += 1;
    if (floodCount > FLOOD_LIMIT) {
      // Still flooding after being told to slow down: stop spending the hall's server on it.
      cutOff = true;
      void Promise.resolve(options.onFlood?.())
        .catch(() => undefined)
        .then(() => socket.disconnect(true));
      return false;
    }
    ack?.(errorBody('RATE_LIMITED'));
    return false;
  };

  // One gate before any listener runs: only the names in the handler map ever reach the socket's event
  // emitter. Anything else (a number, an object, '__proto__', 'error', which a Node.js EventEmitter throws
  // without a listener) is answered here and dropped, its name coerced to a bounded string.
  socket.use((packet, next) => {
    const event: unknown = packet[0];
    if (typeof event === 'string' && Object.prototype.hasOwnProperty.call(events, event)) return next();
    const last = packet[packet.length - 1];
    const ack = packet.length > 1 && typeof last === 'function' ? (last as (a: ErrorBody) => void) : null;
    const name = clientText(event, 100);
    if (!admit(name, ack)) return;
    options.onRefused?.(name, 'UNKNOWN_EVENT');
    ack?.(errorBody('UNKNOWN_EVENT'));
  });
  for (const [event, spec] of Object.entries(events)) {
    const run = handlers[event as keyof M] as HandlerFn<Ctx, unknown, unknown>;
    socket.on(event, async (...args: unknown[]) => {
      const ack = args.length > 0 && typeof args[args.length - 1] === 'function' ? (args.pop() as (a: Ack<unknown>) => void) : null;
      if (!admit(event, ack)) return;
      if (!ack) return; // Every command needs an acknowledgement; without one there is nobody to answer.
      const quick = spec.fast?.(args[0]);
      const parsed = quick === undefined ? spec.payload.safeParse(args[0]) : { success: true as const, data: quick };
      if (!parsed.success) {
        ack(errorBody('BAD_REQUEST', fieldErrors(parsed.error)));
        return;
      }
      try {
        ack(await run(parsed.data, ctx));
      } catch (error) {
        options.onError?.(event, error);
        ack(errorBody('INTERNAL'));
      }
    });
  }
}
