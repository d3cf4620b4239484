import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { expect } from 'vitest';

// happy-dom has no FontFaceSet; Mantine's autosize Textarea listens on it for fonts loading.
if (typeof document !== 'undefined' && !('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: new EventTarget() });

/**
 * Renders a form as the app does (Mantine without transitions or portals, React Query, a router),
 * for Testing Library tests. `cached` seeds query answers the form's pickers read (key → data), so
 * the test needs no server; anything not seeded is never fetched.
 */
export function renderForm(ui: ReactNode, cached: [readonly unknown[], unknown][] = []) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY, enabled: false } },
  });
  for (const [key, data] of cached) queryClient.setQueryData(key, data);
  const user = userEvent.setup({ delay: null });
  const view = render(
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>{ui}</MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...view, user };
}

/** Records each call of a form's `submit`, answering with `answer` (or throwing what it throws). */
export function recorder<A, R>(answer: (arg: A) => R | Promise<R>) {
  const calls: A[] = [];
  const submit = async (arg: A): Promise<R> => {
    calls.push(arg);
    return answer(arg);
  };
  return { calls, submit };
}

/** An answer the test lets go when it chooses (`recorder(answer)`), to press again while the first is on its way. */
export function held() {
  let release: () => void = () => {};
  const answer = () => new Promise<void>((resolve) => (release = resolve));
  return { answer, release: () => release() };
}

/**
 * Presses a form's send button twice while the first send is still on its way, checks that one
 * request went and the button is held, then lets the answer go (`answer`).
 */
export async function clickTwiceWhileHeld(
  user: ReturnType<typeof userEvent.setup>,
  button: HTMLElement,
  sent: readonly unknown[],
  answer: () => void,
) {
  await user.click(button);
  await user.click(button);
  expect(sent).toHaveLength(1);
  expect(button.hasAttribute('disabled')).toBe(true);
  answer();
}
