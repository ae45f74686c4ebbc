import { type ApiClientOptions, type CallOptions, type EduvResponse } from '@eduvkit/core';
import type { AssessmentScoresAndResults, StatusResponse } from './generated/models';
import { createResultsMethods } from './generated/client';

export type ResultsRequestOptions = Pick<CallOptions, 'signal' | 'timeoutMs' | 'headers'>;

export interface ResultsClient {
  /** `POST /results`: deliver the scores and results of one assessment; 201 with status 0001 Created. */
  send(delivery: AssessmentScoresAndResults, options?: ResultsRequestOptions): Promise<EduvResponse<StatusResponse>>;
}

/**
 * Client for the calling role (verzender: a Digitaal toetssysteem) of the Results API, pointed at
 * an ontvanger (Administratiesysteem leerresultaten or Leermiddelendashboard).
 */
export function createResultsClient(options: ApiClientOptions): ResultsClient {
  return createResultsMethods(options);
}
