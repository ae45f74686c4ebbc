import { EduvConfigError, EduvStatus, statusFailure, type StatusFailure } from '@eduvkit/core';

/** Kinds of secondary board id `GET /organisations` accepts in `boardIdType`. */
export const BOARD_SELECTION_ID_TYPES = ['BGE_CODE'] as const;
export type BoardSelectionIdType = (typeof BOARD_SELECTION_ID_TYPES)[number];

/** The board (onderwijsbestuur) by its primary id, the OnderwijsbestuurId. */
export interface BoardByMasterId {
  readonly boardMasterId: string;
}

/** The board by a secondary id: its BGE code (bevoegd-gezagnummer). */
export interface BoardByBoardId {
  readonly boardId: string;
  readonly boardIdType: BoardSelectionIdType;
}

/** Which board `GET /organisations` asks about (the `board…` query parameters). */
export type BoardSelection = BoardByMasterId | BoardByBoardId;

export interface BoardQuery {
  boardMasterId?: string;
  boardId?: string;
  boardIdType?: BoardSelectionIdType;
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** True when the selection names a board rather than a school. */
export function isBoardSelection(selection: object): selection is BoardSelection {
  return 'boardMasterId' in selection || 'boardId' in selection || 'boardIdType' in selection;
}

/** Query parameters for a board on `GET /organisations`. Throws EduvConfigError on an invalid selection. */
export function boardQuery(selection: BoardSelection): BoardQuery {
  const raw = selection as Partial<BoardByMasterId & BoardByBoardId>;
  if (raw.boardMasterId !== undefined) {
    if (raw.boardId !== undefined || raw.boardIdType !== undefined) {
      throw new EduvConfigError('Board selection: use either boardMasterId or boardId + boardIdType, not both');
    }
    if (isBlank(raw.boardMasterId)) throw new EduvConfigError('Board selection: boardMasterId must be a non-empty string');
    return { boardMasterId: raw.boardMasterId };
  }
  if (isBlank(raw.boardId)) throw new EduvConfigError('Board selection: boardId must be a non-empty string');
  if (!(BOARD_SELECTION_ID_TYPES as readonly unknown[]).includes(raw.boardIdType)) {
    throw new EduvConfigError(`Board selection: boardIdType must be one of ${BOARD_SELECTION_ID_TYPES.join(', ')}`);
  }
  return { boardId: raw.boardId, boardIdType: raw.boardIdType };
}

// --- server side ----------------------------------------------------------------------------

export type BoardSelectionResult =
  { readonly ok: true; readonly selection: BoardSelection } | { readonly ok: false; readonly error: StatusFailure & { readonly field: string } };

export interface RawBoardQuery {
  readonly boardMasterId?: unknown;
  readonly boardId?: unknown;
  readonly boardIdType?: unknown;
}

function schemaError(field: string, detail: string): BoardSelectionResult {
  return { ok: false, error: { ...statusFailure(EduvStatus.SchemaIncorrect, `${field} ${detail}`), field } };
}

/**
 * Reads the board parameters of a `GET /organisations` request: exactly one of boardMasterId or
 * boardId + boardIdType. Failures are 400 / 0011 naming the offending field.
 */
export function readBoardSelection(query: RawBoardQuery): BoardSelectionResult {
  const { boardMasterId, boardId, boardIdType } = query;
  for (const [field, value] of Object.entries({ boardMasterId, boardId, boardIdType })) {
    if (value !== undefined && typeof value !== 'string') return schemaError(field, 'must be a single string');
  }
  if (boardMasterId !== undefined) {
    if (boardId !== undefined || boardIdType !== undefined) return schemaError('boardMasterId', 'cannot be combined with boardId/boardIdType');
    if (isBlank(boardMasterId)) return schemaError('boardMasterId', 'must not be empty');
    return { ok: true, selection: { boardMasterId: boardMasterId as string } };
  }
  if (boardId === undefined && boardIdType === undefined) return schemaError('boardMasterId', 'or boardId + boardIdType is required');
  if (boardIdType === undefined) return schemaError('boardIdType', 'is required with boardId');
  if (boardId === undefined) return schemaError('boardId', 'is required with boardIdType');
  if (!(BOARD_SELECTION_ID_TYPES as readonly unknown[]).includes(boardIdType)) {
    return schemaError('boardIdType', `must be one of ${BOARD_SELECTION_ID_TYPES.join(', ')}`);
  }
  if (isBlank(boardId)) return schemaError('boardId', 'must not be empty');
  return { ok: true, selection: { boardId: boardId as string, boardIdType: boardIdType as BoardSelectionIdType } };
}
