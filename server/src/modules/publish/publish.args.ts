import 'reflect-metadata';
import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class PublishVersionArgs {
  @Field(() => Int, { description: 'Id of the DRAFT version to publish; the version before it must be published.' })
  versionId!: number;
}
