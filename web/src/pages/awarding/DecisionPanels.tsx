import type { ComponentType } from 'react';
import type { Decision } from '../../types.ts';
import { RevocationPanel } from './RevocationPanel.tsx';
import { RewardsPanel } from './RewardsPanel.tsx';
import { SignaturePanel } from './SignaturePanel.tsx';
import { CertificatesPanel } from '../certificates/CertificatesPanel.tsx';
import { DecisionDocumentPanel } from '../documents/DocumentPanel.tsx';

/** What a panel below a decision receives: the decision as shown, and a refresh after an action changed it. */
export interface DecisionPanelProps {
  decision: Decision;
  refresh: () => Promise<unknown>;
}

/**
 * The panels under a decision's card, one per module that adds to a decision (documents, certificates, reward
 * money, revocation, signed copy). Each panel decides itself whether it shows (e.g. only once issued).
 */
const PANELS: { key: string; Panel: ComponentType<DecisionPanelProps> }[] = [
  { key: 'documents', Panel: DecisionDocumentPanel },
  { key: 'rewards', Panel: RewardsPanel },
  { key: 'revocation', Panel: RevocationPanel },
  { key: 'signatures', Panel: SignaturePanel },
  { key: 'certificates', Panel: CertificatesPanel },
];

export function DecisionPanels(props: DecisionPanelProps) {
  return (
    <>
      {PANELS.map(({ key, Panel }) => <Panel key={key} {...props} />)}
    </>
  );
}
