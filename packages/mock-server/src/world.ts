import { createStudentsWorld, type StudentsWorld } from '@eduvkit/students/fixtures';

export type WorldSize = 'small' | 'medium' | 'large';

/** Schools and students per size; large is the scale the benchmarks use (~100,000 students). */
export const WORLD_SIZES: Readonly<Record<WorldSize, { po: number; vo: number; studentsPerPo: number; studentsPerVo: number }>> = {
  small: { po: 2, vo: 1, studentsPerPo: 120, studentsPerVo: 500 },
  medium: { po: 8, vo: 3, studentsPerPo: 250, studentsPerVo: 1_200 },
  large: { po: 60, vo: 14, studentsPerPo: 300, studentsPerVo: 5_800 },
};

export type MockWorld = StudentsWorld;

export function createMockWorld(seed: number, size: WorldSize = 'small'): MockWorld {
  return createStudentsWorld({ seed, ...WORLD_SIZES[size] });
}
