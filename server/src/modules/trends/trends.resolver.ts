import 'reflect-metadata';
import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { AtlasContext } from '../../graphql/context.js';
import {
  ChurnArgs, CoverageTrendArgs, DesilTransitionsArgs, PbiReactivationArgs, PkhDurationArgs, ProgramOverlapArgs, ProposalFunnelArgs,
} from './trends.args.js';
import {
  Churn, CoverageTrend, DesilTransitions, PbiReactivation, PkhDuration, ProgramOverlap, ProposalFunnel,
  type ChurnGql, type CoverageTrendGql, type DesilTransitionsGql, type PbiReactivationGql, type PkhDurationGql,
  type ProgramOverlapGql, type ProposalFunnelGql,
} from './trends.type.js';

/** Trend analyses across versions: thin, every argument goes to `TrendsService`, which throws the typed errors. */
@Resolver()
export class TrendsResolver {
  @Authorized('AGGREGATES')
  @Query(() => CoverageTrend, {
    description:
      "A program's coverage (eligible recipients / eligible), leakage (ineligible recipients / recipients), inclusion and "
      + 'exclusion errors in a region per published version. NOT_FOUND for an unknown region or version, BAD_USER_INPUT '
      + 'when fromVersionId > toVersionId.',
  })
  async coverageTrend(@Args(() => CoverageTrendArgs) args: CoverageTrendArgs, @Ctx() { services }: AtlasContext): Promise<CoverageTrendGql> {
    return services.trends.coverageTrend(args);
  }

  @Authorized('AGGREGATES')
  @Query(() => Churn, {
    description:
      'Program entries and exits in a region between two versions, by reason and category, per step and over the span, '
      + 'with the recipients at both ends. BAD_USER_INPUT unless fromVersionId < toVersionId.',
  })
  async churn(@Args(() => ChurnArgs) args: ChurnArgs, @Ctx() { services }: AtlasContext): Promise<ChurnGql> {
    return services.trends.churn(args);
  }

  @Authorized('AGGREGATES')
  @Query(() => DesilTransitions, {
    description:
      'Desil transition matrix of families between two versions in a region (0 = not in DTSEN), with the shares staying, '
      + 'moving up and moving down. BAD_USER_INPUT unless fromVersionId < toVersionId.',
  })
  async desilTransitions(@Args(() => DesilTransitionsArgs) args: DesilTransitionsArgs, @Ctx() { services }: AtlasContext): Promise<DesilTransitionsGql> {
    return services.trends.desilTransitions(args);
  }

  @Authorized('AGGREGATES')
  @Query(() => ProgramOverlap, {
    description: 'Families per combination of programs received, by desil, in a region (kecamatan and above; BAD_USER_INPUT for a desa/kelurahan) and version.',
  })
  async programOverlap(@Args(() => ProgramOverlapArgs) args: ProgramOverlapArgs, @Ctx() { services }: AtlasContext): Promise<ProgramOverlapGql> {
    return services.trends.programOverlap(args);
  }

  @Authorized('AGGREGATES')
  @Query(() => ProposalFunnel, {
    description:
      'The proposals funnel of a version in a region (kabupaten/kota and above; BAD_USER_INPUT below): counts by status, '
      + 'path, kind or sub-region, with the median days from submission to decision.',
  })
  async proposalFunnel(@Args(() => ProposalFunnelArgs) args: ProposalFunnelArgs, @Ctx() { services }: AtlasContext): Promise<ProposalFunnelGql> {
    return services.trends.proposalFunnel(args);
  }

  @Authorized('AGGREGATES')
  @Query(() => PkhDuration, {
    description:
      "Recipients of a program with a membership limit (PKH) by the year their membership began, and how many reached the "
      + 'maximum years, in a region (kecamatan and above) and version. BAD_USER_INPUT for a program without a limit.',
  })
  async pkhDuration(@Args(() => PkhDurationArgs) args: PkhDurationArgs, @Ctx() { services }: AtlasContext): Promise<PkhDurationGql> {
    return services.trends.pkhDuration(args);
  }

  @Authorized('AGGREGATES')
  @Query(() => PbiReactivation, {
    description: 'PBI-JKN reactivation picture of a region at a version.',
  })
  async pbiReactivation(@Args(() => PbiReactivationArgs) args: PbiReactivationArgs, @Ctx() { services }: AtlasContext): Promise<PbiReactivationGql> {
    return services.trends.pbiReactivation(args);
  }
}
