import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { EduvValidationError } from '../src/errors';
import { formatJsonPath, validateResponse } from '../src/validation';

const students = z.array(
  z.object({
    familyName: z.string(),
    userIds: z.array(z.object({ userId: z.string(), userIdType: z.enum(['NEPPI', 'ASI']) })),
  }),
);

const valid = [{ familyName: 'Jansen', userIds: [{ userId: 'a', userIdType: 'ASI' }], extra: true }];
const invalid = [
  { familyName: 'Jansen', userIds: [] },
  {
    userIds: [
      { userId: 'a', userIdType: 'ASI' },
      { userId: 'b', userIdType: 'BSN' },
    ],
  },
];

describe('formatJsonPath', () => {
  it('writes JSON paths', () => {
    expect(formatJsonPath([])).toBe('$');
    expect(formatJsonPath([0, 'familyName'])).toBe('$[0].familyName');
    expect(formatJsonPath(['userIds', 1, 'userIdType'])).toBe('$.userIds[1].userIdType');
    expect(formatJsonPath(['odd-key', 'ok'])).toBe('$["odd-key"].ok');
  });
});

describe('validateResponse', () => {
  const context = { operationId: 'getStudents', httpStatus: 200 };

  it('strict: throws listing every issue with its path', () => {
    let caught: unknown;
    try {
      validateResponse(students, invalid, 'strict', context);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EduvValidationError);
    const error = caught as EduvValidationError;
    expect(error.issues.map((issue) => issue.path)).toEqual(['$[1].familyName', '$[1].userIds[1].userIdType']);
    expect(error.message).toContain('Response of getStudents (HTTP 200) does not match its schema (2 issues)');
    expect(error.message).toContain('$[1].familyName: ');
    expect(error.message).toContain('$[1].userIds[1].userIdType: ');
    expect(error.operationId).toBe('getStudents');
    expect(error.httpStatus).toBe(200);
  });

  it('strict: returns the parsed data', () => {
    expect(validateResponse(students, valid, 'strict', context)).toEqual([{ familyName: 'Jansen', userIds: [{ userId: 'a', userIdType: 'ASI' }] }]);
  });

  it('warn: reports the same message and returns the data as received', () => {
    const onWarning = vi.fn();
    const result = validateResponse(students, invalid, 'warn', { ...context, onWarning });
    expect(result).toBe(invalid);
    expect(onWarning).toHaveBeenCalledTimes(1);
    expect(onWarning.mock.calls[0]?.[0]).toContain('$[1].userIds[1].userIdType');
    expect(validateResponse(students, valid, 'warn', { ...context, onWarning })).toBe(valid);
    expect(onWarning).toHaveBeenCalledTimes(1);
  });

  it('warn: defaults to console.warn', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      validateResponse(students, invalid, 'warn', context);
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });

  it('off: does nothing', () => {
    const onWarning = vi.fn();
    expect(validateResponse(students, invalid, 'off', { ...context, onWarning })).toBe(invalid);
    expect(onWarning).not.toHaveBeenCalled();
  });

  it('without a schema returns the data', () => {
    expect(validateResponse(undefined, 'x', 'strict', context)).toBe('x');
  });
});
