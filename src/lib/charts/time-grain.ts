/**
 * What one period of a time series is. Labels are `YYYY-MM` for months, and `YYYY-MM-DD` of the first day
 * for weeks and days.
 */
export type TimeGrain = 'month' | 'week' | 'day';
