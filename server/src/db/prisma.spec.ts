import { describe, expect, it } from 'vitest';
import { pgBaseUrl } from './postgres-admin.js';
import { createPrismaClient, serverSessionOptions } from './prisma.js';

/** `SHOW jit` on a connection of the server's Prisma client for `url`. */
async function jitOf(url: string): Promise<string> {
  const prisma = createPrismaClient({ provider: 'postgresql', url });
  try {
    const [row] = await prisma.$queryRawUnsafe<{ jit: string }[]>('SHOW jit');
    return row!.jit;
  } finally {
    await prisma.$disconnect();
  }
}

describe('the server’s PostgreSQL sessions', () => {
  it('run with JIT compilation off, unless the database URL sets its own options', async () => {
    const base = pgBaseUrl();
    expect(await jitOf(base)).toBe('off');
    const own = new URL(base);
    own.searchParams.set('options', '-c jit=on');
    expect(serverSessionOptions(own.toString())).toEqual({});
    expect(await jitOf(own.toString())).toBe('on');
  });
});
