import { describe, expect, it } from 'vitest';
import { junitReport } from '../../src/conformance/junit.ts';
import { selectedBy } from '../../src/conformance/replayer.ts';
import { differences } from '../../src/conformance/view-diff.ts';

describe('the replayer, part by part', () => {
  it('names each differing field by its path', () => {
    expect(differences({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [1, 2] } })).toEqual([]);
    expect(differences({ state: 'x', money: { refunded: 5 }, deadlines: ['a', 'b'] }, { state: 'y', money: { refunded: 0 }, deadlines: ['a'], extra: true })).toEqual([
      'state: expected "x", got "y"',
      'money.refunded: expected 5, got 0',
      'deadlines[1]: expected "b", missing',
      'extra: expected nothing, got true',
    ]);
    expect(differences([1], [1, { long: 'z'.repeat(300) }], 'd')[0]).toMatch(/^d\[1\]: not expected, got \{"long":"z+\.\.\.$/);
    expect(differences(null, { a: 1 })).toEqual(['the value: expected null, got {"a":1}']);
  });

  it('selects paths by id, by the start of ids, or by a segment', () => {
    const ids = ['shortest/domestic/1', 'shortest/domestic/10', 'transition/domestic/1', 'transition/switch-first/2'];
    const pick = (...f: string[]) => ids.filter((id) => selectedBy(f)({ id }));
    expect(pick()).toEqual(ids);
    expect(pick('shortest/domestic/1')).toEqual(['shortest/domestic/1']);
    expect(pick('shortest/domestic')).toEqual(['shortest/domestic/1', 'shortest/domestic/10']);
    expect(pick('switch-first', 'transition/domestic/')).toEqual(['transition/domestic/1', 'transition/switch-first/2']);
    expect(pick('domestic/1')).toEqual([]);
  });

  it('writes JUnit XML that escapes what it quotes', () => {
    const xml = junitReport('order@1 paths', [
      { id: 'a/b/1', variant: 'b', kind: 'a', passed: true, steps: 1, timerSteps: 0, durationMs: 12 },
      { id: 'a/b/2', variant: 'b', kind: 'a', passed: false, steps: 2, timerSteps: 1, durationMs: 1500, failure: { step: 2, title: 'differs <here> & "there"', details: ['state: expected "x"\u0001'] } },
    ], 2000);
    expect(xml).toContain('<testsuites name="order@1 paths" tests="2" failures="1" errors="0" time="2.000">');
    expect(xml).toContain('<testcase classname="order@1 paths.a.b" name="a/b/1" time="0.012"/>');
    expect(xml).toContain('<failure message="differs &lt;here&gt; &amp; &quot;there&quot;" type="ExpectationFailed">differs &lt;here&gt; &amp; &quot;there&quot;\nstate: expected &quot;x&quot;</failure>');
  });
});
