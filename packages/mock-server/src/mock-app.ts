import type { Clock } from '@eduvkit/core';
import { createInMemoryConsentStore, type InMemoryConsentStore } from '@eduvkit/consent';
import { consentAuthorizer, requireBearerToken, type Bron, type BronRequest, type CallerContext } from '@eduvkit/core/server';
import { createConsentRoutes } from './admin/consent-routes';
import { createClientRoutes } from './admin/client-routes';
import { createReceivedRoutes } from './admin/received-routes';
import { createWorldRoutes } from './admin/world-routes';
import { createConsoleRoutes, isConsolePoll } from './console/console-routes';
import { recordRequests } from './console/record-requests';
import { DEFAULT_REQUEST_LOG_SIZE, RequestLog } from './console/request-log';
import { createMockBrons, MOCK_REGISTRIES, type MockBronOptions } from './apis';
import { createMockChain, type MockChain } from './chain/mock-chain';
import { createAuthorizationServer, type AuthorizationServer } from './auth/authorization-server';
import { loadClients, type RegisteredClient } from './auth/client-registry';
import { seedDemoActivations } from './consent/demo-activations';
import { bronOwning, createMockAnswerer, fetchHandlerOf, type FetchHandler, type MockAnswerer, type MockRequest } from './mock-handler';
import { createNotificationProducer, DEFAULT_NOTIFICATION_LOG_SIZE, type NotificationProducer } from './notifications/notification-producer';
import type { BulkChange, ObjectChange } from './world-changes/object-changes';
import { WorldEditor } from './world-changes/world-editor';
import { createReceivedStores, type ReceivedStores } from './received-stores';
import { createMockWorld, DEFAULT_WORLD_SIZE, type MockWorld, type WorldSize } from './world';

export interface MockAppOptions extends Pick<MockBronOptions, 'validateResponses' | 'onUnexpectedError'> {
  /** Seed of the generated world; the same seed always gives the same schools and students. */
  seed?: number;
  size?: WorldSize;
  /**
   * `oauth` (default): every API call needs an access token from the mock's authorization server
   * (client credentials with private_key_jwt). `any-bearer`: any bearer token passes, for quick looks.
   */
  auth?: 'oauth' | 'any-bearer';
  /** Client registration file; default the dev-only demo clients. */
  clientsFile?: string;
  /**
   * `registry` (default with oauth): data flows only for activated exchanges, starting from the
   * demo activations. `all` (default with any-bearer, where callers are anonymous): every exchange
   * counts as activated.
   */
  consent?: 'registry' | 'all';
  /** APIs served as open data (no activation needed); Edu-V allows it for Education. */
  openDataApis?: string[];
  tokenLifetimeSeconds?: number;
  /** The mock's clock (tokens, consent, notifications, chain, request log); default the system clock. */
  now?: Clock;
  /** How many requests the console's request log keeps; default 1,000. */
  requestLogSize?: number;
  /**
   * How many notifications the producer's log keeps (for `GET /notifications` and pushes still
   * due); older ones are dropped. Default 10,000.
   */
  notificationLogSize?: number;
  /** Milliseconds each chain request waits before it is processed (pending, late confirmations); default 250. */
  chainDelayMs?: number;
  /** Share of orders the Ordersysteem declines, 0 to 1; default 0. */
  declineRate?: number;
}

export interface MockApp {
  /** Everything the mock serves, as one Fetch handler (in process). */
  readonly handler: FetchHandler;
  /** The same, for the Node adapter too: brons answer without Fetch objects. */
  readonly answer: MockAnswerer;
  readonly seed: number;
  /** The world as it is now: admin changes edit it, a reset replaces it. */
  readonly world: MockWorld;
  readonly brons: readonly Bron[];
  readonly clients: readonly RegisteredClient[];
  /** The consent registration every bron checks, the Consent API serves and the admin page edits. */
  readonly consent: InMemoryConsentStore;
  readonly authorizationServer: AuthorizationServer;
  readonly auth: 'oauth' | 'any-bearer';
  readonly editor: WorldEditor;
  /** The notification producer: its log, its dispatcher and the callback URLs of the clients. */
  readonly notifications: NotificationProducer;
  /** The last requests the mock answered, with the reason of every refusal (`GET /_admin/requests`). */
  readonly requests: RequestLog;
  /** What the mock received as Leermiddelendashboard / Administratiesysteem leerresultaten (results, progress). */
  readonly received: ReceivedStores;
  /** The learning-materials chain: its state, the clients' registered endpoints and the exchange log. */
  readonly chain: MockChain;
  /** Stops notification delivery and the chain's exchanges. */
  close(): Promise<void>;
  /** Subscribes to world changes (the notification producer listens here). */
  onWorldChange(listener: (change: { objects: ObjectChange[]; bulk: BulkChange[] }) => void): () => void;
}

