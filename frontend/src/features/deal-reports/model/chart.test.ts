import { describe, expect, it } from "vitest";
import { layoutBars, monthSeries, niceMax, ticks, yOf, type ChartBox } from "./chart";

const row = (month: string | null, pipeline: number, weighted: number, realised: number) => ({
  month,
  pipeline_amount: pipeline,
  weighted_amount: weighted,
  realised_amount: realised,
});

describe("forecast chart scaling", () => {
  it("adds grouped rows up per month, oldest first, leaving out rows without a month", () => {
    expect(monthSeries([row("2027-03", 100, 20, 0), row("2027-01", 50, 10, 5), row("2027-03", 10, 5, 45), row(null, 999, 999, 0)])).toEqual([
      { month: "2027-01", pipeline: 50, weighted: 10, realised: 5 },
      { month: "2027-03", pipeline: 110, weighted: 25, realised: 45 },
    ]);
  });

  it("rounds the axis up to 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(-5)).toBe(1);
    expect(niceMax(1)).toBe(1);
    expect(niceMax(17)).toBe(20);
    expect(niceMax(21)).toBe(25);
    expect(niceMax(45_000)).toBe(50_000);
    expect(niceMax(100_000)).toBe(100_000);
    expect(niceMax(100_001)).toBe(200_000);
    expect(ticks(100_000, 4)).toEqual([0, 25_000, 50_000, 75_000, 100_000]);
  });

  it("picks round axis steps for each kind of top", () => {
    expect(ticks(500_000)).toEqual([0, 100_000, 200_000, 300_000, 400_000, 500_000]);
    expect(ticks(250)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(ticks(2_000)).toEqual([0, 500, 1_000, 1_500, 2_000]);
    expect(ticks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it("lays bars out in equal slots, heights in proportion to the axis", () => {
    const box: ChartBox = { width: 220, height: 120, left: 20, right: 0, top: 10, bottom: 10 };
    const { max, bars } = layoutBars(
      [
        { month: "2027-01", pipeline: 100_000, weighted: 20_000, realised: 0 },
        { month: "2027-02", pipeline: 0, weighted: 0, realised: 50_000 },
      ],
      box,
    );
    expect(max).toBe(100_000);
    expect(bars.map((b) => b.center)).toEqual([70, 170]);
    const [jan, feb] = bars;
    expect(jan!.pipeline).toMatchObject({ height: 100, y: 10 });
    expect(jan!.weighted).toMatchObject({ height: 20, y: 90, x: jan!.pipeline.x });
    expect(jan!.realised.height).toBe(0);
    expect(jan!.realised.x).toBeGreaterThan(jan!.weighted.x + jan!.weighted.width - 1);
    expect(feb!.realised).toMatchObject({ height: 50, y: 60 });
    expect(yOf(50_000, max, box)).toBe(60);
  });

  it("draws nothing tall for an empty period", () => {
    const { max, bars } = layoutBars([], { width: 100, height: 100, left: 0, right: 0, top: 0, bottom: 0 });
    expect(max).toBe(1);
    expect(bars).toEqual([]);
  });
});
