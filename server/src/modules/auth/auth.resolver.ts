import 'reflect-metadata';
import { Ctx, Query, Resolver } from 'type-graphql';
import { ROLE_RIGHTS } from '../../domain/access.js';
import type { AtlasContext } from '../../graphql/context.js';
import { toViewer, Viewer } from './auth.type.js';

@Resolver(() => Viewer)
export class AuthResolver {
  @Query(() => Viewer, { nullable: true, description: 'The signed-in user and their rights; null without a valid API token.' })
  me(@Ctx() { principal, smallCellThreshold }: AtlasContext): Viewer | null {
    return principal ? toViewer(principal, ROLE_RIGHTS[principal.role], smallCellThreshold) : null;
  }
}
