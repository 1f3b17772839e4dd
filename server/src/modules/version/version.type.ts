import 'reflect-metadata';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { VersionStatus } from '../../generated/prisma/sqlite/enums.js';

export { VersionStatus };

registerEnumType(VersionStatus, {
  name: 'VersionStatus',
  description: 'Lifecycle of a DTSEN version.',
  valuesConfig: {
    DRAFT: { description: 'Being assembled; may still change.' },
    PUBLISHED: { description: 'Published by BPS; immutable from then on.' },
  },
});

/** A version as the service hands it to the API. */
export interface VersionView {
  id: number;
  label: string;
  status: VersionStatus;
  publishedAt: Date | null;
}

@ObjectType('DtsenVersion', { description: 'A quarterly DTSEN release (about every 3 months since Q2 2025).' })
export class DtsenVersion implements VersionView {
  @Field(() => Int, { description: 'Ordinal of the version (1 = first release); temporal rows compare these.' })
  id!: number;

  @Field(() => String, { description: 'Human label, year and quarter, e.g. "2025-Q2".' })
  label!: string;

  @Field(() => VersionStatus, { description: 'Draft or published. A published version is immutable.' })
  status!: VersionStatus;

  @Field(() => GraphQLDateTimeISO, { nullable: true, description: 'When BPS published this version; null while a draft.' })
  publishedAt!: Date | null;
}
