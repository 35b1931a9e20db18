import type { App } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api.ts';
import { groupVi } from '../../../../src/shared/vn-format.ts';

type HookAPI = ReturnType<typeof App.useApp>['modal'];

/**
 * Sends an issue; when the server answers FUND_EXCEEDED (the reward money exceeds what is left of the authority's
 * fund), shows the figures and, once the user confirms, sends it again accepting the warning. Null: not confirmed.
 */
export async function withFundWarning<T>(modal: HookAPI, t: TFunction, send: (acceptFundWarning: boolean) => Promise<T>): Promise<T | null> {
  try {
    return await send(false);
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'FUND_EXCEEDED') throw e;
    const d = e.details as { year: number; budget: number; committed: number; available: number; thisDecision: number; remaining: number };
    const confirmed = await modal.confirm({
      title: t('rewards.fundExceededTitle', { year: d.year }),
      content: t('rewards.fundExceededText', { budget: groupVi(d.budget), committed: groupVi(d.committed), available: groupVi(d.available), thisDecision: groupVi(d.thisDecision), shortfall: groupVi(-d.remaining) }),
      okText: t('rewards.issueAnyway'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'fund-accept' } },
    });
    return confirmed ? send(true) : null;
  }
}
