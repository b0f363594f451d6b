/** Under this many calendar days of data, nobody can have stayed long enough for a retention curve to say anything. */
export const RETENTION_MIN_DAYS = 60;
