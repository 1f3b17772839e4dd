import 'reflect-metadata';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { RegionLevel } from '../../generated/prisma/sqlite/enums.js';

export { RegionLevel };

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'Administrative level of a region (Kemendagri hierarchy).',
  valuesConfig: {
    NATION: { description: 'Nation (Indonesia), code "ID"; the root of the tree.' },
    PROVINCE: { description: 'Province (provinsi), 38 regions, code like "32".' },
    REGENCY: { description: 'Regency or city (kabupaten/kota), 514 regions, code like "32.01".' },
    DISTRICT: { description: 'District (kecamatan), 7,285 regions, code like "32.01.01".' },
    VILLAGE: { description: 'Village (desa/kelurahan), 83,762 regions, code like "32.01.01.2001".' },
  },
});

/** A region as the service hands it to the API (no denormalised columns). */
export interface RegionView {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

@ObjectType('Region', {
  description: 'A region of Indonesia at any level (nation, province, kabupaten/kota, kecamatan, desa/kelurahan).',
})
export class Region implements RegionView {
  @Field(() => ID, {
    description: 'Kemendagri code, dotted ("32", "32.01", "32.01.01", "32.01.01.2001"); "ID" for the nation.',
  })
  code!: string;

  @Field(() => String, { description: 'Official name as published by Kemendagri, e.g. "Kabupaten Bogor".' })
  name!: string;

  @Field(() => RegionLevel, { description: 'Administrative level of this region.' })
  level!: RegionLevel;

  @Field(() => ID, { nullable: true, description: 'Code of the parent region; null only for the nation.' })
  parentCode!: string | null;
}
