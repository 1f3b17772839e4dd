import 'reflect-metadata';
import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class FamilyArgs {
  @Field(() => Int, { description: 'Surrogate key of the family.' })
  id!: number;

  @Field(() => Int, { nullable: true, description: 'Version id; defaults to the latest published version.' })
  versionId?: number | null;
}
