import { beforeEach, describe, expect, it } from 'vitest';
import { deferred, fakeServer, type Reply } from '../../test/server.ts';
import { TIMER_KEY, useTimer } from './timer.ts';

const INPUT = { project_id: 3, project_name: 'Website', task_id: null, task_name: null, description: 'Design' };
const ENTRY = { id: 41, user_id: 7, project_id: 3, project_name: 'Website', start_time: '2026-01-01T08:00:00Z', end_time: null, is_running: true };

beforeEach(() => {
  localStorage.clear();
  useTimer.getState().reset();
});

describe('the timer store', () => {
  it('starts optimistically and takes the server’s entry when it answers', async () => {
    const answer = deferred<Reply>();
    const calls = fakeServer(() => answer.promise);
    const started = useTimer.getState().start(7, INPUT);

    expect(useTimer.getState()).toMatchObject({ owner: 7, pending: 'start', entry: { id: -1, project_name: 'Website', is_running: true } });
    answer.resolve({ status: 201, body: ENTRY });
    await started;

    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/time/start', body: { project_id: 3, task_id: null, description: 'Design' } });
    expect(useTimer.getState()).toMatchObject({ pending: null, entry: { id: 41 } });
    expect(JSON.parse(localStorage.getItem(TIMER_KEY)!).state).toMatchObject({ owner: 7, entry: { id: 41 } });
  });

  it('rolls a refused start back and reports the server’s reason', async () => {
    fakeServer((call) =>
      call.url === '/api/time/start' ? { status: 400, body: { message: 'A timer is already running' } } : { status: 200, body: { is_running: false, current_entry: null } },
    );
    await expect(useTimer.getState().start(7, INPUT)).rejects.toMatchObject({ response: { status: 400 } });
    expect(useTimer.getState()).toMatchObject({ entry: null, pending: null });
  });

  it('stops optimistically and restores the entry when the stop fails', async () => {
    useTimer.setState({ owner: 7, entry: ENTRY as never });
    fakeServer((call) => (call.url === '/api/time/stop' ? 'network-error' : 'network-error'));
    const stopping = useTimer.getState().stop(7);
    expect(useTimer.getState().entry).toBeNull();
    await expect(stopping).rejects.toBeTruthy();
    expect(useTimer.getState().entry).toMatchObject({ id: 41 });
  });

  it('ignores a sync that was overtaken by a start', async () => {
    const syncAnswer = deferred<Reply>();
    fakeServer((call) => (call.url === '/api/time/timer' ? syncAnswer.promise : { status: 201, body: ENTRY }));
    const sync = useTimer.getState().sync(7);
    await useTimer.getState().start(7, INPUT);
    syncAnswer.resolve({ status: 200, body: { is_running: false, current_entry: null, elapsed_seconds: null } });
    await sync;
    expect(useTimer.getState().entry).toMatchObject({ id: 41 });
  });

  it('reloads a persisted timer only for its owner', async () => {
    localStorage.setItem(TIMER_KEY, JSON.stringify({ state: { owner: 7, entry: ENTRY }, version: 0 }));
    await useTimer.persist.rehydrate();
    expect(useTimer.getState()).toMatchObject({ owner: 7, entry: { id: 41 } });
  });
});
