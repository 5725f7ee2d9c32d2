// "What to take next": the hours still missing, as advice a person can act
// on: how many hours, for which component, what kind of course counts there,
// and by which date, all from the engine's output and the cycle's rules.
// Pure: returns data and sentences, the view draws them.

import { hours, longDate } from "../lib/format.mjs";

const WAYS = { in_person: "in person", live_virtual: "live virtual", distributive: "distributive" };

// components: [{id, name, nationalOnly, deliveries}] in the rules' order (deliveries:
// the ways of teaching that count there, or null for any); issuers: ["OEMS", "CAPCE"].
export function nextCourses(output, components, { issuers = [] } = {}) {
  const approved = issuers.length ? `with an ${issuers.join(" or ")} approval number` : "with an approval number";
  const lastDay = output.window?.last_day ?? null;
  const ceDeadline = output.deadlines?.ce_last_day ?? null;
  const passed = Boolean(ceDeadline && ceDeadline.passed);
  const items = [];
  for (const c of components) {
    const r = output.components[c.id];
    if (!r) continue;
    const remaining = Number(r.remaining);
    if (!(remaining > 0)) continue;
    const room = r.de_limit === null ? Infinity : Math.max(0, Number(r.de_limit) - Number(r.distributive));
    let kind;
    let how;
    if (c.deliveries && !c.deliveries.includes("distributive")) {
      // The component takes only some ways of teaching (e.g. 2018 Local: in person only).
      kind = "in_person";
      how = `taught ${c.deliveries.map((d) => WAYS[d]).join(" or ")} only (the guidance says why)`;
    } else if (room <= 0) {
      kind = "in_person";
      how = "taught in person or live virtual (distributive education no longer counts here)";
    } else if (room < remaining) {
      kind = "mostly_in_person";
      how = `at least ${hours(remaining - room)} of them taught in person or live virtual; up to ${hours(room)} may be distributive (self-paced or recorded)`;
    } else {
      kind = "any";
      how = "taught in any way: in person, live virtual or distributive (self-paced or recorded)";
    }
    const content = c.nationalOnly ? "covering National (NCCR) content" : "on any topic";
    const by = lastDay ? (passed ? ` The last day for them was ${longDate(lastDay)}.` : ` Take them by ${longDate(lastDay)}.`) : "";
    items.push({
      component: c.id,
      hours: remaining,
      kind,
      national: Boolean(c.nationalOnly),
      by: lastDay,
      text: `${c.name}: ${hours(remaining)} more, from courses ${content} ${approved}, ${how}.${by}`,
    });
  }
  const lost = Number(output.counted_if_unpinned) - Number(output.counted);
  const pins = lost > 0 ? `Before taking more, look at your choices under “Counts toward”: they keep ${hours(lost)} from counting. Letting the calculator decide counts them.` : null;
  return { items, pins, passed };
}
