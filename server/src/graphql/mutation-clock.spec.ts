import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { createMutationClock } from './mutation-clock.js';

describe('createMutationClock', () => {
  it('counts answered mutations, whether they succeed or fail, and nothing else', async () => {
    const clock = createMutationClock();
    const server = new ApolloServer({
      typeDefs: 'type Query { n: Int } type Mutation { bump: Int, fail: Int }',
      resolvers: { Query: { n: () => 1 }, Mutation: { bump: () => 2, fail: () => { throw new Error('no'); } } },
      plugins: [clock.plugin],
    });
    await server.start();
    try {
      await server.executeOperation({ query: '{ n }' });
      await server.executeOperation({ query: '{ n ' }); // does not parse: no operation
      expect(clock.count()).toBe(0);
      await server.executeOperation({ query: 'mutation { bump }' });
      expect(clock.count()).toBe(1);
      // A failed field may still have written before it failed: counted.
      await server.executeOperation({ query: 'mutation { fail }' });
      expect(clock.count()).toBe(2);
      await server.executeOperation({ query: '{ n }' });
      expect(clock.count()).toBe(2);
    } finally {
      await server.stop();
    }
  });
});
