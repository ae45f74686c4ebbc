import { registeredClientKey, startMockServer, type MockServer } from '@eduvkit/mock-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CatalogueMirror } from '../src/catalogue-mirror';
import { selectieomgevingTokenProvider } from '../src/supplier-credentials';

let server: MockServer;
let tokenProvider: ReturnType<typeof selectieomgevingTokenProvider>;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 1 });
  const demo = registeredClientKey('demo-selectieomgeving')!;
  tokenProvider = selectieomgevingTokenProvider(server.url, demo.privateKeyPem, demo.keyId);
});
afterAll(async () => {
  await tokenProvider.close();
  await server.close();
});

const mirrorOf = () => new CatalogueMirror({ baseUrl: `${server.url}/catalogue-api/v2`, tokenProvider });
const newestChange = () =>
  server.world.products
    .map((product) => product.dateLastModified!)
    .sort()
    .at(-1)!;

it('harvests the whole catalogue once, then incrementally only what changed since', async () => {
  const mirror = mirrorOf();
  const full = await mirror.harvest();
  expect(full).toMatchObject({ received: server.world.products.length, added: server.world.products.length, changed: 0, since: newestChange() });
  expect([...mirror.products.keys()].sort()).toEqual(server.world.products.map((product) => product.productId).sort());

  const incremental = await mirror.harvest();
  const sameSecond = server.world.products.filter((product) => product.dateLastModified === newestChange());
  expect(incremental).toEqual({ received: sameSecond.length, added: 0, changed: 0, since: newestChange() });
  expect(mirror.products.size).toBe(server.world.products.length);
  expect(mirror.selectable().every((product) => product.status === 'available' || product.status === 'limited-available')).toBe(true);
});

it('resumes after an aborted harvest from since and ends with the complete catalogue', async () => {
  const mirror = mirrorOf();
  const controller = new AbortController();
  const partial = mirror.harvest(controller.signal);
  setImmediate(() => controller.abort());
  await expect(partial).rejects.toMatchObject({ name: 'AbortError' });
  const before = mirror.products.size;
  expect(before).toBeLessThan(server.world.products.length);
  await mirror.harvest();
  expect(mirror.products.size).toBe(server.world.products.length);
});
