/**
 * Identity: users and staff profiles, roles and the permission policy, login, tokens, sessions,
 * lockout, rate limits, invitations, password reset, account requests and IP rules.
 */
package com.timetracker.identity;
