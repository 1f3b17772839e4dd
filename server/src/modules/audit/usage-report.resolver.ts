import 'reflect-metadata';
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { AtlasContext } from '../../graphql/context.js';
import { UsageReport, UsageReportArgs, type UsageReportView } from './usage-report.type.js';

@Resolver(() => UsageReport)
export class UsageReportResolver {
  @Authorized('USAGE_REPORT')
  @Query(() => UsageReport, {
    description:
      'The usage report of the audit log: per user and period, person-level reads and rows read, clear reads, mutations ' +
      'and refusals. Needs USAGE_REPORT (ADMIN). BAD_USER_INPUT unless `from` < `to` (at most ten years).',
  })
  async usageReport(@Args(() => UsageReportArgs) { from, to, period }: UsageReportArgs, @Ctx() { services }: AtlasContext): Promise<UsageReportView> {
    return services.usageReport.report(from, to, period);
  }
}
