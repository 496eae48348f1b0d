import { organisationCost, personNameCost, SUFFIX } from './split/name-shape.ts';

/** The surname of a displayed name: its last token before any suffix ("King" for "Martin Luther King Jr."). */
export function surnameOf(name: string): string {
  const tokens = name.replace(/,(?= )/g, '').split(' ');
  while (tokens.length > 1 && SUFFIX.test(tokens[tokens.length - 1] ?? '')) tokens.pop();
  return tokens[tokens.length - 1] ?? name;
}

/** True for a name that reads as an organisation ("Google DeepMind", "Gemini Team", "OpenAI"), not a person. */
export function isOrganisation(name: string): boolean {
  return !name.includes(' ') || organisationCost(name) <= Math.min(1, personNameCost(name) + 0.5);
}

/** What a name files under in an A–Z list: a person's surname, an organisation's whole name. */
export function filingNameOf(name: string): string {
  return isOrganisation(name) ? name : surnameOf(name);
}
