import { describe, expect, it } from 'vitest';
import { assignableUnits, textOf, unknownObjectiveIds, type AssignableUnit, type CourseStructure } from '../src/index';

const au = (id: string, objectives: string[] = []): AssignableUnit => ({
  id,
  activityType: 'Oefening',
  launchMethod: 'AnyWindow',
  moveOn: 'Completed',
  title: [{ lang: 'nl-NL', langstring: id }],
  url: `https://x.example/${id}`,
  objectives,
});
const text = (langstring: string) => [{ lang: 'nl-NL', langstring }];

const structure: CourseStructure = {
  course: {
    id: 'c',
    title: [
      { lang: 'en-GB', langstring: 'Course' },
      { lang: 'nl-NL', langstring: 'Cursus' },
    ],
    description: { lang: 'nl-NL', langstring: 'Eén' },
  },
  objectives: [{ id: 'o1' }, { id: 'o2' }],
  aus: [au('intro')],
  blocks: [
    {
      id: 'h1',
      title: text('H1'),
      description: text('H1'),
      aus: [au('toets-1', ['o1', 'o2'])],
      blocks: [{ id: 'p1', title: text('1.1'), description: text('1.1'), aus: [au('les-1', ['o1']), au('les-2', ['o3'])] }],
    },
  ],
};

describe('cmi5 structure helpers', () => {
  it('list the AUs at the top, then per block its paragraphs before its own', () => {
    expect(assignableUnits(structure).map((unit) => unit.id)).toEqual(['intro', 'les-1', 'les-2', 'toets-1']);
  });

  it('name the objective ids AUs refer to that the structure does not define', () => {
    expect(unknownObjectiveIds(structure)).toEqual(['o3']);
  });

  it('read a TextType in both forms, in the language asked or the first', () => {
    expect(textOf(structure.course.title)).toBe('Course');
    expect(textOf(structure.course.title, 'nl-NL')).toBe('Cursus');
    expect(textOf(structure.course.description, 'nl-NL')).toBe('Eén');
    expect(textOf(undefined)).toBeUndefined();
  });
});
