import 'reflect-metadata';
import { Field, Float, Int, ObjectType } from 'type-graphql';

/**
 * The read replicas (DATABASE_REPLICA_URL) as a health check sees them: how many there are, how many answered, and how
 * far the furthest of those is behind the primary. Counts only: a health check is public, the replicas' addresses are
 * not.
 */
export interface ReplicasHealthView {
  configured: number;
  reachable: number;
  maxReplayLagBytes: number | null;
}

/** Health report as the service hands it to the API and to `GET /healthz`. */
export interface HealthView {
  status: 'ok';
  database: 'sqlite' | 'postgresql';
  versionCount: number;
  uptimeSeconds: number;
  replicas: ReplicasHealthView | null;
}

@ObjectType('ReplicasHealth', { description: 'The read replicas that answer queries (DATABASE_REPLICA_URL), as the health check saw them.' })
export class ReplicasHealth implements ReplicasHealthView {
  @Field(() => Int, { description: 'Number of read replicas configured.' })
  configured!: number;

  @Field(() => Int, { description: 'Number of them that answered the health check. Queries fail with SERVICE_UNAVAILABLE while none does.' })
  reachable!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Bytes of write-ahead log the furthest reachable replica has still to replay from the primary (0: it has everything the primary had written when asked); null when none answered.',
  })
  maxReplayLagBytes!: number | null;
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

  @Field(() => ReplicasHealth, { nullable: true, description: 'The read replicas, when the API reads from replicas (PostgreSQL); null otherwise.' })
  replicas!: ReplicasHealthView | null;
}
