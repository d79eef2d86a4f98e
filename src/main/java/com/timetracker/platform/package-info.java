/**
 * Platform: configuration under V1's variable names, embedded mode, the one error model, host
 * allow-list, CORS, security headers, request ids, health and version, hosting of the web app.
 */
package com.timetracker.platform;
