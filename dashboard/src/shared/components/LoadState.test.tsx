// Errors in a view's load state: an access error from the API is a notice (outside your region, with a
// link back; not for your role), any other error an alert with a retry.
import { fireEvent, screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { renderWithApi, respondWith, setupViewTests } from '../../test-support/render';
import { LoadState } from './LoadState';

setupViewTests();

const forbidden = (extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [new GraphQLError('Forbidden', { extensions: { code: 'FORBIDDEN', ...extensions } })] });

const regionPath = { RegionPath: { region: { __typename: 'Region', code: '32.01', name: 'Kabupaten Bogor', level: 'REGENCY', childCount: 40, parent: null } } };

describe('LoadState errors', () => {
  it('says a region is outside the user’s region, with a link back to theirs', async () => {
    renderWithApi(
      <LoadState fetching={false} hasData={false} error={forbidden({ reason: 'OUT_OF_SCOPE', regionCode: '32.02', scope: '32.01' })} />,
      respondWith(regionPath),
      '/desil?wilayah=32.02',
    );
    const notice = screen.getByTestId('out-of-scope');
    expect(notice.textContent).toContain('Wilayah ini di luar wilayah Anda.');
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(await within(notice).findByRole('link', { name: 'Kembali ke Kabupaten Bogor' }));
    expect(window.location.search).toBe('?wilayah=32.01');
  });

  it('says data is not for the user’s role rather than offering a retry', () => {
    renderWithApi(<LoadState fetching={false} hasData={false} error={forbidden({ reason: 'MISSING_RIGHT', right: 'PERSON_ROWS' })} retry={() => undefined} />, respondWith({}));
    expect(screen.getByTestId('not-for-role').textContent).toContain('Tidak tersedia untuk peran Anda.');
    expect(screen.queryByRole('button', { name: 'Coba lagi' })).toBeNull();
  });

  it('shows any other error with its message and a retry', () => {
    renderWithApi(<LoadState fetching={false} hasData={false} error={new Error('[Network] Failed to fetch')} retry={() => undefined} />, respondWith({}));
    expect(screen.getByRole('alert').textContent).toContain('Failed to fetch');
    expect(screen.getByRole('button', { name: 'Coba lagi' })).toBeTruthy();
  });
});
