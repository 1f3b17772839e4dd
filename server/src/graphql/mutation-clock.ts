import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * Counts the mutations this server has answered (counted as each answer is about to leave, after the mutation's
 * work committed). Part of the generation the services' memo of versions and regions follows (`app.ts`): on
 * PostgreSQL the notification of a publication's commit can arrive a moment after its answer, and a client that
 * asks for the latest version right after must not get the remembered one.
 */
export function createMutationClock<TContext extends BaseContext>(): { plugin: ApolloServerPlugin<TContext>; count(): number } {
  let mutations = 0;
  return {
    plugin: {
      requestDidStart: () =>
        Promise.resolve({
          willSendResponse: (requestContext) => {
            if (requestContext.operation?.operation === 'mutation') mutations += 1;
            return Promise.resolve();
          },
        }),
    },
    count: () => mutations,
  };
}
