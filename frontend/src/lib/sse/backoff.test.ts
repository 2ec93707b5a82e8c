import { reconnectDelay } from "./backoff";

describe("reconnect backoff", () => {
  it("doubles from one second and stops at thirty", () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 10].map((a) => reconnectDelay(a, mid))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it("spreads the delay by a quarter either way", () => {
    expect(reconnectDelay(0, () => 0)).toBe(750);
    expect(reconnectDelay(0, () => 1)).toBe(1250);
  });
});
