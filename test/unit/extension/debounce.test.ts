import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { KeyedDebouncer, type Timers } from '../../../src/extension/debounce';

/** Timers driven by hand: `advance(ms)` fires what is due, in order. */
function manualTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set: (fn, ms) => { const id = nextId++; pending.set(id, { at: now + ms, fn }); return id; },
    clear: (h) => { pending.delete(h as number); },
  };
  const advance = (ms: number): void => {
    const until = now + ms;
    for (;;) {
      const due = [...pending.entries()].filter(([, p]) => p.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      now = due[1].at;
      due[1].fn();
    }
    now = until;
  };
  return { timers, advance, pendingCount: () => pending.size };
}

describe('KeyedDebouncer', () => {
  test('a burst of changes within the delay runs once, after the last one', () => {
    const t = manualTimers();
    const runs: string[] = [];
    const d = new KeyedDebouncer<string>(300, (k) => runs.push(k), t.timers);
    for (let i = 0; i < 10; i++) { d.schedule('a'); t.advance(100); }
    assert.deepEqual(runs, []);
    t.advance(199);
    assert.deepEqual(runs, []);
    t.advance(1);
    assert.deepEqual(runs, ['a']);
  });

  test('keys are independent; cancel and dispose drop pending runs', () => {
    const t = manualTimers();
    const runs: string[] = [];
    const d = new KeyedDebouncer<string>(300, (k) => runs.push(k), t.timers);
    d.schedule('a');
    d.schedule('b', 0);
    d.schedule('c');
    d.cancel('c');
    assert.equal(d.isPending('a'), true);
    t.advance(0);
    assert.deepEqual(runs, ['b']);
    t.advance(300);
    assert.deepEqual(runs, ['b', 'a']);
    d.schedule('x');
    d.dispose();
    t.advance(1000);
    assert.deepEqual(runs, ['b', 'a']);
    assert.equal(t.pendingCount(), 0);
  });

  test('schedule returns at once (the caller never waits for the run)', () => {
    const t = manualTimers();
    let ran = false;
    const d = new KeyedDebouncer<string>(300, () => { ran = true; }, t.timers);
    d.schedule('a');
    assert.equal(ran, false);
  });
});
