/**
 * Exports: a streaming table writer (CSV, XLSX, PDF) that other modules reuse, and the time-entry
 * download endpoints ({@code /api/export/*}, {@code /api/reports/export}) that stream rows from PostgreSQL.
 */
package com.timetracker.exports;
