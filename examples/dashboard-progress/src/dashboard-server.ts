import type { Bron } from '@eduvkit/core/server';
import { serveNode, type NodeServer } from '@eduvkit/core/server/node';

/** Both receive endpoints on one node:http listener (127.0.0.1, a free port unless given). */
export function serveDashboard(brons: readonly Bron[], port = 0): Promise<NodeServer> {
  return serveNode(
    async (request) => {
      for (const bron of brons) {
        const answer = await bron.answer(request);
        if (answer) return answer;
      }
      return undefined;
    },
    { apiVersion: brons[0]!.registry.version, port },
  );
}