/** Everything the mock serves, wired together, without a network listener. */
export async function createMockApp(issuer: string, options: MockAppOptions = {}): Promise<MockApp> {
  const seed = options.seed ?? 1;
  const auth = options.auth ?? 'oauth';
  const consentMode = options.consent ?? (auth === 'any-bearer' ? 'all' : 'registry');
  const initialWorld = createMockWorld(seed, options.size);
  const { clients } = loadClients(options.clientsFile);
  const authorizationServer = await createAuthorizationServer({
    issuer,
    clients,
    registries: MOCK_REGISTRIES,
    ...(options.tokenLifetimeSeconds ? { tokenLifetimeSeconds: options.tokenLifetimeSeconds } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const consent = createInMemoryConsentStore(options.now ? { now: options.now } : {});
  if (consentMode === 'registry') seedDemoActivations(consent, initialWorld, clients, MOCK_REGISTRIES);
  const openDataApis = options.openDataApis ?? [];
  const verifyCaller = auth === 'oauth' ? authorizationServer.verifyAccessToken : requireBearerToken;
  // The request log's client column: who the token check identified, per request object.
  const callers = new WeakMap<MockRequest, string>();
  const rememberCaller = (request: BronRequest, caller: CallerContext): CallerContext => {
    if (caller.clientId) callers.set(request as MockRequest, caller.clientId);
    return caller;
  };
  const bronOptions: MockBronOptions = {
    // The in-memory sources return cached, never-mutated lists: validate and serialise each once.
    cacheResponses: true,
    authenticate: (request) => {
      const verified = verifyCaller(request);
      // A token verified before comes back at once: no promise (and no closure) on the hot path.
      return verified instanceof Promise ? verified.then((caller) => rememberCaller(request, caller)) : rememberCaller(request, verified);
    },
    ...(consentMode === 'all' ? {} : { authorize: consentAuthorizer({ isActive: (query) => consent.isActive(query), openDataApis }) }),
    ...(options.validateResponses !== undefined ? { validateResponses: options.validateResponses } : {}),
    ...(options.onUnexpectedError ? { onUnexpectedError: options.onUnexpectedError } : {}),
  };

  const notifications = createNotificationProducer({
    issuer,
    consent,
    checkConsent: consentMode === 'registry',
    callbackUrls: new Map(clients.flatMap((client) => (client.callbackUrl ? [[client.clientId, client.callbackUrl] as const] : []))),
    bron: { authenticate: bronOptions.authenticate! },
    pushAuthorization: async (clientId) => `Bearer ${await authorizationServer.issueProducerToken(clientId)}`,
    logSize: options.notificationLogSize ?? DEFAULT_NOTIFICATION_LOG_SIZE,
    ...(options.now ? { now: options.now } : {}),
  });
  const received = createReceivedStores();
  const { cacheResponses: _mutableState, ...chainBronOptions } = bronOptions;
  const chain = createMockChain({
    seed,
    schools: initialWorld.schools,
    students: initialWorld.students,
    clients,
    bron: chainBronOptions,
    readAllowed: (caller, orgMasterId, registry) =>
      consentMode === 'all' ||
      openDataApis.includes(registry.api) ||
      (!!caller.clientId && consent.isActive({ clientId: caller.clientId, orgMasterId, api: registry.api })),
    tokenFor: (clientId, scopes) => authorizationServer.issueProducerToken(clientId, scopes),
    ...(options.chainDelayMs !== undefined ? { delayMs: options.chainDelayMs } : {}),
    ...(options.declineRate !== undefined ? { declineRate: options.declineRate } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const listeners = new Set<(change: { objects: ObjectChange[]; bulk: BulkChange[] }) => void>();
  const allBrons = (world: MockWorld): Bron[] => [...createMockBrons(world, consent, bronOptions, received), notifications.bron, ...chain.brons];
  let brons: readonly Bron[] = [];
  const editor = new WorldEditor(initialWorld, options.size ?? DEFAULT_WORLD_SIZE, (change) => {
    brons = allBrons(editor.world);
    notifications.record(change);
    for (const listener of listeners) listener(change);
  });
  brons = allBrons(initialWorld);

  const consentRoutes = createConsentRoutes({
    schools: initialWorld.schools,
    clients,
    apis: MOCK_REGISTRIES.filter((registry) => registry.consentRequired).map((registry) => ({
      api: registry.api,
      title: registry.title,
      calling: registry.roles.calling,
    })),
    openDataApis,
    consent,
  });
  const requests = new RequestLog(options.requestLogSize ?? DEFAULT_REQUEST_LOG_SIZE);
  const consoleRoutes = createConsoleRoutes({ requests, deliveries: notifications.deliveries, world: () => editor.world, exchanges: () => chain.log.list() });
  const apiOf = (pathname: string): string => {
    if (pathname.startsWith('/oauth2/') || pathname.startsWith('/.well-known/')) return 'oauth';
    if (pathname === '/_admin' || pathname.startsWith('/_admin/')) return 'admin';
    return bronOwning(brons, pathname)?.registry.api ?? 'mock';
  };
  const answer = recordRequests(
    createMockAnswerer(
      () => brons,
      [
        (request) => authorizationServer.handle(request),
        consentRoutes,
        createWorldRoutes(editor),
        createClientRoutes(clients, notifications, chain.endpoints),
        createReceivedRoutes(received),
        consoleRoutes,
      ],
    ),
    { log: requests, apiOf, clientOf: (request) => callers.get(request), skip: isConsolePoll, ...(options.now ? { now: options.now } : {}) },
  );
  return {
    handler: fetchHandlerOf(answer),
    answer,
    seed,
    get world() {
      return editor.world;
    },
    get brons() {
      return brons;
    },
    clients,
    consent,
    authorizationServer,
    auth,
    editor,
    notifications,
    requests,
    received,
    chain,
    close: async () => {
      await Promise.all([notifications.dispatcher.close(), chain.close()]);
    },
    onWorldChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
