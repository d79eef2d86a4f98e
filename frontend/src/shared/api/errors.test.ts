import { AxiosError, type AxiosResponse } from 'axios';
import { describe, expect, it } from 'vitest';
import { messageOf } from './errors.ts';

const refusal = (status: number, data: unknown) =>
  new AxiosError('refused', AxiosError.ERR_BAD_REQUEST, undefined, null, { status, data, statusText: '', headers: {}, config: {} } as AxiosResponse);

describe('messageOf', () => {
  it('shows the password requirements once, whether or not the message already lists them', () => {
    const listed = refusal(400, { message: 'Password does not meet the requirements: A; B', details: { requirements: ['A', 'B'] } });
    expect(messageOf(listed)).toBe('Password does not meet the requirements: A; B');
    const bare = refusal(400, { message: 'Password does not meet the requirements', details: { requirements: ['A', 'B'] } });
    expect(messageOf(bare)).toBe('Password does not meet the requirements: A; B');
  });
});
