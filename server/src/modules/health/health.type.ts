import 'reflect-metadata';
import { Field, Int, ObjectType } from 'type-graphql';

/** Health report as the service hands it to the API and to `GET /healthz`. */
export interface HealthView {
  status: 'ok';
  database: 'sqlite' | 'postgresql';
  versionCount: number;
  uptimeSeconds: number;
}

@ObjectType('Health', { description: 'Liveness of the API and its database.' })
export class Health implements HealthView {
  @Field(() => String, { description: 'Always "ok" when the API could answer and reach its database.' })
  status!: 'ok';

  @Field(() => String, { description: 'Database provider in use: "sqlite" or "postgresql".' })
  database!: 'sqlite' | 'postgresql';

  @Field(() => Int, { description: 'Number of DTSEN versions in the database (any status).' })
  versionCount!: number;

  @Field(() => Int, { description: 'Whole seconds since the API started.' })
  uptimeSeconds!: number;
}
