import type { ExchangeKey, ReceivedRequest } from '@eduvkit/core/exchange';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { createPostgresExchangeStore } from '../src';
import { freshSchema, newPool, storeIn } from './support/stores';

/** Runs support/crashing-instance.ts until it has reported `count` recorded requests, then SIGKILLs it. */
function runAndKill(schema: string, count: number): Promise<string[]> {
  const script = fileURLToPath(new URL('./support/crashing-instance.ts', import.meta.url));
  const child = spawn(process.execPath, ['--conditions=@eduvkit/source', '--import', 'tsx', script, inject('postgresUrl'), schema], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.split('\n').length > count) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      const reported = output.split('\n').filter((line) => line !== '');
      if (signal === 'SIGKILL' && reported.length >= count) resolve(reported);
      else reject(new Error(`the instance ended by itself (${signal ?? 'no signal'}) after ${reported.length} requests: ${errors}`));
    });
  });
}

const key: ExchangeKey = { api: 'order-api', operationId: 'placeOrder', peer: 'bestelomgeving-1', referenceId: '7f1c3a0e-1b2d-4c5e-8f90-123456789abc' };
const t = (ms: number) => new Date(Date.UTC(2026, 2, 1, 9, 0, 0, ms));

describe('what a store wrote outlives its pool', () => {
  it('a request answered 202 by a crashed instance is processed by the next one once the lease ends', async () => {
    const schema = freshSchema('durable');
    const crashed = storeIn(schema);
    expect((await crashed.receiveRequest(key, { orderLines: [{ productId: '9789024429035', quantity: 25 }] }, t(0))).created).toBe(true);
    await crashed.recordSent({ ...key, peer: '' }, { sent: true }, t(1), {
      id: 'req-1',
      kind: 'request',
      key: { ...key, peer: '' },
      operationId: 'placeOrder',
      body: { sent: true },
      at: t(1),
    });
    expect(await crashed.claimRequests({ worker: 'instance-1', now: t(2), leaseMs: 30_000, limit: 10 })).toHaveLength(1);
    await crashed.close(); // the instance dies while processing: its pool is gone, nothing was completed

    const restarted = storeIn(schema);
    try {
      const kept = await restarted.getRequest(key);
      expect(kept?.state).toBe('processing');
      expect(kept?.body).toEqual({ orderLines: [{ productId: '9789024429035', quantity: 25 }] });
      expect(kept?.receivedAt.toISOString()).toBe(t(0).toISOString());
      expect((await restarted.getSent({ ...key, peer: '' }))?.body).toEqual({ sent: true });
      expect((await restarted.getOutbound('req-1'))?.state).toBe('pending');
      expect((await restarted.receiveRequest(key, { another: 'body' }, t(3))).created, 'the repeated reference id is still known').toBe(false);

      expect(await restarted.claimRequests({ worker: 'instance-2', now: t(30_001), leaseMs: 30_000, limit: 10 }), 'not while the lease runs').toEqual([]);
      const [again] = await restarted.claimRequests({ worker: 'instance-2', now: t(30_002), leaseMs: 30_000, limit: 10 });
      expect(again?.attempts).toBe(2);
      const confirmation = { requestReferenceId: key.referenceId, orderStatus: 'approved' };
      expect(
        await restarted.completeRequest(key, 'instance-2', confirmation, t(30_003), {
          id: 'conf-1',
          kind: 'confirmation',
          key,
          operationId: 'confirmOrder',
          body: confirmation,
          at: t(30_003),
        }),
      ).toBe(true);
      expect((await restarted.claimOutbound({ worker: 'instance-2', now: t(30_004), leaseMs: 1_000, limit: 10 })).map((message) => message.id)).toEqual([
        'req-1',
        'conf-1',
      ]);
    } finally {
      await restarted.close();
    }
  });

  it('an instance killed with SIGKILL mid-work loses no request it had recorded, and its leases come free', async () => {
    const schema = freshSchema('sigkill');
    const recorded = await runAndKill(schema, 150);
    const restarted = storeIn(schema);
    try {
      const later = new Date(Date.UTC(2026, 2, 1, 10));
      const claimed: ReceivedRequest[] = [];
      for (;;) {
        const batch = await restarted.claimRequests({ worker: 'next-instance', now: later, leaseMs: 60_000, limit: 50 });
        if (batch.length === 0) break;
        claimed.push(...batch);
      }
      const claimedRefs = new Set(claimed.map((request) => request.key.referenceId));
      expect(claimedRefs.size, 'each request claimed once').toBe(claimed.length);
      expect(
        recorded.filter((ref) => !claimedRefs.has(ref)),
        'requests reported as recorded but lost',
      ).toEqual([]);
      expect(
        claimed.some((request) => request.attempts === 2),
        'some had been leased by the killed instance',
      ).toBe(true);
    } finally {
      await restarted.close();
    }
  });

  it('close() ends a pool the store created and leaves one passed in open', async () => {
    const own = storeIn(freshSchema('close_own'));
    await own.migrate();
    await own.close();
    await expect(own.getOutbound('x')).rejects.toThrow();

    const pool = newPool();
    try {
      const borrowed = createPostgresExchangeStore({ pool, schema: freshSchema('close_passed') });
      await borrowed.enqueue({ id: 'm', kind: 'request', key, operationId: 'placeOrder', body: null, at: t(0) });
      await borrowed.close();
      expect((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${borrowed.tables.outbox}`)).rows[0]?.n).toBe('1');
      expect((await createPostgresExchangeStore({ pool, schema: borrowed.tables.schema }).getOutbound('m'))?.body, 'a JSON null body stays null').toBeNull();
    } finally {
      await pool.end();
    }
  });
});
