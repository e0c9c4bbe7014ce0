// The dashboard's only way to the VPP: GraphQL over HTTP for queries and mutations, graphql-transport-ws over a
// WebSocket for subscriptions. Both carry the token the user logged in with.

/** A refusal of the whole request (HTTP 401, a GraphQL error without data), with the server's message. */
export class GraphQlError extends Error {
  constructor(message, { status = 200, errors = [] } = {}) {
    super(message);
    this.status = status;
    this.errors = errors;
  }
}

export class GraphQlClient {
  /**
   * @param token            () => the bearer token
   * @param onUnauthenticated (message) => void: the token was refused (expired, revoked): back to the login
   */
  constructor(token, onUnauthenticated) {
    this.token = token;
    this.onUnauthenticated = onUnauthenticated;
  }

  /** The answer as it is: { data, errors } (errors may be partial: some fields answered, others refused). */
  async request(query, variables = {}) {
    let response;
    try {
      response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${this.token()}` },
        body: JSON.stringify({ query, variables }),
      });
    } catch (e) {
      throw new GraphQlError(`the server did not answer (${e.message})`, { status: 0 });
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    const message = body?.errors?.[0]?.message ?? `HTTP ${response.status}`;
    if (response.status === 401) {
      this.onUnauthenticated(message);
      throw new GraphQlError(message, { status: 401, errors: body?.errors ?? [] });
    }
    if (!response.ok || body === null) throw new GraphQlError(message, { status: response.status, errors: body?.errors ?? [] });
    return { data: body.data ?? null, errors: body.errors ?? [] };
  }

  /** The data, or a GraphQlError naming the first error when any field was refused. */
  async query(query, variables = {}) {
    const { data, errors } = await this.request(query, variables);
    if (errors.length) throw new GraphQlError(errors.map(describe).join('; '), { errors });
    return data;
  }
}

/** An error as a person reads it: its message, and the argument it names when it names one. */
export function describe(error) {
  const field = error?.extensions?.field ?? error?.extensions?.argument;
  return field && !String(error.message).includes(field) ? `${field}: ${error.message}` : String(error?.message ?? error);
}

const RETRY_MS = [500, 1000, 2000, 4000, 8000, 15000];

/**
 * Subscriptions over one WebSocket (graphql-transport-ws). The socket opens with the first subscription and
 * reconnects with a growing delay when it drops; every subscription still wanted is sent again on the new socket,
 * and the server answers each with its current value first, so a view never misses the state it shows.
 */
export class Subscriptions {
  /**
   * @param token   () => the bearer token, sent in connection_init's payload
   * @param onState (state) => void: 'connecting', 'live', 'reconnecting', 'closed'
   * @param onUnauthenticated (message) => void: the server closed with 4401 (token refused)
   */
  constructor(token, onState, onUnauthenticated) {
    this.token = token;
    this.onState = onState;
    this.onUnauthenticated = onUnauthenticated;
    this.active = new Map();
    this.nextId = 1;
    this.socket = null;
    this.acknowledged = false;
    this.attempt = 0;
    this.retryTimer = null;
    this.stopped = false;
  }

  /**
   * Starts a subscription; returns the function that ends it.
   * @param handlers { next(data), error(message) }
   */
  subscribe(query, variables, handlers) {
    const id = String(this.nextId++);
    this.active.set(id, { query, variables, handlers });
    if (this.acknowledged) this.send({ id, type: 'subscribe', payload: { query, variables } });
    else this.connect();
    return () => {
      if (!this.active.delete(id)) return;
      if (this.acknowledged) this.send({ id, type: 'complete' });
    };
  }

  /** Ends every subscription and the socket (log out). */
  close() {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.active.clear();
    if (this.socket) this.socket.close(1000, 'log out');
    this.socket = null;
    this.onState('closed');
  }

  connect() {
    if (this.socket || this.stopped) return;
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    this.onState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const socket = new WebSocket(url, 'graphql-transport-ws');
    this.socket = socket;
    this.acknowledged = false;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${this.token()}` } }));
    socket.onmessage = (event) => this.receive(JSON.parse(event.data));
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.acknowledged = false;
      if (event.code === 4401 || event.code === 4403) {
        this.stopped = true;
        this.onState('closed');
        this.onUnauthenticated(event.reason || 'the token was refused');
        return;
      }
      if (this.stopped) return;
      this.onState('reconnecting');
      const delay = RETRY_MS[Math.min(this.attempt, RETRY_MS.length - 1)];
      this.attempt++;
      this.retryTimer = setTimeout(() => this.connect(), delay);
    };
  }

  receive(message) {
    switch (message.type) {
      case 'connection_ack':
        this.acknowledged = true;
        this.attempt = 0;
        this.onState('live');
        for (const [id, s] of this.active) this.send({ id, type: 'subscribe', payload: { query: s.query, variables: s.variables } });
        break;
      case 'ping':
        this.send({ type: 'pong' });
        break;
      case 'next': {
        const s = this.active.get(message.id);
        if (!s) break;
        const { data, errors } = message.payload ?? {};
        if (errors?.length && !data) s.handlers.error?.(errors.map(describe).join('; '));
        else s.handlers.next(data);
        break;
      }
      case 'error': {
        const s = this.active.get(message.id);
        this.active.delete(message.id);
        const errors = Array.isArray(message.payload) ? message.payload : [message.payload];
        s?.handlers.error?.(errors.map(describe).join('; '));
        break;
      }
      case 'complete':
        this.active.get(message.id)?.handlers.complete?.();
        this.active.delete(message.id);
        break;
      default:
        break;
    }
  }

  send(message) {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}
