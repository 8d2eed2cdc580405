import { de } from '../i18n/de.js';
import { addLanguage } from '../i18n/languages.js';

addLanguage('de', de);
