// yaml.v3's timestamp recognition: Go's time.Parse with the four layouts yaml.v3 allows. Timestamps
// stay strings in ESC, so this only decides whether an explicit `!!timestamp` tag matches.

// Layouts "2006-1-2T15:4:5.999999999Z07:00" (also with 't'), "2006-1-2 15:4:5.999999999", "2006-1-2".
const WITH_ZONE = /^(\d{4})-(\d\d?)-(\d\d?)[Tt](\d\d?):(\d\d?):(\d\d?)(?:[.,]\d+)?(?:Z|[+-](\d\d):(\d\d))$/;
const WITHOUT_ZONE = /^(\d{4})-(\d\d?)-(\d\d?) (\d\d?):(\d\d?):(\d\d?)(?:[.,]\d+)?$/;
const DATE_ONLY = /^(\d{4})-(\d\d?)-(\d\d?)$/;

/** Reports whether yaml.v3 would parse `s` as a timestamp. */
export function isYamlTimestamp(s: string): boolean {
  const m = WITH_ZONE.exec(s) ?? WITHOUT_ZONE.exec(s) ?? DATE_ONLY.exec(s);
  if (!m) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, zoneHour = 0, zoneMinute = 0] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
  if (month < 1 || month > 12) return false;
  if (day < 1 || day > daysIn(month, year)) return false;
  if (hour >= 24 || minute >= 60 || second >= 60) return false;
  return zoneHour <= 24 && zoneMinute <= 60;
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}
