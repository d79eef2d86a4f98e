/**
 * Reporting: dashboards, time reports and admin analytics in the caller's time zone, report
 * templates, and scheduled reports that a scheduler runs once per due time and mails out.
 */
package com.timetracker.reporting;
