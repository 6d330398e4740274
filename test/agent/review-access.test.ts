import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { canSeeTeam, isReviewer, requireReviewer } from '../../src/agent/review-access.js';

const everyTeam = { id: 'alex' };
const billing = { id: 'bea', teams: ['billing'] };

describe('canSeeTeam', () => {
  it("lets agents of no team see every team, the others only their teams'", () => {
    expect(canSeeTeam(everyTeam, 'support')).toBe(true);
    expect(canSeeTeam(everyTeam, null)).toBe(true);
    expect(canSeeTeam(billing, 'billing')).toBe(true);
    expect(canSeeTeam(billing, 'support')).toBe(false);
    expect(canSeeTeam(billing, null)).toBe(false);
    expect(canSeeTeam(billing, undefined)).toBe(false);
  });
});

describe('isReviewer and requireReviewer', () => {
  it('takes agents who see every team and the listed reviewers', () => {
    expect(isReviewer(everyTeam, [])).toBe(true);
    expect(isReviewer(billing, [])).toBe(false);
    expect(isReviewer(billing, ['bea'])).toBe(true);
    expect(() => requireReviewer(billing, ['bea'])).not.toThrow();
  });

  it('refuses the others with 403 forbidden_review', async () => {
    let error: unknown;
    try {
      requireReviewer(billing, ['alex']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HTTPException);
    const response = (error as HTTPException).getResponse();
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden_review');
  });
});
