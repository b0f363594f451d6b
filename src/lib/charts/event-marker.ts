/** A dated happening drawn as a dashed vertical line with its label (like EventSetting). */
export interface EventMarker {
	/** `YYYY-MM-DD` */
	date: string;
	label: string;
}
