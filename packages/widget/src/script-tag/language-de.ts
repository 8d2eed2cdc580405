import { de } from '../i18n/de.js';
import { addLanguage } from '../i18n/translations.js';

addLanguage('de', de);
