// The quota list of a user limited to one kabupaten/kota: it asks for that kabupaten/kota alone (the API
// refuses them the province around it); everyone else lists the province or the nation as before.
import { screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { VIEWERS } from '../../../app/auth/__fixtures__/viewers';
import type { Viewer } from '../../../app/auth/access';
import { SessionContext } from '../../../app/auth/session';
import { lastRequest, renderWithApi, respondWith, setupViewTests } from '../../../test-support/render';
import { quotaRows, quotaStatusFixture } from '../__fixtures__/quota';
import { QuotaList, regencyScope } from './QuotaList';

setupViewTests();

const bogor = quotaRows.filter((row) => row.regency.code === '32.01');

function renderAs(viewer: Viewer | null, ui: ReactElement) {
  const wrapped = viewer ? <SessionContext.Provider value={{ viewer, signOut: () => undefined }}>{ui}</SessionContext.Provider> : ui;
  return renderWithApi(wrapped, respondWith({ QuotaStatusList: quotaStatusFixture(bogor, 1) }), '/kuota?wilayah=32.01');
}

const list = (
  <QuotaList
    programCode="PKH"
    versionId={3}
    nationalQuota={undefined}
    provinceCode="32"
    openRegency="32.01"
    regionName="Kabupaten Bogor"
    versionLabel="DTSEN 2025-Q3"
    programQuota={10_000_000}
    defaultQuota={null}
    csvName={['kuota']}
  />
);

describe('QuotaList by scope', () => {
  it('asks for the user’s own kabupaten/kota when they are limited to one', async () => {
    const { requests } = renderAs(VIEWERS.REGIONAL_HEAD, list);
    await screen.findByTestId('quota-table');
    expect(lastRequest(requests, 'QuotaStatusList')?.variables).toMatchObject({ provinceCode: '32', regencyCode: '32.01' });
  });

  it('lists the province for national users', async () => {
    const { requests } = renderAs(VIEWERS.NATIONAL_ANALYST, list);
    await screen.findByTestId('quota-table');
    expect(lastRequest(requests, 'QuotaStatusList')?.variables).not.toHaveProperty('regencyCode');
  });

  it('knows a kabupaten/kota scope from a province or the nation', () => {
    expect(regencyScope('32.01')).toBe('32.01');
    expect(regencyScope('32')).toBeNull();
    expect(regencyScope(null)).toBeNull();
  });
});
