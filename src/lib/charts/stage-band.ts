/** A named period drawn as a shaded band: `YYYY-MM-DD` first and last day, both inclusive (like StageSetting). */
export interface StageBand {
	name: string;
	start: string;
	end: string;
}
