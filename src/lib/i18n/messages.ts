// Importing the locale first installs its getLocale, so no message is ever rendered in a language not chosen.
import './locale';

export { m } from '../paraglide/messages.js';
