/**
 * One cached value, made again only when one of its inputs changed (compared by identity). The
 * list derives several things per render (the view, its ids, the columns, what every row shares)
 * that most renders leave as they were; each is one of these.
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
