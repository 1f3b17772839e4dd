// The reallocation plan by role: a role with person-level rows gets the families of the plan; a policy
// analyst (aggregates only) asks for the counts alone and sees a notice where the list would be.
import { screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { VIEWERS } from '../../../app/auth/__fixtures__/viewers';
import type { Viewer } from '../../../app/auth/access';
import { SessionContext } from '../../../app/auth/session';
import { lastRequest, renderWithApi, respondWith, setupViewTests } from '../../../test-support/render';
import { overPlanFixture } from '../__fixtures__/quota';
import { ReallocationPanel } from './ReallocationPanel';

setupViewTests();

const withoutUnits = {
  reallocationPlan: { ...overPlanFixture.reallocationPlan, removal: { ...overPlanFixture.reallocationPlan.removal, units: undefined } },
};

function renderAs(viewer: Viewer, ui: ReactElement) {
  return renderWithApi(
    <SessionContext.Provider value={{ viewer, signOut: () => undefined }}>{ui}</SessionContext.Provider>,
    respondWith({
      QuotaReallocationPlan: ({ variables }) => (variables['withUnits'] === false ? withoutUnits : overPlanFixture),
      ExclusionCriteria: { exclusionCriteria: [] },
    }),
    '/kuota?wilayah=32.01',
  );
}

const panel = (
  <ReallocationPanel
    programCode="PKH"
    versionId={3}
    nationalQuota={undefined}
    regencyCode="32.01"
    desilMin={1}
    desilMax={4}
    onClose={() => undefined}
    focusOnOpen={false}
    csvName={['kuota-pkh']}
  />
);

describe('ReallocationPanel by role', () => {
  it('lists the families of the plan for a role with person-level rows', async () => {
    const { requests } = renderAs(VIEWERS.REGIONAL_HEAD, panel);
    expect(await screen.findByTestId('quota-plan')).toBeTruthy();
    expect(lastRequest(requests, 'QuotaReallocationPlan')?.variables).not.toHaveProperty('withUnits');
    expect(screen.queryByTestId('quota-plan-hidden')).toBeNull();
  });

  it('shows a policy analyst the plan’s counts and a notice instead of the family list, without asking for it', async () => {
    const { requests } = renderAs(VIEWERS.POLICY_ANALYST, panel);
    const notice = await screen.findByTestId('quota-plan-hidden');
    expect(notice.textContent).toContain('Daftar keluarga dan individu tidak tersedia untuk peran Anda');
    expect(lastRequest(requests, 'QuotaReallocationPlan')?.variables).toMatchObject({ regencyCode: '32.01', withUnits: false });
    expect(screen.queryByTestId('quota-plan')).toBeNull();
    // The counts: quota, recipients, gap, and the removal steps by cause.
    const figures = screen.getByTestId('quota-detail').querySelector('dl');
    expect(figures?.textContent).toContain('177');
    expect(figures?.textContent).toContain('192');
    expect(within(screen.getByTestId('quota-removal-steps')).getAllByRole('listitem')).toHaveLength(4);
  });
});
