"""Formatting for people: Markdown prose, dates, money and hours, iCalendar text."""
