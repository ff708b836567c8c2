// The admin page renders whatever figures store.metrics returns: known keys get Chinese labels,
// numbers become cards, maps of numbers become bar charts.

const LABELS: Record<string, string> = {
  members: '会员总数', newMembers: '新增会员', activeMembers: '活跃会员', pointsIssued: '发放积分',
  pointsRedeemed: '兑换积分', pointsExpired: '过期积分', burnRate: '积分消耗率', checkinParticipation: '签到参与率',
  checkInParticipation: '签到参与率', repurchaseRate: '复购率', tierDistribution: '等级分布', promotions: '等级晋升',
  tierPromotions: '等级晋升', normal: '普通会员', silver: '银卡', gold: '金卡', diamond: '钻石卡',
  issued: '发放', redeemed: '兑换', expired: '过期', purchases: '消费笔数', checkins: '签到次数',
  buyers: '消费会员', repeatBuyers: '复购会员',
}

export const label = (key: string): string => LABELS[key] ?? key

export interface Stat { key: string; label: string; value: string }
export interface Bar { key: string; label: string; value: number; percent: number }
export interface Chart { key: string; label: string; bars: Bar[] }

const isRate = (key: string) => /rate|participation/i.test(key)

export function formatStat(key: string, value: number): string {
  return isRate(key) ? `${(value * 100).toFixed(1)}%` : value.toLocaleString('en-US')
}

export function metricsView(metrics: object): { stats: Stat[]; charts: Chart[] } {
  const data = metrics as Record<string, unknown>
  const stats: Stat[] = []
  const charts: Chart[] = []
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'number' && Number.isFinite(value)) stats.push({ key, label: label(key), value: formatStat(key, value) })
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      const chart = toChart(key, value as Record<string, unknown>)
      if (chart) charts.push(chart)
    }
  }
  const issuedKeys = ['pointsIssued', 'pointsRedeemed', 'pointsExpired']
  const flow = issuedKeys.filter((k) => typeof data[k] === 'number')
  if (flow.length > 1) charts.unshift(toChart('pointsFlow', Object.fromEntries(flow.map((k) => [k, data[k]])), '积分流向')!)
  return { stats, charts }
}

function toChart(key: string, values: Record<string, unknown>, title = label(key)): Chart | null {
  const entries = Object.entries(values).filter((e): e is [string, number] => typeof e[1] === 'number')
  if (!entries.length) return null
  const max = Math.max(...entries.map(([, v]) => v), 0)
  const bars = entries.map(([k, v]) => ({ key: k, label: label(k), value: v, percent: max > 0 ? Math.round((v / max) * 100) : 0 }))
  return { key, label: title, bars }
}
