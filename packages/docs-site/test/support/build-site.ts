import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Builds the site once for every test file, the way a developer does: `npm run docs:build`.
export default function buildSite(): void {
  const root = fileURLToPath(new URL('../../../..', import.meta.url));
  try {
    execFileSync('npm', ['run', 'docs:build'], { cwd: root, stdio: 'pipe', timeout: 240_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`npm run docs:build failed:\n${stdout?.toString() ?? ''}\n${stderr?.toString() ?? ''}`, { cause: error });
  }
}
