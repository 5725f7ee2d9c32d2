// The form's own checks, GOV.UK style: what is missing or cannot be read,
// said in plain words, with the engine's own limits (values.mjs). Whether a
// course counts (window, approval, components) the engine judges, so its rules
// live in one place.

import { isRealDate } from "../lib/format.mjs";
import { DATE_FORMATS, DEFAULT_LIMITS, parseDate } from "./values.mjs";

const NUMBER = /^(\d+(\.\d*)?|\.\d+)$/;

// course: page row; number: its position (1-based).
export function checkCourse(course, number, limits = DEFAULT_LIMITS) {
  const errors = [];
  const dateText = String(course.date ?? "").trim();
  const date = parseDate(dateText);
  if (!dateText) errors.push({ field: "date", message: `Enter the date you took course ${number}` });
  else if (!date) errors.push({ field: "date", message: `Date you took course ${number} must be a real date, like ${DATE_FORMATS}` });
  else {
    const year = Number(date.slice(0, 4));
    if (year < limits.minYear || year > limits.maxYear) {
      errors.push({ field: "date", message: `Date you took course ${number} is in the year ${year}: check the year` });
    }
  }
  const hours = String(course.hours ?? "").trim();
  if (!hours) errors.push({ field: "hours", message: `Enter the hours for course ${number}` });
  else if (!NUMBER.test(hours)) errors.push({ field: "hours", message: `Hours for course ${number} must be a number, like 2 or 1.5` });
  else if (Number(hours) <= 0) errors.push({ field: "hours", message: `Hours for course ${number} must be more than 0` });
  else if (Number(hours) > limits.maxHours) errors.push({ field: "hours", message: `Hours for course ${number} must be ${limits.maxHours} or less: no single course is longer` });
  else if ((hours.split(".")[1] || "").replace(/0+$/, "").length > limits.hourPlaces) {
    errors.push({ field: "hours", message: `Hours for course ${number} can have at most ${limits.hourPlaces} decimal places, like 1.25` });
  }
  if ([...String(course.title ?? "")].length > limits.maxTitle) {
    errors.push({ field: "title", message: `Title of course ${number} must be ${limits.maxTitle} characters or fewer` });
  }
  return errors;
}

export function checkProfile(profile, needsLastRecertified, dateUnreadable = false) {
  if (!needsLastRecertified) return [];
  if (dateUnreadable || (profile.last_recertified && !isRealDate(profile.last_recertified))) {
    return [{ field: "last_recertified", message: "Date of your last recertification must be a real date" }];
  }
  if (!profile.last_recertified) {
    return [{ field: "last_recertified", message: "Enter the date of your last recertification" }];
  }
  return [];
}
