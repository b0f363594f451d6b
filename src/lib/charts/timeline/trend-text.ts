import { format } from 'd3';
import { grainName } from '../../i18n/grain-name';
import { m } from '../../i18n/messages';
import type { TimeGrain } from '../time-grain';
import type { TimelineTrend } from './timeline-types';

/** A fitted trend in words: "declining about 9% a month". */
export function trendText(fitted: TimelineTrend, grain: TimeGrain): string {
	return (fitted.rate_per_period < 0 ? m.chart_trend_declining : m.chart_trend_rising)({
		percent: format(Math.abs(fitted.rate_per_period) >= 0.02 ? '.0f' : '.1~f')(Math.abs(fitted.rate_per_period) * 100),
		grain: grainName(grain)
	});
}
