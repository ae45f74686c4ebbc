import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Node cannot issue certificates, so the tests that need one use the openssl command line. */
export const HAS_OPENSSL = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export const NO_OPENSSL_REASON = 'skipped: needs the openssl command on PATH to create test certificates';

export interface TempDir {
  readonly path: string;
  read(name: string): string;
  write(name: string, text: string): void;
  openssl(...args: string[]): void;
  remove(): void;
}

export function tempDir(): TempDir {
  const path = mkdtempSync(join(tmpdir(), 'eduvkit-auth-'));
  return {
    path,
    read: (name) => readFileSync(join(path, name), 'utf8'),
    write: (name, text) => writeFileSync(join(path, name), text, { mode: 0o600 }),
    openssl: (...args) => {
      execFileSync('openssl', args, { cwd: path, stdio: ['ignore', 'ignore', 'pipe'] });
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** A self-signed certificate for an existing private key (PEM), as a PKIoverheid certificate stands in for. */
export function selfSignedCertificate(dir: TempDir, privateKeyPem: string, subject: string): string {
  dir.write('self.key', privateKeyPem);
  dir.openssl('req', '-x509', '-new', '-key', 'self.key', '-subj', subject, '-days', '1', '-out', 'self.pem');
  return dir.read('self.pem');
}

export interface Pki {
  readonly caPem: string;
  readonly serverKeyPem: string;
  readonly serverCertPem: string;
  readonly clientKeyPem: string;
  readonly clientCertPem: string;
  /** A client certificate from a CA the server does not trust. */
  readonly rogueClientKeyPem: string;
  readonly rogueClientCertPem: string;
}

function makeCa(dir: TempDir, name: string): void {
  dir.openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-noenc',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.pem`,
    '-days',
    '1',
    '-subj',
    `/CN=${name}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
}

function makeLeaf(dir: TempDir, ca: string, name: string, subject: string, extensions: string): void {
  dir.openssl('req', '-newkey', 'rsa:2048', '-noenc', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
  dir.write(`${name}.ext`, extensions);
  dir.openssl(
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.pem`,
    '-CAkey',
    `${ca}.key`,
    '-CAcreateserial',
    '-out',
    `${name}.pem`,
    '-days',
    '1',
    '-extfile',
    `${name}.ext`,
  );
}

/** A CA with a server certificate for 127.0.0.1 and a client certificate, plus a client from another CA. */
export function makePki(dir: TempDir): Pki {
  makeCa(dir, 'ca');
  makeCa(dir, 'rogue-ca');
  makeLeaf(dir, 'ca', 'server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  makeLeaf(dir, 'ca', 'client', '/serialNumber=00000001234567890000/CN=eduvkit-test-client', 'extendedKeyUsage=clientAuth\n');
  makeLeaf(dir, 'rogue-ca', 'rogue-client', '/CN=rogue-client', 'extendedKeyUsage=clientAuth\n');
  return {
    caPem: dir.read('ca.pem'),
    serverKeyPem: dir.read('server.key'),
    serverCertPem: dir.read('server.pem'),
    clientKeyPem: dir.read('client.key'),
    clientCertPem: dir.read('client.pem'),
    rogueClientKeyPem: dir.read('rogue-client.key'),
    rogueClientCertPem: dir.read('rogue-client.pem'),
  };
}
