// The options of the statistics page's charts, built from the figures alone
// (pure, so they are tested without drawing). Money stays in 分: the axis and
// the tooltip show it as 元.
import type { AgeRow, DuesMonth, MonthCount } from '@/api/bindings'
import type { EChartsCoreOption } from 'echarts/core'
import { monthText } from '@/format'
import { yuan } from '@/money'

const RED = '#b71c1c'
const GREY = '#8f959e'
const BLUE = '#4e6e9e'

/** "2026-03" → "3月", or "2025年3月" when the months span more than one year. */
export function monthAxis(months: string[]): string[] {
  const years = new Set(months.map((m) => m.slice(0, 4)))
  return months.map((m) => (years.size > 1 ? monthText(m) : `${Number(m.slice(5, 7))}月`))
}

/** The age pyramid: men to the left, women to the right, youngest at the bottom. */
export function agePyramid(rows: AgeRow[]): EChartsCoreOption {
  const widest = Math.max(1, ...rows.map((r) => Math.max(r.male, r.female)))
  const reach = widest + Math.max(1, Math.ceil(widest / 5))
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => `${Math.abs(v)}人`,
    },
    legend: { data: ['男', '女'], top: 0 },
    grid: { left: 90, right: 30, top: 30, bottom: 24 },
    // Symmetric, with room beyond the longest bar for its number.
    xAxis: {
      type: 'value',
      min: -reach,
      max: reach,
      minInterval: 1,
      axisLabel: { formatter: (v: number) => String(Math.abs(v)) },
    },
    yAxis: { type: 'category', data: rows.map((r) => r.label), axisTick: { show: false } },
    series: [
      {
        name: '男',
        type: 'bar',
        stack: 'people',
        color: BLUE,
        data: rows.map((r) => (r.male ? -r.male : 0)),
        label: { show: true, position: 'left', formatter: (p: { value: number }) => (p.value ? String(-p.value) : '') },
      },
      {
        name: '女',
        type: 'bar',
        stack: 'people',
        color: RED,
        data: rows.map((r) => r.female),
        label: { show: true, position: 'right', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
      },
    ],
  }
}

/** Records held each month. */
export function meetingsPerMonth(months: MonthCount[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}次` },
    grid: { left: 40, right: 20, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: monthAxis(months.map((m) => m.month)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: '会议记录', type: 'bar', color: RED, data: months.map((m) => m.count) }],
  }
}

/** 应交 and 实交 of each month as bars, money taken in as a line (all in 分, shown in 元). */
export function duesPerMonth(months: DuesMonth[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${yuan(v)}元` },
    legend: { data: ['应交', '实交', '当月收款'], top: 0 },
    grid: { left: 60, right: 20, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: monthAxis(months.map((m) => m.month)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Math.round(v / 100)}元` } },
    series: [
      { name: '应交', type: 'bar', color: GREY, data: months.map((m) => m.due_fen) },
      { name: '实交', type: 'bar', color: RED, data: months.map((m) => m.paid_fen) },
      { name: '当月收款', type: 'line', color: BLUE, data: months.map((m) => m.received_fen) },
    ],
  }
}
