import { fileURLToPath } from 'node:url';
import { qualifyAfnemer, type AfnemerClient, type QualificationReport } from '../../src/index';

const CLIENT_SCRIPT = fileURLToPath(new URL('./afnemer-clients/students-client.mjs', import.meta.url));
const NOTIFICATIONS_CLIENT_SCRIPT = fileURLToPath(new URL('./afnemer-clients/notifications-client.mjs', import.meta.url));

/** The command that runs the test afnemer with one defect (or none), as a supplier would pass it after `--`. */
export const testClientCommand = (defect = 'none', ...extra: string[]): string[] => [process.execPath, CLIENT_SCRIPT, defect, ...extra];

export function qualifyTestClient(
  defect = 'none',
  client: AfnemerClient = { clientId: 'demo-bestelomgeving' },
  extra: string[] = [],
): Promise<QualificationReport> {
  return qualifyAfnemer({ api: 'students', client, command: testClientCommand(defect, ...extra) });
}

/** The test afnemer of the Notifications API: `none`, or `never-fetches` the objects it was notified about. */
export function qualifyNotificationsClient(defect: 'none' | 'never-fetches'): Promise<QualificationReport> {
  return qualifyAfnemer({
    api: 'notifications',
    client: { clientId: 'demo-bestelomgeving' },
    command: [process.execPath, NOTIFICATIONS_CLIENT_SCRIPT, defect],
  });
}

/** Why the failed cases failed, for an assertion's message. */
export const failureReasons = (report: QualificationReport): string =>
  report.cases
    .filter((result) => result.status === 'failed')
    .map((result) => `${result.id}: ${result.reason}`)
    .join('\n');

export const failedCaseIds = (report: QualificationReport): string[] => report.cases.filter((result) => result.status === 'failed').map((result) => result.id);
