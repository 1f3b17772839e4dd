import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';
import { PROGRAMS, type ProgramCode as ProgramCodeValue } from '../../domain/programs.js';

/**
 * The programs as a GraphQL enum, for arguments (`programCode: ProgramCode`), built from the program rule data
 * (`domain/programs.ts`), so that a program added there is an enum value here.
 */
export const ProgramCode = Object.fromEntries(PROGRAMS.map((p) => [p.code, p.code])) as {
  readonly [K in ProgramCodeValue]: K;
};
export type ProgramCode = ProgramCodeValue;

registerEnumType(ProgramCode, {
  name: 'ProgramCode',
  description: 'A social-assistance program (see `programs` for each one\'s rule).',
  valuesConfig: Object.fromEntries(PROGRAMS.map((p) => [p.code, { description: p.name }])),
});
