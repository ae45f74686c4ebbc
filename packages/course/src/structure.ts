import type { AssignableUnit, CourseStructure, TextType } from './generated/models';

/**
 * Every assignable unit of a structure: those at the top level, then block by block, each block's
 * nested blocks before its own AUs (a chapter's paragraphs before its closing test).
 */
export function assignableUnits(structure: CourseStructure): AssignableUnit[] {
  const out: AssignableUnit[] = [...(structure.aus ?? [])];
  for (const block of structure.blocks ?? []) {
    for (const nested of block.blocks ?? []) out.push(...(nested.aus ?? []));
    out.push(...(block.aus ?? []));
  }
  return out;
}

/** The objective ids AUs refer to that the structure does not define (empty for a sound structure). */
export function unknownObjectiveIds(structure: CourseStructure): string[] {
  const defined = new Set((structure.objectives ?? []).map((objective) => objective.id));
  const unknown = new Set<string>();
  for (const unit of assignableUnits(structure)) for (const id of unit.objectives ?? []) if (!defined.has(id)) unknown.add(id);
  return [...unknown];
}

/** The text of a TextType in `lang` (default the first one), whichever of its two forms it has. */
export function textOf(text: TextType | undefined, lang?: string): string | undefined {
  if (text === undefined) return undefined;
  const strings = Array.isArray(text) ? text : [text];
  return (strings.find((entry) => lang === undefined || entry.lang === lang) ?? strings[0])?.langstring;
}
