import 'reflect-metadata';
import { Field, ObjectType } from 'type-graphql';
import { BadUserInputError } from './errors.js';

/**
 * Relay cursor connections (https://relay.dev/graphql/connections.htm), shared by every paginated list of the API:
 * the `PageInfo` type and opaque cursors over a numeric key. A cursor is the base64 of the decimal key; clients must
 * treat it as opaque.
 */
@ObjectType('PageInfo', { description: 'Where a page of a Relay cursor connection lies in the whole result.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow the last item of this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when items precede the first item of this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of this page; null when the page is empty.' })
  endCursor!: string | null;
}

/** The opaque cursor of a numeric key: base64 of its decimal digits. */
export function encodeIdCursor(id: number): string {
  return Buffer.from(String(id), 'utf8').toString('base64');
}

/**
 * The key a cursor stands for; `BadUserInputError` on `argument` when the cursor was not made by
 * {@link encodeIdCursor} (not base64, not a positive safe integer, or not in canonical form).
 */
export function decodeIdCursor(cursor: string, argument: string): number {
  const text = /^[A-Za-z0-9+/]+={0,2}$/u.test(cursor) ? Buffer.from(cursor, 'base64').toString('utf8') : '';
  const id = /^[1-9][0-9]{0,15}$/u.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(id) || encodeIdCursor(id) !== cursor) {
    throw new BadUserInputError(argument, `"${cursor}" is not a cursor of this connection: pass a cursor the API returned`);
  }
  return id;
}
