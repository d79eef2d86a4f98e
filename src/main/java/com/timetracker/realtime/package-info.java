/**
 * Realtime: V1's WebSocket ({@code /api/ws/ws?token=}) — who is working now and live changes to
 * tracked time, fanned out across app nodes over Redis pub/sub and scoped by team.
 */
package com.timetracker.realtime;
