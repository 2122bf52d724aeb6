// ESC Local's providers and rotators (the Node side of the provider catalogue): the loader the
// engine evaluates with, the local implementations, fixtures, and the generators of secrets.

export { createProviderLoader, type ProviderLoaderOptions } from './loader';
export { Fixtures, loadFixtures, parseFixtures, type FixtureCase, type LoadedFixtures } from './fixtures';
export { FIXTURES_FILE, NotAvailableLocally } from './messages';
export { LOCAL_PROVIDERS } from './localProviders';
export { rotatesLocally } from './rotators';
export { generatePassphrase, generatePassword, wordCount } from './generators';
export { secureRandom, type RandomSource } from './random';
