// UI scenario: the esc language mode and the grammar's colours as the workbench renders them.
import { openFile, waitForLanguageMode, waitForLineTokens } from '../lib/workbench.mjs';

/**
 * Runs the checks of this scenario.
 * @param {import('./run.mjs').ScenarioContext} ctx
 */
export async function run({ page, check, screenshot }) {
  await check('app.esc.yaml opens in language mode Pulumi ESC', async () => {
    await openFile(page, 'app.esc.yaml');
    await waitForLanguageMode(page, 'Pulumi ESC');
  });

  await check('interpolation tokens are coloured apart from the string around them', async () => {
    // Ready when the `$` opening the interpolation and the property `name` each have a colour other
    // than the plain text "hello ". (Bracket pair colouring renders `{` as a span of its own, so `${`
    // is not one span.)
    const tokens = await waitForLineTokens(page, 'greeting: hello ${name}', (ts) => {
      const color = (/** @type {string} */ t) => (ts.find((x) => x.text.includes(t)) ?? { color: '' }).color;
      const text = color('hello');
      return text !== '' && ['$', 'name'].every((t) => color(t) !== '' && color(t) !== text);
    });
    await screenshot('esc-interpolation');
    const dollar = tokens.find((t) => t.text.includes('$'));
    const plain = tokens.find((t) => t.text.includes('hello'));
    if (!dollar || !plain || dollar.color === plain.color) throw new Error(`tokens: ${JSON.stringify(tokens)}`);
  });

  await check('plain.yaml stays in language mode YAML, without interpolation colours', async () => {
    await openFile(page, 'plain.yaml');
    await waitForLanguageMode(page, 'YAML');
    // The same text as in app.esc.yaml renders as one uniformly coloured YAML string here.
    const tokens = await waitForLineTokens(page, 'greeting: hello ${name}', (ts) => {
      const value = ts.filter((t) => /hello|\$\{|name\}/.test(t.text));
      return value.length > 0 && value.every((t) => t.color !== '' && t.color === value[0].color) && ts.some((t) => t.text.includes('greeting') && t.color !== value[0].color);
    });
    await screenshot('plain-yaml');
    if (tokens.length === 0) throw new Error('no tokens');
  });
}
