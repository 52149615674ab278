import type { AnswerValue } from './bindings/AnswerValue';
import { describe, expect, it } from 'vitest';
import type { SaveAnswerInput } from './bindings/SaveAnswerInput';
import type { SavedAnswer } from './bindings/SavedAnswer';
import { AnswerSaver, consensusOwner, noteOf, ownerOf, valueOf, type SaveInput } from './saver';

/** A fake command: each call waits until the test settles it. */
function fakeSave() {
  const calls: { input: SaveInput; resolve: () => void; reject: (error: unknown) => void }[] = [];
  const save = (input: SaveInput) =>
    new Promise<SavedAnswer>((resolve, reject) => {
      calls.push({
        input,
        resolve: () =>
          resolve({ questionId: input.questionId, answeredQuestions: 1, questionCount: 92, overallScore: 50, savedAt: '' }),
        reject,
      });
    });
  return { calls, save };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const input = (questionId: string, answer: AnswerValue | null, comment = ''): SaveAnswerInput => ({
  respondentId: 1,
  questionId,
  answer,
  comment,
  resumeQuestion: null,
});

describe('AnswerSaver', () => {
  it('is saving until the command returns, then saved', async () => {
    const { calls, save } = fakeSave();
    let changes = 0;
    const saver = new AnswerSaver(save, () => changes++);
    expect(saver.state(1, 'q1')).toBe('idle');
    const done = saver.submit(input('q1', '3'));
    expect(saver.state(1, 'q1')).toBe('saving');
    expect(saver.busy).toBe(true);
    await tick();
    calls[0].resolve();
    await done;
    expect(saver.state(1, 'q1')).toBe('saved');
    expect(saver.busy).toBe(false);
    expect(changes).toBeGreaterThanOrEqual(2);
  });

  it('sends one answer at a time, in order', async () => {
    const { calls, save } = fakeSave();
    const saver = new AnswerSaver(save);
    saver.submit(input('q1', '1'));
    saver.submit(input('q2', '2'));
    await tick();
    expect(calls.map((call) => call.input.questionId)).toEqual(['q1']);
    calls[0].resolve();
    await tick();
    expect(calls.map((call) => call.input.questionId)).toEqual(['q1', 'q2']);
    calls[1].resolve();
    await saver.flush();
    expect([saver.state(1, 'q1'), saver.state(1, 'q2')]).toEqual(['saved', 'saved']);
  });

  it('stores the last answer given when one changes while in flight', async () => {
    const { calls, save } = fakeSave();
    const saver = new AnswerSaver(save);
    saver.submit(input('q1', '1'));
    await tick();
    saver.submit(input('q1', '4', 'on second thought'));
    calls[0].resolve();
    await tick();
    // The first reply is stale: still saving until the second returns.
    expect(saver.state(1, 'q1')).toBe('saving');
    expect(calls[1].input).toEqual(input('q1', '4', 'on second thought'));
    calls[1].resolve();
    await saver.flush();
    expect(saver.state(1, 'q1')).toBe('saved');
  });

  it('merges answers not yet sent to the same question', async () => {
    const { calls, save } = fakeSave();
    const saver = new AnswerSaver(save);
    saver.submit(input('q1', '1'));
    saver.submit(input('q2', '1'));
    saver.submit(input('q2', '2'));
    saver.submit(input('q2', '3'));
    await tick();
    calls[0].resolve();
    await tick();
    calls[1].resolve();
    await saver.flush();
    expect(calls.map((call) => [call.input.questionId, valueOf(call.input)])).toEqual([
      ['q1', '1'],
      ['q2', '3'],
    ]);
  });

  it('keeps a failed answer with its error until it is retried', async () => {
    const { calls, save } = fakeSave();
    const saver = new AnswerSaver(save);
    saver.submit(input('q1', '2'));
    await tick();
    calls[0].reject({ kind: 'storage', message: 'disk full' });
    await saver.flush();
    expect(saver.state(1, 'q1')).toBe('error');
    expect(saver.get(1, 'q1')?.error).toEqual({ kind: 'storage', message: 'disk full' });
    expect(saver.failures()).toHaveLength(1);
    expect(saver.unsettled(1).map((entry) => valueOf(entry.input))).toEqual(['2']);
    expect(saver.unsettled(2)).toEqual([]);
    saver.retry(1, 'q1');
    await tick();
    expect(saver.state(1, 'q1')).toBe('saving');
    calls[1].resolve();
    await saver.flush();
    expect(saver.state(1, 'q1')).toBe('saved');
    expect(saver.failures()).toEqual([]);
  });

  it('turns any thrown value into an ApiError', async () => {
    const saver = new AnswerSaver(() => Promise.reject(new Error('boom')));
    await saver.submit(input('q1', '1'));
    expect(saver.get(1, 'q1')?.error).toEqual({ kind: 'internal', message: 'boom' });
  });

  it('tells the caller what each save returned', async () => {
    const results: string[] = [];
    const saver = new AnswerSaver(
      (sent) =>
        Promise.resolve({ questionId: sent.questionId, answeredQuestions: 3, questionCount: 92, overallScore: null, savedAt: '' }),
      () => {},
      (result) => results.push(result.questionId),
    );
    await saver.submit(input('q7', 'NA'));
    expect(results).toEqual(['q7']);
  });

  it('keeps a consensus value apart from the respondents’ answers to the same question', async () => {
    const { calls, save } = fakeSave();
    const saver = new AnswerSaver(save);
    const group = consensusOwner(7);
    saver.submit(input('q1', '2'));
    saver.submit({ assessmentId: 7, questionId: 'q1', value: '3', note: 'agreed after debate' });
    await tick();
    calls[0].resolve();
    await tick();
    expect(calls).toHaveLength(2);
    expect(saver.state(1, 'q1')).toBe('saved');
    expect(saver.state(group, 'q1')).toBe('saving');
    calls[1].reject({ kind: 'storage', message: 'disk full' });
    await saver.flush();
    expect(saver.state(group, 'q1')).toBe('error');
    expect(saver.unsettled(1)).toEqual([]);
    expect(saver.unsettled(group).map((entry) => [valueOf(entry.input), noteOf(entry.input)])).toEqual([
      ['3', 'agreed after debate'],
    ]);
  });

  it('tells an answer from a consensus value', () => {
    const answer = input('q1', '?', 'not sure');
    expect([ownerOf(answer), valueOf(answer), noteOf(answer)]).toEqual([1, '?', 'not sure']);
    const agreed = { assessmentId: 3, questionId: 'q1', value: null, note: '' };
    expect([ownerOf(agreed), valueOf(agreed), noteOf(agreed)]).toEqual(['consensus:3', null, '']);
  });
});
