// The form's own checks, GOV.UK style: what is missing or cannot be read,
// said in plain words. Everything else (limits, window, approval) the engine
// judges, so its rules live in one place.

import { isRealDate } from "../lib/format.mjs";

const NUMBER = /^(\d+(\.\d*)?|\.\d+)$/;

// course: page row; number: its position (1-based); dateUnreadable: the
// browser's date box holds something that is not a whole date.
export function checkCourse(course, number, dateUnreadable = false) {
  const errors = [];
  if (dateUnreadable) errors.push({ field: "date", message: `Date you took course ${number} must be a real date` });
  else if (!course.date) errors.push({ field: "date", message: `Enter the date you took course ${number}` });
  else if (!isRealDate(course.date)) errors.push({ field: "date", message: `Date you took course ${number} must be a real date` });
  const hours = course.hours.trim();
  if (!hours) errors.push({ field: "hours", message: `Enter the hours for course ${number}` });
  else if (!NUMBER.test(hours)) errors.push({ field: "hours", message: `Hours for course ${number} must be a number, like 2 or 1.5` });
  else if (Number(hours) <= 0) errors.push({ field: "hours", message: `Hours for course ${number} must be more than 0` });
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
