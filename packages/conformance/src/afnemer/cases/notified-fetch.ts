import { failed } from '../../cases/case';
import { dataCalls } from '../afnemer-run';
import { describeEntry, jsonOf, toExchange, type TrafficEntry } from '../traffic';
import { afnemerCode, passedWith, skippedWith, type AfnemerCase } from './afnemer-case';

interface NotifiedObject {
  readonly objectId: string;
  readonly objectType: string;
  /** The GET /notifications answer that named it. */
  readonly listedIn: TrafficEntry;
}

const isNotificationList = (entry: TrafficEntry): boolean =>
  entry.method === 'GET' && /\/notifications-api\/v\d+\/notifications$/.test(entry.url.pathname) && entry.status === 200;

function notifiedObjects(calls: readonly TrafficEntry[]): NotifiedObject[] {
  return calls.filter(isNotificationList).flatMap((listedIn) => {
    const body = jsonOf(listedIn.responseBody);
    if (!Array.isArray(body)) return [];
    return body.flatMap((item: { notificationType?: unknown; objectId?: unknown; objectType?: unknown; isDeleteNotification?: unknown }) =>
      item.notificationType === 'object' && typeof item.objectId === 'string' && item.isDeleteNotification !== true
        ? [{ objectId: item.objectId, objectType: String(item.objectType), listedIn }]
        : [],
    );
  });
}

/** A fetch of the object: a later call that names its id in the path, the query or the body. */
const fetches = (call: TrafficEntry, object: NotifiedObject): boolean =>
  call.sequence > object.listedIn.sequence &&
  !isNotificationList(call) &&
  (decodeURIComponent(call.url.pathname + call.url.search).includes(object.objectId) || call.body.includes(JSON.stringify(object.objectId)));

/** Every object a notification named (created or changed) is fetched through its data API afterwards. */
export const notifiedFetchCase: AfnemerCase = {
  id: afnemerCode('NOTIFIED-FETCH'),
  title: 'notified objects are fetched afterwards',
  severity: 'Hoog',
  judge(run) {
    const calls = dataCalls(run);
    const objects = notifiedObjects(calls);
    if (!objects.length) return skippedWith('the command read no notification of a changed object (GET /notifications after subscribing to the Students API)');
    const missed = objects.filter((object) => !calls.some((call) => fetches(call, object)));
    if (missed.length) {
      const first = missed[0]!;
      return failed(
        `${missed.length} of ${objects.length} notified objects were never fetched; first: ${first.objectType} ${first.objectId}, listed by ${describeEntry(first.listedIn)}`,
        toExchange(first.listedIn),
      );
    }
    return passedWith(`all ${objects.length} notified objects were fetched after the notification`, objects[0]!.listedIn);
  },
};
