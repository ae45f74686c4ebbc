/**
 * What a process retains (needs --expose-gc): a full collection, a pause, and a second one. V8 frees
 * the backing stores of dead Buffers in the background after a collection, so `arrayBuffers` read
 * right after one gc() can still count tens of MiB that are already garbage.
 */
export async function retainedMemory(): Promise<{ rss: number; heapUsed: number; arrayBuffers: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 100));
  gc?.();
  const { rss, heapUsed, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, arrayBuffers };
}
