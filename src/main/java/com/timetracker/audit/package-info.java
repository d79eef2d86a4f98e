/**
 * Audit: the one audit trail (V1's {@code audit_logs} table), written from the events other modules
 * publish for every security and data change, and readable by admins.
 */
package com.timetracker.audit;
