// Diagnostic only: a bare node:http server that answers every request with one pre-serialised
// Buffer (the mock's exact 500-student body). Its req/s is what this machine and this load
// generator can reach at all for a ~385 KiB answer: the upper bound for any mock, not a rival.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const body = readFileSync(process.env.BENCH_BODY_FILE!);
// The mock's status for the request measured (202 for a receipt).
const status = Number(process.env.BENCH_STATUS ?? 200);
const headers = {
  'content-type': 'application/json; charset=utf-8',
  'api-version': '1.1.0',
  'content-length': String(body.length),
};
const server = createServer((request, response) => {
  response.writeHead(status, headers);
  response.end(body);
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send!({ type: 'ready', url: `http://127.0.0.1:${port}`, schools: [] });
});
// If the bench dies without saying 'close', do not linger as an orphan.
process.on('disconnect', () => process.exit(0));
process.on('message', (message) => {
  if (message === 'close') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
