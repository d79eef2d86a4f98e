import { describe, expect, it } from 'vitest';
import { findShortcut } from './shortcuts.ts';

function key(init: KeyboardEventInit, target?: HTMLElement) {
  const event = new KeyboardEvent('keydown', init);
  if (target) Object.defineProperty(event, 'target', { value: target });
  return event;
}

describe('keyboard shortcuts', () => {
  it('match Alt letters by key position, so Option+letter on macOS works', () => {
    expect(findShortcut(key({ altKey: true, code: 'KeyP', key: 'π' }))?.label).toBe('Go to Projects');
  });

  it('use Ctrl or ⌘ for the timer', () => {
    expect(findShortcut(key({ ctrlKey: true, code: 'KeyS', key: 's' }))?.label).toBe('Start the timer');
    expect(findShortcut(key({ metaKey: true, code: 'KeyE', key: 'e' }))?.label).toBe('Stop the timer');
  });

  it('leave typing alone, except for Ctrl/⌘ combinations', () => {
    const input = document.createElement('input');
    expect(findShortcut(key({ key: '?', shiftKey: true }, input))).toBeUndefined();
    expect(findShortcut(key({ altKey: true, code: 'KeyD' }, input))).toBeUndefined();
    expect(findShortcut(key({ ctrlKey: true, code: 'KeyE' }, input))?.label).toBe('Stop the timer');
    expect(findShortcut(key({ key: '?', shiftKey: true }))?.label).toBe('Show keyboard shortcuts');
  });

  it('ignore plain letters', () => {
    expect(findShortcut(key({ code: 'KeyD', key: 'd' }))).toBeUndefined();
  });
});
