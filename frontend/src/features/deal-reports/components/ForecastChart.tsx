import { Box, Group, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { layoutBars, ticks, yOf, type ChartBox, type MonthPoint } from "../model/chart";
import { formatCompact, formatMinor, formatMonth } from "../model/money";

const COLORS = { pipeline: "#a5d8ff", weighted: "#1c7ed6", realised: "#2f9e44" };
const BOX: ChartBox = { width: 760, height: 280, left: 64, right: 12, top: 12, bottom: 36 };

function Swatch({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Box w={12} h={12} style={{ background: color, borderRadius: 2 }} aria-hidden />
      <Text size="xs">{label}</Text>
    </Group>
  );
}

/** Per month: the weighted forecast in front of the whole pipeline (lighter), and what was realised beside them. */
export function ForecastChart({ points, currency }: { points: MonthPoint[]; currency: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const titleId = useId();
  const descId = useId();
  const { max, bars } = layoutBars(points, BOX);
  const money = (v: number) => formatMinor(v, currency, lang);
  const summary = points
    .map((p) =>
      t("dealReports.chart.monthSummary", { month: formatMonth(p.month, lang), weighted: money(p.weighted), pipeline: money(p.pipeline), realised: money(p.realised) }),
    )
    .join("; ");
  return (
    <Box data-testid="forecast-chart">
      <svg
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        width="100%"
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        style={{ maxWidth: BOX.width, display: "block", fontFamily: "inherit" }}
      >
        <title id={titleId}>{t("dealReports.chart.title", { currency })}</title>
        <desc id={descId}>{summary}</desc>
        {ticks(max).map((v) => {
          const y = yOf(v, max, BOX);
          return (
            <g key={v} aria-hidden>
              <line x1={BOX.left} x2={BOX.width - BOX.right} y1={y} y2={y} stroke="#dee2e6" strokeDasharray={v === 0 ? undefined : "3 3"} />
              <text x={BOX.left - 6} y={y + 4} textAnchor="end" fontSize={11} fill="#868e96">
                {formatCompact(v, lang)}
              </text>
            </g>
          );
        })}
        {bars.map((b) => {
          const month = formatMonth(b.month, lang);
          return (
            <g key={b.month} data-month={b.month}>
              <rect x={b.pipeline.x} y={b.pipeline.y} width={b.pipeline.width} height={b.pipeline.height} fill={COLORS.pipeline}>
                <title>{`${month} · ${t("dealReports.pipeline")}: ${money(b.pipeline.value)}`}</title>
              </rect>
              <rect x={b.weighted.x + 3} y={b.weighted.y} width={Math.max(0, b.weighted.width - 6)} height={b.weighted.height} fill={COLORS.weighted}>
                <title>{`${month} · ${t("dealReports.weighted")}: ${money(b.weighted.value)}`}</title>
              </rect>
              <rect x={b.realised.x} y={b.realised.y} width={b.realised.width} height={b.realised.height} fill={COLORS.realised}>
                <title>{`${month} · ${t("dealReports.realised")}: ${money(b.realised.value)}`}</title>
              </rect>
              <text x={b.center} y={BOX.height - BOX.bottom + 16} textAnchor="middle" fontSize={11} fill="#495057" aria-hidden>
                {month}
              </text>
            </g>
          );
        })}
      </svg>
      <Group gap="md" mt={4} aria-hidden>
        <Swatch color={COLORS.weighted} label={t("dealReports.weighted")} />
        <Swatch color={COLORS.pipeline} label={t("dealReports.pipeline")} />
        <Swatch color={COLORS.realised} label={t("dealReports.realised")} />
      </Group>
    </Box>
  );
}
