import DataLoader from 'dataloader';
import type { ProposalService } from './proposal.service.js';
import type { ProposalStatusChangeView } from './proposal.type.js';

/** Per-request loaders of proposals: one query per batch, never one per proposal. */
export interface ProposalLoaders {
  /** Status history of a proposal, oldest first. */
  proposalHistory: DataLoader<number, ProposalStatusChangeView[]>;
}

export function createProposalLoaders(service: ProposalService): ProposalLoaders {
  return { proposalHistory: new DataLoader((ids) => service.getHistoriesByProposalIds(ids)) };
}
