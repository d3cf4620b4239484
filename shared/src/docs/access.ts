// The document access rule lives with the one scoping rule in access/; re-exported here for existing imports.
export { type DocAccessDecision, decideDocAccess, decideLeadDocAccess } from '../access/docs.ts';
