import { describe, expect, it } from "vitest";
import { MAX_POLL_MS, nextPollDelay } from "../src/lib/poll-delay.ts";

describe("nextPollDelay", () => {
  it("stops at every terminal status", () => {
    for (const status of ["succeeded", "failed", "cancelled"]) {
      expect(nextPollDelay({ status, unchangedPolls: 0 })).toBe(false);
    }
  });

  it("polls every second while a running job keeps moving", () => {
    expect(nextPollDelay({ status: "running", unchangedPolls: 0 })).toBe(1000);
  });

  it("backs off while nothing changes, up to a ceiling", () => {
    const delays = [0, 1, 2, 3, 10, 50].map(
      (n) => nextPollDelay({ status: "running", unchangedPolls: n }) as number,
    );
    for (let i = 1; i < delays.length; i++) {
      expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1] as number);
    }
    expect(delays[1]).toBeGreaterThan(delays[0] as number);
    expect(delays.at(-1)).toBe(MAX_POLL_MS);
  });

  it("polls a queued job less often than a running one", () => {
    const queued = nextPollDelay({ status: "queued", unchangedPolls: 0 }) as number;
    expect(queued).toBeGreaterThan(1000);
  });
});
