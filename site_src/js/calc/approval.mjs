// What an approval number says about how a course was taught, as the engine
// reads it (recert_engine/classify.py: approval_code): the first dash-separated
// part that is a delivery code, T1-T5 (OEMS) or F1-F5 (CAPCE) (the engine's
// vocabulary), or any code the cycle's rules list. Which codes are
// distributive education (DE), and which source says so, comes from the
// cycle's rules (#calculator[data-distributive-codes, data-other-codes] and
// their -source attributes).

import { APPROVAL_CODES } from "../vocabulary.mjs";

export function approvalCode(approval, knownCodes = []) {
  for (const part of String(approval ?? "").split("-")) {
    const segment = part.trim().toUpperCase();
    if (APPROVAL_CODES.includes(segment) || knownCodes.includes(segment)) return segment;
  }
  return null;
}

// -> null when the number holds no code; otherwise {code, distributive, delivery, text, source}.
// `source`: the id of the source that says so. A DE code's is the DE codes'
// source; a code the rules list as not DE, the approval rules' source (2018:
// the flyer lists those); any other code is not DE only because the DE codes'
// source does not name it.
export function taughtByCode(approval, { distributive = [], other = [], distributiveSource = null, otherSource = null } = {}) {
  const code = approvalCode(approval, [...distributive, ...other]);
  if (!code) return null;
  const de = distributive.includes(code);
  return {
    code,
    distributive: de,
    delivery: de ? "distributive" : null,
    text: de ? `Code ${code}: distributive (DE)` : `Code ${code}: not distributive`,
    source: !de && other.includes(code) ? otherSource : distributiveSource,
  };
}
