import { SUFFIX } from './split/name-shape.ts';

/** The surname of a displayed name: its last token before any suffix ("King" for "Martin Luther King Jr."). */
export function surnameOf(name: string): string {
  const tokens = name.replace(/,(?= )/g, '').split(' ');
  while (tokens.length > 1 && SUFFIX.test(tokens[tokens.length - 1] ?? '')) tokens.pop();
  return tokens[tokens.length - 1] ?? name;
}
