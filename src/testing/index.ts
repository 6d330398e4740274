// The contract suites adapters pass, for the authors of new ones (`handrail/testing`).
export { type AgentDeskHarness, type ContractRunner, testAgentDesk } from './agent-desk-contract.js';
export {
  makeConversation,
  makeDelivery,
  type StoreContractTestApi,
  type StoreUnderTest,
  testStoreContract,
} from './store-contract.js';
