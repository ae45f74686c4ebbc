import { EduvApiError, HttpStatus, type TokenProvider } from '@eduvkit/core';
import { createAccessTokenVerifier } from '@eduvkit/core/server';
import { serveNode, type NodeServer } from '@eduvkit/core/server/node';
import { createNotificationReceiver, createNotificationsClient, createNotificationSync, notificationsApi, type NotificationSync } from '@eduvkit/notifications';
import type { Student } from '@eduvkit/students';
import { createRemoteJWKSet } from 'jose';
import { refreshSchool, studentsClientFor, type SchoolCopy } from './school-copy';

export interface FollowOptions {
  /** The bron (producer) origin; its authorization server issues the tokens on both sides. */
  readonly bronUrl: string;
  readonly clientId: string;
  readonly tokenProvider: TokenProvider;
  /**
   * Tells the producer where this afnemer receives notifications. Edu-V leaves it to registration
   * out of band; against the mock it is `PUT /_admin/clients/{clientId}/callback`.
   */
  readonly registerCallback: (callbackUrl: string) => Promise<void>;
}

export interface Following {
  readonly callbackUrl: string;
  readonly sync: NotificationSync;
  close(): Promise<void>;
}

/**
 * After the first sync: receive the school's Students notifications and keep the copy up to
 * date: fetch a created or changed student (`POST /students` by ECK iD), drop a deleted one,
 * re-read the school after a bulk change. Only pushes signed by the bron's authorization server
 * for this client get in.
 */
export async function followNotifications(copy: SchoolCopy, options: FollowOptions): Promise<Following> {
  const students = studentsClientFor(options.bronUrl, options.tokenProvider);
  const sync = createNotificationSync({
    client: createNotificationsClient({ baseUrl: `${options.bronUrl}${notificationsApi.basePath}`, tokenProvider: options.tokenProvider }),
    fetchObject: async (notification) => {
      if (notification.school?.organisationMasterIdentifier !== copy.orgMasterId || notification.objectType !== 'Student') return undefined;
      try {
        return (await students.find({ orgMasterId: copy.orgMasterId }, { userMasterIdentifier: notification.objectId })).data;
      } catch (error) {
        // Gone again before we asked (a later notification will say so): nothing to store.
        if (error instanceof EduvApiError && error.httpStatus === HttpStatus.NotFound) return undefined;
        throw error;
      }
    },
    onUpsert: (notification, student) => void copy.students.set(notification.objectId!, student as Student),
    onDelete: (notification) => void copy.students.delete(notification.objectId!),
    onBulk: (notification) =>
      notification.school?.organisationMasterIdentifier === copy.orgMasterId ? refreshSchool(copy, options.bronUrl, options.tokenProvider) : undefined,
  });
  const receiver = createNotificationReceiver({
    authenticate: createAccessTokenVerifier({
      issuer: options.bronUrl,
      audience: options.clientId,
      keys: createRemoteJWKSet(new URL(`${options.bronUrl}/oauth2/jwks`)),
    }),
    onNotifications: (batch) => sync.apply(batch),
  });
  // The receiver speaks Fetch; serveNode hands it a Fetch Request only for its own paths.
  const server: NodeServer = await serveNode(
    async (request) => (new URL(request.url).pathname.startsWith(receiver.basePath) ? receiver.handle(await request.toFetchRequest()) : undefined),
    {
      apiVersion: notificationsApi.version,
    },
  );
  const callbackUrl = `${server.url}${receiver.basePath}`;
  await options.registerCallback(callbackUrl);
  await createNotificationsClient({ baseUrl: `${options.bronUrl}${notificationsApi.basePath}`, tokenProvider: options.tokenProvider }).subscribe(
    'students-api',
  );
  return { callbackUrl, sync, close: () => server.close() };
}
