import type { PathResult } from './replay-path.ts';

// XML 1.0 has no place for control characters other than tab and line breaks: they are left out.
const notXml = (c: string) => c < ' ' && c !== '\t' && c !== '\n' && c !== '\r';
const escape = (text: string) =>
  [...text].filter((c) => !notXml(c)).join('').replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * The results as JUnit XML (the format CI servers read): one test suite, one test case per path,
 * named by its id and classed by its kind and variant; a failed path carries the step and the
 * differences.
 */
export function junitReport(name: string, results: readonly PathResult[], durationMs: number): string {
  const failures = results.filter((r) => !r.passed).length;
  const cases = results.map((r) => {
    const open = `    <testcase classname="${escape(`${name}.${r.kind}.${r.variant}`)}" name="${escape(r.id)}" time="${seconds(r.durationMs)}"`;
    if (r.passed) return `${open}/>`;
    const { title, details } = r.failure!;
    return `${open}>\n      <failure message="${escape(title)}" type="ExpectationFailed">${escape([title, ...details].join('\n'))}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escape(name)}" tests="${results.length}" failures="${failures}" errors="0" time="${seconds(durationMs)}">`,
    `  <testsuite name="${escape(name)}" tests="${results.length}" failures="${failures}" errors="0" skipped="0" time="${seconds(durationMs)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
