/**
 * Type-level checks of the client–edge contract, run by `tsc -p client` (nothing here runs).
 * If `hc<App>` ever lost its types (a route declared so that its path widens to `string`, or
 * an answer typed `any`), these lines stop compiling.
 */
import { call, edge, publicEdge } from './rpc.ts';

type IsNever<T> = [T] extends [never] ? true : false;
type IsAny<T> = 0 extends 1 & T ? true : false;
type Answer<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

const outstanding = () => call(edge.payments.outstanding.$get({ query: {} }));
const quote = (id: string) => call(edge.quotes[':id'].$get({ param: { id } }));
const shared = (token: string) => call(publicEdge.public.quotes[':token'].$get({ param: { token } }));
const inbox = () => call(edge.inbox.conversations.$get({ query: { filter: 'all' } }));
const vendors = () => call(edge.vendors.$get({ query: {} }));

export const contractChecks = {
  answersAreTyped: [false, false, false, false] satisfies [
    IsNever<Answer<typeof outstanding>>,
    IsAny<Answer<typeof outstanding>>,
    IsAny<Answer<typeof quote>['quote']>,
    IsAny<Answer<typeof shared>>,
  ],
  keysAreChecked: ['outstandingMinor', 'code', 'windowOpen', 'code'] satisfies [
    keyof Answer<typeof outstanding>['events'][number],
    keyof Answer<typeof quote>['quote'],
    keyof Answer<typeof inbox>['conversations'][number],
    keyof Answer<typeof vendors>['vendors'][number],
  ],
  unknownPathsFail: () => {
    // @ts-expect-error the edge has no such path
    void edge.payments.outstandng;
    // @ts-expect-error a path parameter is required
    void edge.quotes[':id'].$get({});
  },
};
