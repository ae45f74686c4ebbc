import { parseStatusCode } from '@eduvkit/core';
import type { Exchange } from '../http/exchange';
import type { CaseStatus, Severity } from '../report/types';
import type { SuiteContext } from '../suite-context';

export interface Verdict {
  readonly status: CaseStatus;
  readonly reason: string;
  readonly exchange?: Exchange | undefined;
}

/** One check the kit runs; `run` never throws for a defect of the target, it returns a failed verdict. */
export interface CaseDefinition {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  run(context: SuiteContext): Promise<Verdict>;
}

export const passed = (reason: string, exchange?: Exchange): Verdict => ({ status: 'passed', reason, exchange });
export const failed = (reason: string, exchange?: Exchange): Verdict => ({ status: 'failed', reason, exchange });
export const skipped = (reason: string, exchange?: Exchange): Verdict => ({ status: 'skipped', reason, exchange });

/** The Edu-V status of an answer's StatusResponse body, in either wire form (11 or "0011"). */
export function eduvStatusOf(exchange: Exchange): number | undefined {
  const body = exchange.response?.body;
  if (typeof body !== 'object' || body === null || !('status' in body)) return undefined;
  return parseStatusCode(body.status);
}

export function statusMessageOf(exchange: Exchange): string {
  const body = exchange.response?.body;
  const message = typeof body === 'object' && body !== null ? (body as { statusMessage?: unknown }).statusMessage : undefined;
  return typeof message === 'string' ? message : '';
}

const pad = (status: number): string => String(status).padStart(4, '0');

export interface ExpectedAnswer {
  readonly httpStatus: number;
  /** Edu-V status in the StatusResponse; omit to check the HTTP status only. */
  readonly eduvStatus?: number;
  /** The statusMessage must name this (a field or parameter). */
  readonly names?: string;
}

/** Compares an answer with what the spec says; the reason says what came and what was expected. */
export function judge(exchange: Exchange, expected: ExpectedAnswer): Verdict {
  const response = exchange.response;
  const want = `HTTP ${expected.httpStatus}${expected.eduvStatus === undefined ? '' : ` with Edu-V status ${pad(expected.eduvStatus)}`}`;
  if (!response) return failed(`expected ${want}, got no answer: ${exchange.error ?? 'unknown error'}`, exchange);
  const status = eduvStatusOf(exchange);
  const got = `HTTP ${response.status}${status === undefined ? '' : ` with Edu-V status ${pad(status)}`}`;
  if (response.status !== expected.httpStatus)
    return failed(`expected ${want}, got ${got}${statusMessageOf(exchange) ? `: ${statusMessageOf(exchange)}` : ''}`, exchange);
  if (expected.eduvStatus !== undefined && status !== expected.eduvStatus) {
    return failed(`expected ${want}, got ${got}${status === undefined ? ' without a readable StatusResponse' : ''}`, exchange);
  }
  if (expected.names && !statusMessageOf(exchange).includes(expected.names)) {
    return failed(`got ${got}, but its statusMessage does not name "${expected.names}": "${statusMessageOf(exchange)}"`, exchange);
  }
  return passed(`received the expected ${got}`, exchange);
}
