import 'reflect-metadata';
import { GraphQLDateTimeISO } from 'graphql-scalars';
import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../auth/auth.type.js';

export enum UsagePeriod {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(UsagePeriod, {
  name: 'UsagePeriod',
  description: 'Length of the periods of the usage report (UTC).',
  valuesConfig: {
    DAY: { description: 'Calendar days.' },
    WEEK: { description: 'ISO weeks, Monday to Sunday.' },
    MONTH: { description: 'Calendar months.' },
  },
});

@ArgsType()
export class UsageReportArgs {
  @Field(() => GraphQLDateTimeISO, { description: 'Start of the reported time (inclusive).' })
  from!: Date;

  @Field(() => GraphQLDateTimeISO, { description: 'End of the reported time (exclusive); after `from`.' })
  to!: Date;

  @Field(() => UsagePeriod, { defaultValue: UsagePeriod.MONTH, description: 'Length of the periods the counts are grouped by (default MONTH).' })
  period!: UsagePeriod;
}

/** A user as the usage report names them. */
export interface UsageUserView {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
}

@ObjectType('UsageReportUser', { description: 'The user a row of the usage report counts.' })
export class UsageReportUser implements UsageUserView {
  @Field({ description: 'Sign-in name.' })
  username!: string;

  @Field({ description: 'Name shown.' })
  displayName!: string;

  @Field(() => Role, { description: 'Role of the user (now).' })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'Province or kabupaten/kota the user is limited to; null = the nation.' })
  regionCode!: string | null;
}

/** The counts of one user in one period. */
export interface UsageCountsView {
  personReads: number;
  personRowsRead: number;
  clearReads: number;
  mutations: number;
  denied: number;
}

export interface UsageReportRowView extends UsageCountsView {
  periodStart: Date;
  user: UsageUserView | null;
}

export interface UsageReportView {
  from: Date;
  to: Date;
  period: UsagePeriod;
  rows: UsageReportRowView[];
  totals: UsageCountsView;
}

@ObjectType('UsageCounts', { description: 'What was done, counted from the audit log.' })
export class UsageCounts implements UsageCountsView {
  @Field(() => Int, { description: 'Person-level reads: requests (root fields) that returned families, members or the families of a plan.' })
  personReads!: number;

  @Field(() => Int, { description: 'Person-level rows those reads returned (families and plan units).' })
  personRowsRead!: number;

  @Field(() => Int, { description: 'Person-level reads that returned identifiers (NIK, KK, names) in clear.' })
  clearReads!: number;

  @Field(() => Int, { description: 'Mutations run (proposals submitted and moved through the workflow, versions published), failed ones included.' })
  mutations!: number;

  @Field(() => Int, { description: 'Requests refused (FORBIDDEN: a missing right or a region outside the user\'s).' })
  denied!: number;
}

@ObjectType('UsageReportRow', { description: 'The usage of one user in one period.' })
export class UsageReportRow extends UsageCounts implements UsageReportRowView {
  @Field(() => GraphQLDateTimeISO, { description: 'Start of the period (00:00 UTC of its first day).' })
  periodStart!: Date;

  @Field(() => UsageReportUser, { nullable: true, description: 'The user; null for events whose user no longer exists.' })
  user!: UsageUserView | null;
}

@ObjectType('UsageReport', {
  description:
    'The periodic usage report the DTSEN access procedure requires: per user and period, person-level reads and rows, ' +
    'clear reads, mutations and refusals, counted in the database from the append-only audit log.',
})
export class UsageReport implements UsageReportView {
  @Field(() => GraphQLDateTimeISO, { description: 'Start of the reported time (inclusive).' })
  from!: Date;

  @Field(() => GraphQLDateTimeISO, { description: 'End of the reported time (exclusive).' })
  to!: Date;

  @Field(() => UsagePeriod, { description: 'Length of the periods.' })
  period!: UsagePeriod;

  @Field(() => [UsageReportRow], { description: 'One row per user and period with any event, by period start, then username.' })
  rows!: UsageReportRowView[];

  @Field(() => UsageCounts, { description: 'The counts over all rows.' })
  totals!: UsageCountsView;
}
