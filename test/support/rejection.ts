/** The reason `promise` rejects with; fails the test when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}

/** A fresh signal nobody aborts, for calls whose cancellation is not under test. */
export function liveSignal(): AbortSignal {
  return new AbortController().signal;
}
