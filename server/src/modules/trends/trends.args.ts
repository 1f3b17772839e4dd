import 'reflect-metadata';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { ProgramCode } from '../program/program.enums.js';
import { NATION_CODE } from '../region/region.logic.js';
import { ProposalFunnelGroupBy } from './trends.enums.js';

const REGION = (levels: string) => ({
  nullable: true,
  defaultValue: NATION_CODE,
  description: `Region code; "ID" (the default) is the nation. Levels: ${levels}.`,
});
const VERSION = { nullable: true, description: 'Version id; defaults to the latest published version.' };

@ArgsType()
export class CoverageTrendArgs {
  @Field(() => ID, REGION('any'))
  regionCode?: string | null;

  @Field(() => ProgramCode, { description: 'The program.' })
  programCode!: ProgramCode;

  @Field(() => Int, { nullable: true, description: 'First version of the range (inclusive); defaults to the first published version.' })
  fromVersionId?: number | null;

  @Field(() => Int, { nullable: true, description: 'Last version of the range (inclusive); defaults to the latest published version.' })
  toVersionId?: number | null;
}

@ArgsType()
export class ChurnArgs {
  @Field(() => ID, REGION('any'))
  regionCode?: string | null;

  @Field(() => ProgramCode, { description: 'The program.' })
  programCode!: ProgramCode;

  @Field(() => Int, { nullable: true, description: 'Earlier version (exclusive start of the span); defaults to the version before `toVersionId`.' })
  fromVersionId?: number | null;

  @Field(() => Int, { description: 'Later version (inclusive end of the span); must be after `fromVersionId`.' })
  toVersionId!: number;
}

@ArgsType()
export class DesilTransitionsArgs {
  @Field(() => Int, { description: 'Earlier version.' })
  fromVersionId!: number;

  @Field(() => Int, { description: 'Later version; must be after `fromVersionId` (any two versions, not only consecutive ones).' })
  toVersionId!: number;

  @Field(() => ID, REGION('any'))
  regionCode?: string | null;
}

@ArgsType()
export class ProgramOverlapArgs {
  @Field(() => Int, VERSION)
  versionId?: number | null;

  @Field(() => ID, REGION('nation, province, kabupaten/kota, kecamatan (not desa/kelurahan)'))
  regionCode?: string | null;
}

@ArgsType()
export class ProposalFunnelArgs {
  @Field(() => Int, { nullable: true, description: 'Version of submission; defaults to the latest published version.' })
  versionId?: number | null;

  @Field(() => ID, REGION('nation, province, kabupaten/kota'))
  regionCode?: string | null;

  @Field(() => ProposalFunnelGroupBy, {
    nullable: true,
    defaultValue: ProposalFunnelGroupBy.STATUS,
    description: 'Grouping of the funnel (default STATUS). SUB_REGION needs the nation or a province.',
  })
  groupBy?: ProposalFunnelGroupBy | null;
}

@ArgsType()
export class PkhDurationArgs {
  @Field(() => Int, VERSION)
  versionId?: number | null;

  @Field(() => ID, REGION('nation, province, kabupaten/kota, kecamatan (not desa/kelurahan)'))
  regionCode?: string | null;

  @Field(() => ProgramCode, {
    nullable: true,
    defaultValue: ProgramCode.PKH,
    description: 'A program with a membership limit (default PKH, the only one by decree).',
  })
  programCode?: ProgramCode | null;
}

@ArgsType()
export class PbiReactivationArgs {
  @Field(() => Int, VERSION)
  versionId?: number | null;

  @Field(() => ID, REGION('any'))
  regionCode?: string | null;
}
