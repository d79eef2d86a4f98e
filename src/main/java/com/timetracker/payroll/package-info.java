/**
 * Payroll: pay rates and their history, payroll periods, entries, adjustments and payroll reports.
 */
package com.timetracker.payroll;
