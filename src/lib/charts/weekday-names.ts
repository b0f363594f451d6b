/** Short weekday names, Monday first, as the week-hour heatmap's rows and its data name them. */
export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
