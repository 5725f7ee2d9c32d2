// "Find your cycle": which published cycle matches a level and the expiration
// date on a person's card. Pure; site_src/js/finder-page.mjs draws the answer.
// A person is only ever sent to the cycle for their own card's date: another
// year's rules could cost them their certification.

// cycles: [{level, expires (YYYY-MM-DD), href, title}]
// answer: {level, expires, unknown}; `isRealDate` checks a YYYY-MM-DD text.
export function findCycle(cycles, { level, expires, unknown }, isRealDate) {
  const errors = [];
  if (!level) errors.push({ field: "level", message: "Choose your level" });
  if (!unknown) {
    if (!expires) errors.push({ field: "expires", message: "Enter the expiration date on your card, or tick “I don’t know my expiration date”" });
    else if (!isRealDate(expires)) errors.push({ field: "expires", message: "Enter a real date, for example 3 31 2026" });
  }
  if (errors.length) return { kind: "errors", errors };

  const ofLevel = cycles.filter((c) => c.level === level);
  if (!ofLevel.length) return { kind: "missing", level, expires: unknown ? null : expires };
  if (unknown) return { kind: "unknown", cycles: ofLevel };
  const exact = ofLevel.find((c) => c.expires === expires);
  if (exact) return { kind: "found", cycle: exact };
  // Same cycle year, another day: close, but not certainly the same rules.
  const sameYear = ofLevel.find((c) => c.expires.slice(0, 4) === expires.slice(0, 4));
  if (sameYear) return { kind: "other_day", cycle: sameYear, expires };
  return { kind: "missing", level, expires };
}
