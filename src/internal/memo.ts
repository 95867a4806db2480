/**
 * One cached value, made again only when one of its inputs changed (compared by identity). The
 * elements derive several things per render that most renders leave as they were (the list's
 * view, ids, columns and row context; the merged strings; the client): each is one of these.
 */
export function memo<T>(): (inputs: readonly unknown[], make: () => T) => T {
  let last: readonly unknown[] | undefined;
  let value: T;
  return (inputs, make) => {
    if (!last || inputs.some((input, i) => input !== last![i])) {
      value = make();
      last = inputs;
    }
    return value;
  };
}
