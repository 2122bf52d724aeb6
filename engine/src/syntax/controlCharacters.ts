// The characters libyaml's reader refuses. It accepts TAB, LF, CR, printable ASCII, NEL,
// U+00A0–U+D7FF, U+E000–U+FFFD and U+10000 and up.

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

/** Returns the offset of the first character libyaml refuses in `[start, end)` of `text`, or -1. */
export function firstControlCharacter(text: string, start = 0, end = text.length): number {
  const m = CONTROL.exec(start === 0 && end === text.length ? text : text.slice(start, end));
  return m === null ? -1 : start + m.index;
}
